package io.newsflow.bench.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Makes distinct, realistic pages from the sample pages, with known article counts and titles: articles of the
 * samples recombined onto new pages (2–5 each), paragraphs dropped, people renamed from the names the samples
 * use, datelines and issue dates shifted, new bylines, and the layout varied the way the extraction varies it
 * (see {@link PageLayout}). Deterministic: the same samples and seed give the same pages; page {@code i} depends
 * only on the seed and {@code i}, so a smaller corpus is a prefix of a larger one.
 */
public final class CorpusGenerator {
    private static final LocalDate FIRST_ISSUE = LocalDate.of(2021, 1, 1);
    private static final int ISSUE_DAYS = 4 * 365;
    /** Probability of keeping each paragraph after a news article's first one. */
    private static final double KEEP_PARAGRAPH = 0.8;

    /** An office right before a name: the way a kicker names who spoke. */
    private static final Pattern OFFICE_AND_NAME =
            Pattern.compile("(市委书记|代市长|副市长|市长|省长|秘书长|主任)(\\p{IsHan}{2,3}?)(?=[，、主来在会出参])");

    private final SampleReader.Samples samples;

    public CorpusGenerator(Path samples) throws IOException {
        this.samples = SampleReader.read(samples);
    }

    /** The layout a page was given, so that a page the pipeline mis-splits can be named by its shape. */
    record Shape(PageLayout.Placement placement, int width, boolean longLines, boolean commentary,
                 boolean label, boolean kickers, boolean subtitles, boolean brokenByline,
                 boolean midSentenceBreak) {
    }

    /** A generated page with the layout shape it was given. */
    record Generated(GeneratedPage page, Shape shape) {
    }

    /** {@code pages} distinct pages (distinct bytes, so distinct sha256), deterministic for {@code seed}. */
    public List<GeneratedPage> generate(int pages, long seed) {
        return generateWithShapes(pages, seed).stream().map(Generated::page).toList();
    }

    List<Generated> generateWithShapes(int pages, long seed) {
        List<Generated> result = new ArrayList<>(pages);
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < pages; index++) {
            for (int attempt = 0; ; attempt++) {
                Generated generated = page(index, new Random(mix(seed, index, attempt)));
                if (seen.add(generated.page().text())) {
                    result.add(generated);
                    break;
                }
            }
        }
        return result;
    }

    private Generated page(int index, Random random) {
        LocalDate issueDate = FIRST_ISSUE.plusDays(random.nextInt(ISSUE_DAYS));
        int count = pick(random, new int[] {2, 3, 4, 5}, new int[] {15, 35, 35, 15});
        List<SourceArticle> chosen = choose(random, count);
        List<PageLayout.Piece> pieces = new ArrayList<>(chosen.size());
        List<GeneratedPage.Expected> expected = new ArrayList<>(chosen.size());
        for (SourceArticle source : chosen) {
            Map<String, String> renames = renames(source, random);
            LocalDate event = source.news() ? issueDate.minusDays(random.nextInt(3)) : null;
            PageLayout.Piece piece = piece(source, event, renames, random);
            pieces.add(piece);
            expected.add(new GeneratedPage.Expected(
                    piece.paragraphs().stream().map(SourceArticle::text).toList(), piece.headline().title(),
                    piece.headline().subheadlines(), piece.reporters(), event));
        }
        PageLayout layout = PageLayout.random(random, samples.labels());
        String text = layout.render(pieces);
        String fileName = "%s_p%05d.txt".formatted(issueDate, index + 1);
        return new Generated(new GeneratedPage(fileName, issueDate, text, expected), layout.shape(pieces));
    }

    /** A well-spread seed for page {@code index}, attempt {@code attempt} (another attempt after a duplicate). */
    private static long mix(long seed, int index, int attempt) {
        return new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L) ^ ((long) attempt << 40)).nextLong();
    }

    /** {@code count} distinct articles in random order; at most one commentary (two could not be told apart). */
    private List<SourceArticle> choose(Random random, int count) {
        List<SourceArticle> pool = new ArrayList<>(samples.articles());
        List<SourceArticle> chosen = new ArrayList<>();
        boolean commentary = false;
        while (chosen.size() < count && !pool.isEmpty()) {
            SourceArticle article = pool.remove(random.nextInt(pool.size()));
            if (!article.news() && (commentary || random.nextInt(3) != 0)) {
                continue; // commentary is rarer than news, and one a page at most
            }
            commentary |= !article.news();
            chosen.add(article);
        }
        return chosen;
    }

    private PageLayout.Piece piece(SourceArticle source, LocalDate event, Map<String, String> renames,
                                   Random random) {
        List<String> paragraphs = new ArrayList<>();
        if (source.news()) {
            paragraphs.add("本报讯 %d月%d日%s".formatted(event.getMonthValue(), event.getDayOfMonth(),
                    rename(source.lead(), renames)));
        } else {
            paragraphs.add(rename(source.lead(), renames));
        }
        for (String paragraph : source.paragraphs()) {
            // a commentary keeps its structure (section heads with their paragraphs)
            if (!source.news() || random.nextDouble() < KEEP_PARAGRAPH) {
                paragraphs.add(SourceArticle.isHead(paragraph) ? paragraph : rename(paragraph, renames));
            }
        }
        HeadlineParts headline = headline(source.headline().map(line -> rename(line, renames)), paragraphs, random);
        List<String> reporters = source.news() ? reporters(random) : List.of();
        return new PageLayout.Piece(paragraphs, headline, reporters);
    }

    /**
     * The sample's headline varied: each kicker and subtitle kept or dropped; sometimes a kicker naming a person
     * of the article with their office ({@code 市委书记杜小刚：}, {@code 杜小刚强调}) or a subtitle that repeats a
     * clause of the lead (plain or after a dash), the way papers write them.
     */
    private HeadlineParts headline(HeadlineParts sample, List<String> paragraphs, Random random) {
        List<String> kickers = new ArrayList<>(sample.kickers().stream().filter(line -> random.nextInt(5) != 0).toList());
        List<String> subtitles = new ArrayList<>(sample.subtitles().stream().filter(line -> random.nextInt(5) != 0).toList());
        String body = String.join("", paragraphs);
        if (kickers.isEmpty() && random.nextInt(4) == 0) {
            Matcher office = OFFICE_AND_NAME.matcher(body);
            List<String[]> found = new ArrayList<>();
            while (office.find()) {
                if (samples.persons().contains(office.group(2))) {
                    found.add(new String[] {office.group(1), office.group(2)});
                }
            }
            if (!found.isEmpty()) {
                String[] person = found.get(random.nextInt(found.size()));
                kickers.add(switch (random.nextInt(3)) {
                    case 0 -> person[0] + person[1] + "：";
                    case 1 -> person[1] + "强调";
                    default -> person[0] + person[1] + "在会上指出";
                });
            }
        }
        if (random.nextInt(5) == 0) {
            List<String> clauses = Arrays.stream(paragraphs.getFirst().split("[，。；：！？]"))
                    .filter(clause -> clause.length() >= 8 && clause.length() <= 20)
                    .filter(clause -> clause.chars().allMatch(Character::isLetterOrDigit))
                    // a line ending in a reporting verb reads as the kicker of what follows, unless dashed
                    .filter(clause -> !clause.matches(".*(强调|指出|表示|说)")).toList();
            if (!clauses.isEmpty()) {
                String clause = clauses.get(random.nextInt(clauses.size()));
                subtitles.add(random.nextBoolean() ? clause : "——" + clause);
            }
        }
        return new HeadlineParts(kickers, sample.titleLines(), subtitles);
    }

    /** About half of the people an article names get another name of the pool (one not named in the article). */
    private Map<String, String> renames(SourceArticle source, Random random) {
        String all = source.lead() + String.join("", source.paragraphs()) + source.headline();
        List<String> named = samples.persons().stream().filter(all::contains).toList();
        List<String> free = new ArrayList<>(samples.persons().stream().filter(name -> !all.contains(name)).toList());
        Map<String, String> renames = new LinkedHashMap<>();
        for (String name : named) {
            if (!free.isEmpty() && random.nextBoolean()) {
                renames.put(name, free.remove(random.nextInt(free.size())));
            }
        }
        return renames;
    }

    private static String rename(String text, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return text;
        }
        String alternation = renames.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|"));
        Matcher matcher = Pattern.compile(alternation).matcher(text);
        return matcher.replaceAll(match -> Matcher.quoteReplacement(renames.get(match.group())));
    }

    private List<String> reporters(Random random) {
        List<String> pool = new ArrayList<>(samples.reporters());
        int count = random.nextInt(10) < 6 ? 1 : 2;
        List<String> chosen = new ArrayList<>();
        while (chosen.size() < count && !pool.isEmpty()) {
            chosen.add(pool.remove(random.nextInt(pool.size())));
        }
        return chosen;
    }

    static int pick(Random random, int[] values, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
