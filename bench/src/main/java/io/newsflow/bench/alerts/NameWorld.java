package io.newsflow.bench.alerts;

import io.newsflow.model.Article;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * The persons, places and organisations of a news world as large as a real paper's, with how often the news names
 * each: the gold entities of the MSRA training set ({@code data/ner/msra_train_bio.txt.gz}, about 5,000 persons,
 * 3,800 places and 6,800 organisations of 1990s People's Daily news, counted by mention).
 *
 * <p>The bench corpus is made from four sample pages and names only a few dozen people, places and organisations
 * all told, so that any one of them is in about a tenth of its articles and no saved search on a name can be
 * selective. {@link #rename} gives each article other names from this world instead, drawn by how often the news
 * names them (a few very often, most rarely), the same name for the same name throughout the article; the text
 * stays the corpus's own.
 */
final class NameWorld {
    /** The names of one kind of entity and their mention counts, to draw from by count. */
    record Pool(List<String> names, long[] cumulative) {
        String draw(Random random) {
            long at = (long) (random.nextDouble() * cumulative[cumulative.length - 1]);
            int i = Arrays.binarySearch(cumulative, at + 1);
            return names.get(i >= 0 ? i : -i - 1);
        }

        int size() {
            return names.size();
        }

        static Pool of(Map<String, Long> counts) {
            List<String> names = new ArrayList<>(counts.keySet());
            long[] cumulative = new long[names.size()];
            long sum = 0;
            for (int i = 0; i < names.size(); i++) {
                sum += counts.get(names.get(i));
                cumulative[i] = sum;
            }
            return new Pool(List.copyOf(names), cumulative);
        }
    }

    /** Reporters of the paper: bylines come from a staff this large, not from everyone the news names. */
    static final int STAFF = 200;

    private final Pool persons;
    private final Pool places;
    private final Pool organizations;
    private final List<String> staff;

    NameWorld(Pool persons, Pool places, Pool organizations) {
        if (persons.size() == 0 || places.size() == 0 || organizations.size() == 0) {
            throw new IllegalArgumentException("a name world needs persons, places and organisations");
        }
        this.persons = persons;
        this.places = places;
        this.organizations = organizations;
        List<String> shuffled = new ArrayList<>(persons.names());
        java.util.Collections.shuffle(shuffled, new Random(STAFF));
        this.staff = List.copyOf(shuffled.subList(0, Math.min(STAFF, shuffled.size())));
    }

    /** The entities of a BIO file ({@code char<TAB>tag}, blank line between sentences, tags B-/I-PER, LOC, ORG). */
    static NameWorld fromBio(Path gzippedBio) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gzippedBio))) {
            return fromBio(in);
        }
    }

    static NameWorld fromBio(InputStream bio) throws IOException {
        Map<String, Map<String, Long>> counts =
                Map.of("PER", new TreeMap<>(), "LOC", new TreeMap<>(), "ORG", new TreeMap<>());
        BufferedReader reader = new BufferedReader(new InputStreamReader(bio, StandardCharsets.UTF_8));
        StringBuilder entity = new StringBuilder();
        String type = null;
        for (String line = reader.readLine(); ; line = reader.readLine()) {
            int tab = line == null ? -1 : line.indexOf('\t');
            String tag = tab < 0 ? "O" : line.substring(tab + 1).strip();
            boolean inside = type != null && tag.equals("I-" + type);
            if (!inside && type != null) {
                String name = entity.toString();
                // two characters at least (not the abbreviations 中, 美), Han only: a name free text can hold as a word
                if (name.length() >= 2 && name.codePoints().allMatch(NameWorld::han)) {
                    counts.get(type).merge(name, 1L, Long::sum);
                }
                type = null;
                entity.setLength(0);
            }
            if (line == null) {
                break;
            }
            if (tag.startsWith("B-") && counts.containsKey(tag.substring(2))) {
                type = tag.substring(2);
                entity.append(line, 0, tab);
            } else if (inside) {
                entity.append(line, 0, tab);
            }
        }
        return new NameWorld(Pool.of(counts.get("PER")), Pool.of(counts.get("LOC")), Pool.of(counts.get("ORG")));
    }

    Pool persons() {
        return persons;
    }

    Pool places() {
        return places;
    }

    Pool organizations() {
        return organizations;
    }

    /**
     * The articles with their persons, places, organisations and reporters renamed from this world, each article
     * drawing its own names ({@code seed} and its position decide them). Every mention in headline, kickers, body and
     * lead is replaced, the longest name first (an organisation that holds a place's name is replaced whole); the
     * name lists hold the new names the text still holds, keywords that were names follow them, and the reporters of
     * the byline (not in the text) are drawn from a staff of {@value #STAFF} of the persons. The same articles in
     * the same order and seed give the same names.
     */
    List<Article> rename(List<Article> articles, long seed) {
        // one generator for all: Randoms seeded with neighbouring seeds start with nearly the same draws
        Random random = new Random(seed);
        List<Article> renamed = new ArrayList<>(articles.size());
        for (Article article : articles) {
            renamed.add(rename(article, random));
        }
        return renamed;
    }

    private Article rename(Article article, Random random) {
        Map<String, String> renames = new LinkedHashMap<>();
        draw(article.persons(), persons, random, renames);
        draw(article.places(), places, random, renames);
        draw(article.organizations(), organizations, random, renames);
        List<String> originals = renames.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .toList();

        String headline = replace(article.headline(), originals, renames);
        List<String> subheadlines = article.subheadlines().stream().map(s -> replace(s, originals, renames)).toList();
        String body = replace(article.body(), originals, renames);
        String lead = replace(article.lead(), originals, renames);
        String text = String.join("\n", headline == null ? "" : headline, String.join("\n", subheadlines),
                body == null ? "" : body);
        List<String> reporters = article.reporters().stream().map(r -> staff.get(random.nextInt(staff.size())))
                .distinct().toList();
        return new Article(article.id(), article.ordinal(), article.pageSha256(), article.sourceFile(),
                article.issueDate(), headline, subheadlines, body, lead, article.eventDate(), article.dates(), reporters,
                present(renamed(article.persons(), renames), text),
                present(renamed(article.places(), renames), text),
                present(renamed(article.organizations(), renames), text),
                renamed(article.keywords(), renames), article.category(), body == null ? 0 : body.length(),
                article.enrichedAt(), article.pipelineVersion());
    }

    private static void draw(List<String> names, Pool pool, Random random, Map<String, String> renames) {
        for (String name : names) {
            if (name.length() >= 2 && !renames.containsKey(name)) {
                renames.put(name, pool.draw(random));
            }
        }
    }

    /** Each original name replaced at once through a private-use mark, so that no new name is renamed again. */
    private static String replace(String text, List<String> originals, Map<String, String> renames) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < originals.size(); i++) {
            text = text.replace(originals.get(i), "\uE000" + i + "\uE001");
        }
        for (int i = 0; i < originals.size(); i++) {
            text = text.replace("\uE000" + i + "\uE001", renames.get(originals.get(i)));
        }
        return text;
    }

    private static List<String> renamed(List<String> values, Map<String, String> renames) {
        Set<String> renamed = new LinkedHashSet<>();
        values.forEach(v -> renamed.add(renames.getOrDefault(v, v)));
        return List.copyOf(renamed);
    }

    private static boolean han(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    private static List<String> present(List<String> names, String text) {
        return names.stream().filter(text::contains).toList();
    }
}
