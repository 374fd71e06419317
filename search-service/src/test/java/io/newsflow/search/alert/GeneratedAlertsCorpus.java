package io.newsflow.search.alert;

import io.newsflow.model.Article;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Articles and saved searches made for the saved-search tests from a seed: articles whose text is the sample pages'
 * own sentences with generated names woven in, and searches drawn from those texts and values with every operator
 * {@code /api/search} takes (words, phrases, either-or, exclusions, prefixes, fuzzy words, filters, date ranges).
 * Searches are {@code /api/search} parameters, each value a list, as a saved search stores them.
 */
public final class GeneratedAlertsCorpus {
    static final List<String> PERSONS = List.of("杜小刚", "赵建军", "叶航雨", "高亚光", "周常青", "许昆林", "蒋敏", "王进健");
    static final List<String> PLACES = List.of("无锡", "宜兴市", "太湖", "梁溪区", "蠡湖", "江阴", "锡山区", "新吴区");
    static final List<String> ORGANIZATIONS = List.of("市委", "市政府", "华虹半导体", "市发展改革委", "市商务局", "京东集团");
    static final List<String> REPORTERS = List.of("高美梅", "惠晓婧", "王拓", "朱冬娅");
    static final List<String> CATEGORIES = List.of("politics", "economy", "technology", "environment", "society", "culture");
    static final List<String> TOPICS = List.of("太湖综合治理", "集成电路", "营商环境", "乡村振兴", "大运河文化");

    private final Random random;
    private final List<String> sentences;
    private final List<Article> articles = new ArrayList<>();

    /**
     * @param samples the repository's {@code samples} folder: its pages' paragraphs give the article texts
     */
    public GeneratedAlertsCorpus(Path samples, long seed) {
        this.random = new Random(seed);
        this.sentences = sentences(samples);
    }

    /** {@code count} articles on the page {@code pageSha256}, each carrying {@code runKeyword} among its keywords. */
    public List<Article> articles(String pageSha256, int count, String runKeyword) {
        List<Article> made = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            List<String> persons = some(PERSONS, 0, 3);
            List<String> places = some(PLACES, 0, 2);
            List<String> organizations = some(ORGANIZATIONS, 0, 2);
            StringBuilder body = new StringBuilder();
            int paragraphs = 1 + random.nextInt(4);
            for (int p = 0; p < paragraphs; p++) {
                if (p > 0) {
                    body.append('\n');
                }
                body.append(pick(sentences));
                if (!persons.isEmpty() && random.nextBoolean()) {
                    String place = places.isEmpty() ? pick(PLACES) : pick(places);
                    body.append(pick(persons)).append("在").append(place).append("调研").append(pick(TOPICS)).append("。");
                }
                if (!organizations.isEmpty() && random.nextInt(3) == 0) {
                    body.append(pick(organizations)).append("召开会议，研究").append(pick(TOPICS)).append("工作。");
                }
            }
            String headline = random.nextInt(3) == 0 && !persons.isEmpty()
                    ? pick(persons) + "调研" + pick(TOPICS)
                    : cut(pick(sentences), 6 + random.nextInt(14));
            List<String> subheadlines = random.nextInt(4) == 0 ? List.of(cut(pick(sentences), 8 + random.nextInt(8))) : List.of();
            List<String> keywords = new ArrayList<>(some(TOPICS, 0, 2));
            keywords.add(runKeyword);
            LocalDate eventDate = random.nextInt(6) == 0 ? null : LocalDate.of(2023, 12, 1).plusDays(random.nextInt(31));
            String text = body.toString();
            made.add(new Article(Article.idOf(pageSha256, i), i, pageSha256, "alerts-" + pageSha256.substring(0, 8) + ".txt",
                    LocalDate.of(2023, 12, 31), headline, subheadlines, text, cut(text, 30), eventDate,
                    eventDate == null ? List.of() : List.of(eventDate), some(REPORTERS, 0, 2), persons, places, organizations,
                    keywords, pick(CATEGORIES), text.length(), Instant.parse("2024-01-01T00:00:00Z"), "test"));
        }
        articles.addAll(made);
        return made;
    }

    /** {@code count} saved searches' parameters drawn from the articles made so far. */
    public List<Map<String, List<String>>> searches(int count) {
        List<Map<String, List<String>>> searches = new ArrayList<>();
        while (searches.size() < count) {
            Map<String, List<String>> params = new LinkedHashMap<>();
            String q = text();
            if (q != null) {
                params.put("q", List.of(q));
            }
            if (random.nextInt(4) == 0) {
                params.put("person", some(PERSONS, 1, 2));
            }
            if (random.nextInt(7) == 0) {
                params.put("place", some(PLACES, 1, 1));
            }
            if (random.nextInt(9) == 0) {
                params.put("org", some(ORGANIZATIONS, 1, 1));
            }
            if (random.nextInt(9) == 0) {
                params.put("reporter", some(REPORTERS, 1, 1));
            }
            if (random.nextInt(6) == 0) {
                params.put("category", some(CATEGORIES, 1, 3));
            }
            if (random.nextInt(10) == 0) {
                params.put("keyword", some(TOPICS, 1, 1));
            }
            if (random.nextInt(5) == 0) {
                LocalDate from = LocalDate.of(2023, 12, 1).plusDays(random.nextInt(25));
                if (random.nextBoolean()) {
                    params.put("from", List.of(from.toString()));
                }
                params.put("to", List.of(from.plusDays(random.nextInt(12)).toString()));
            }
            if (!params.isEmpty()) {
                searches.add(params);
            }
        }
        return searches;
    }

    /** Free text of one of the kinds {@code /api/search} reads, or none. */
    private String text() {
        return switch (random.nextInt(12)) {
            case 0 -> null;
            case 1, 2 -> word();
            case 3 -> word() + " " + word();
            case 4 -> "\"" + fragment(2 + random.nextInt(6)) + "\"";
            case 5 -> "“" + fragment(3 + random.nextInt(4)) + "”";
            case 6 -> word() + " | " + word();
            case 7 -> word() + " -" + word();
            case 8 -> "-" + word();
            case 9 -> fragment(1) + "*";
            case 10 -> "(" + word() + " | " + pick(PERSONS) + ") " + pick(TOPICS);
            default -> random.nextBoolean() ? pick(PERSONS) : pick(PLACES) + "~1";
        };
    }

    /** A word of an article: a run of two to four characters of its headline or body. */
    private String word() {
        return fragment(2 + random.nextInt(3));
    }

    private String fragment(int length) {
        for (int tries = 0; tries < 50; tries++) {
            Article article = pick(articles);
            String text = random.nextInt(4) == 0 ? article.headline() : article.body();
            if (text.length() <= length) {
                continue;
            }
            int at = random.nextInt(text.length() - length);
            String candidate = text.substring(at, at + length);
            if (candidate.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
                return candidate;
            }
        }
        return pick(TOPICS);
    }

    private static List<String> sentences(Path samples) {
        List<String> sentences = new ArrayList<>();
        try (Stream<Path> files = Files.list(samples)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                // hard-wrapped columns: a paragraph's lines joined again, then cut after each full stop
                String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r", "");
                for (String paragraph : text.split("\n\\s*\n")) {
                    String joined = paragraph.replace("\n", "").strip();
                    for (String sentence : joined.split("(?<=。)")) {
                        if (sentence.strip().length() >= 8) {
                            sentences.add(sentence.strip());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (sentences.size() < 50) {
            throw new IllegalStateException("the sample pages gave only " + sentences.size() + " sentences");
        }
        return sentences;
    }

    private String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private List<String> some(List<String> values, int min, int max) {
        int n = min + random.nextInt(max - min + 1);
        List<String> shuffled = new ArrayList<>(values);
        java.util.Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, n));
    }
}
