package io.newsflow.bench.stack;

import io.newsflow.bench.BenchContext;
import io.newsflow.enrich.text.Sentences;
import io.newsflow.model.Article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Realistic articles in any number, cheaply: a few hundred generated pages are enriched once in this JVM by
 * enrich-service's pipeline ({@link #originals}), and every article handed out is derived from those: the first
 * paragraph (dateline and lead) of one original followed by paragraphs recombined from it and another original of
 * the same category, persons and places swapped for other known names, all dates moved by whole years (so the
 * dateline's month and day still match). Ids are distinct (a derived page hash per source seed and page), persons,
 * places and organisations are exactly the known names the new body holds, {@code charCount} is its length.
 * Enriching every article instead would cost ~3 ms of CPU per article (hours of setup for the search benchmark);
 * the node's indexing cost, which is what the benchmarks need, depends on the text, not on where it came from.
 */
final class ArticleSource {
    private static final System.Logger LOG = System.getLogger(ArticleSource.class.getName());
    /** Pages enriched once per run (~3.5 articles each), shared by every source. */
    static final int ORIGINAL_PAGES = 400;
    private static final long ORIGINALS_SEED = 0x0A1C1E5L;
    private static final int ARTICLES_PER_CHUNK = 2000;
    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d\\d)年");
    private static List<Article> originals;

    private final long seed;
    private final Random random;
    private final Map<String, List<Article>> byCategory;
    private final List<Article> all;
    private final List<List<Article>> originalPages;
    private final List<String> persons;
    private final List<String> places;
    private long pages;

    /** @param seed distinct per benchmark: it is part of every derived id, so no two sources share an id */
    ArticleSource(BenchContext context, long seed) {
        this.seed = seed;
        this.random = new Random(seed);
        this.all = originals(context);
        this.originalPages = List.copyOf(all.stream().collect(Collectors.groupingBy(Article::pageSha256,
                LinkedHashMap::new, Collectors.toList())).values());
        this.byCategory = all.stream().collect(Collectors.groupingBy(a -> String.valueOf(a.category()),
                LinkedHashMap::new, Collectors.toList()));
        this.persons = all.stream().flatMap(a -> a.persons().stream()).distinct().sorted().toList();
        this.places = all.stream().flatMap(a -> a.places().stream()).distinct().sorted().toList();
    }

    /** The enriched articles of {@link #ORIGINAL_PAGES} generated pages (enriched on first use, on all cores). */
    static synchronized List<Article> originals(BenchContext context) {
        if (originals == null) {
            long started = System.nanoTime();
            originals = InProcessEnrichment.parallel(context.corpus(ORIGINAL_PAGES, ORIGINALS_SEED).pages()).stream()
                    .filter(a -> a.body() != null && !a.body().isBlank()).toList();
            LOG.log(System.Logger.Level.INFO, "enriched {0} pages into {1} original articles in {2} s",
                    ORIGINAL_PAGES, originals.size(), String.format("%.1f", (System.nanoTime() - started) / 1e9));
        }
        return originals;
    }

    /** The next {@value #ARTICLES_PER_CHUNK} derived articles (whole derived pages). */
    List<Article> nextChunk() {
        List<Article> chunk = new ArrayList<>(ARTICLES_PER_CHUNK + 8);
        while (chunk.size() < ARTICLES_PER_CHUNK) {
            chunk.addAll(nextPage());
        }
        return chunk;
    }

    /** Exactly {@code count} articles (the last chunk cut). */
    List<Article> take(int count) {
        List<Article> articles = new ArrayList<>(count);
        while (articles.size() < count) {
            List<Article> chunk = nextChunk();
            articles.addAll(chunk.subList(0, Math.min(chunk.size(), count - articles.size())));
        }
        return articles;
    }

    /**
     * One derived page: an original page's articles in its order, each derived, all moved by the same whole years
     * (so issue date, event dates and file name agree).
     */
    private List<Article> nextPage() {
        long page = pages++;
        String sha = sha256("bench-derived/" + seed + "/" + page);
        List<Article> original = pick(originalPages);
        int years = random.nextInt(-3, 2); // issue dates spread over five years
        LocalDate issueDate = shift(original.getFirst().issueDate(), years);
        String fileName = (issueDate == null ? "undated" : issueDate.toString()) + String.format("_d%06d.txt", page);
        List<Article> articles = new ArrayList<>(original.size());
        for (Article base : original) {
            articles.add(derive(base, sha, articles.size() + 1, fileName, years));
        }
        return articles;
    }

    private Article derive(Article base, String sha, int ordinal, String fileName, int years) {
        List<Article> sameCategory = byCategory.get(String.valueOf(base.category()));
        Article other = sameCategory.size() > 1 ? pick(sameCategory) : base;

        // dateline and lead from the base, then the rest of both articles interleaved, each in its own order
        List<String> mine = paragraphs(base.body());
        List<String> theirs = other == base ? List.of() : paragraphs(other.body());
        List<String> body = new ArrayList<>();
        body.add(mine.getFirst());
        int target = Math.max(mine.size(), 1 + (mine.size() - 1 + theirs.size() - 1 + 1) / 2);
        int i = 1;
        int j = 1;
        while (body.size() < target && (i < mine.size() || j < theirs.size())) {
            boolean fromMine = j >= theirs.size() || (i < mine.size() && random.nextBoolean());
            if (fromMine) {
                if (random.nextInt(4) > 0 || j >= theirs.size()) { // a quarter of the base's paragraphs dropped
                    body.add(mine.get(i));
                }
                i++;
            } else {
                body.add(theirs.get(j++));
            }
        }
        String text = String.join("\n", body);
        String headline = base.headline();
        String lead = base.lead();
        List<String> subheadlines = base.subheadlines();

        // swap about half of the persons and places the text holds for other known names, longest first
        Set<String> taken = new LinkedHashSet<>();
        List<String[]> swaps = new ArrayList<>();
        for (var kind : List.of(Map.entry(union(base.persons(), other.persons()), persons),
                Map.entry(union(base.places(), other.places()), places))) {
            List<String> names = kind.getKey();
            List<String> pool = kind.getValue();
            for (String name : names.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
                if (!text.contains(name) || pool.size() < 2 || !random.nextBoolean()) {
                    continue;
                }
                String replacement = pool.get(random.nextInt(pool.size()));
                if (replacement.contains(name) || name.contains(replacement) || text.contains(replacement)
                        || !taken.add(replacement)) {
                    continue;
                }
                swaps.add(new String[] {name, replacement});
            }
        }
        for (String[] swap : swaps) {
            text = text.replace(swap[0], swap[1]);
            headline = headline == null ? null : headline.replace(swap[0], swap[1]);
            lead = lead == null ? null : lead.replace(swap[0], swap[1]);
            subheadlines = subheadlines.stream().map(s -> s.replace(swap[0], swap[1])).toList();
        }
        if (years != 0) {
            int from = base.issueDate() == null ? 0 : base.issueDate().getYear();
            text = shiftYears(text, from, years);
            headline = headline == null ? null : shiftYears(headline, from, years);
            lead = lead == null ? null : shiftYears(lead, from, years);
        }
        String finalText = text;
        String firstSentence = Sentences.first(text);
        LocalDate issueDate = shift(base.issueDate(), years);
        return new Article(Article.idOf(sha, ordinal), ordinal, sha, fileName, issueDate, headline, subheadlines,
                text, firstSentence == null || firstSentence.isBlank() ? lead : firstSentence,
                shift(base.eventDate(), years),
                base.dates().stream().map(d -> d.plusYears(years)).distinct().sorted().toList(),
                base.reporters(),
                present(finalText, union(union(base.persons(), other.persons()), swapped(swaps, persons))),
                present(finalText, union(union(base.places(), other.places()), swapped(swaps, places))),
                present(finalText, union(base.organizations(), other.organizations())),
                present(finalText + headline, union(base.keywords(), other.keywords())).stream()
                        .limit(Math.max(1, base.keywords().size())).toList(),
                base.category(), text.length(),
                (issueDate == null ? LocalDate.of(2024, 1, 1) : issueDate).atTime(5, 0).toInstant(ZoneOffset.UTC)
                        .plusSeconds(pages * 7 + ordinal),
                base.pipelineVersion());
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<String> paragraphs(String body) {
        List<String> paragraphs = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                paragraphs.add(line);
            }
        }
        return paragraphs.isEmpty() ? List.of(body) : paragraphs;
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> union = new LinkedHashSet<>(a);
        union.addAll(b);
        return List.copyOf(union);
    }

    /** The replacement names of the swaps that come from {@code pool}. */
    private static List<String> swapped(List<String[]> swaps, List<String> pool) {
        return swaps.stream().map(s -> s[1]).filter(name -> java.util.Collections.binarySearch(pool, name) >= 0).toList();
    }

    /** The names the text really holds (a swap may have removed one, or a name hidden inside another). */
    private static List<String> present(String text, List<String> names) {
        return names.stream().filter(text::contains).toList();
    }

    private static LocalDate shift(LocalDate date, int years) {
        return date == null ? null : date.plusYears(years);
    }

    /** "2023年" becomes "2021年" for a shift of -2, for years within one of the issue year only (not history). */
    private static String shiftYears(String text, int issueYear, int years) {
        Matcher m = YEAR.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            int year = Integer.parseInt(m.group(1));
            String replacement = issueYear != 0 && Math.abs(year - issueYear) <= 1 ? (year + years) + "年" : m.group();
            m.appendReplacement(out, replacement);
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
