package io.newsflow.bench.alerts;

import io.newsflow.model.Article;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Saved searches as a press office, a desk or an analyst would keep them, drawn from articles with a seed: names,
 * places and organisations as exact filters and as text, phrases and words of the articles' text, either-or,
 * exclusions, categories, reporters, keywords and date ranges, each search a map of {@code /api/search} parameters
 * as a saved search stores them. Most are selective: values are drawn uniformly from the distinct values the
 * articles hold (so mostly from the long tail), words and phrases (save those of running stories) only among those
 * at most {@value #SELECTIVE_SHARE} of the articles hold. The same articles, analyzer and seed give the same searches.
 */
public final class SavedSearchGenerator {

    /** The kinds of saved searches and their share of the mix, per mille. */
    public enum Kind {
        PERSON_FILTER(120), PERSON_TEXT(60), PERSON_AND_WORD(40),
        PLACE_FILTER(60), PLACE_TEXT(40), PLACE_AND_PHRASE(40),
        ORGANIZATION_FILTER(80), ORGANIZATION_TEXT(50),
        /** Two or three adjacent words of an article that few articles hold. */
        PHRASE(110),
        /** A phrase of the text however common: a desk watching a running story. */
        TOPIC_PHRASE(30),
        WORD(60), TWO_WORDS(70), EITHER_OR(60), EXCLUSION(40), GROUPED(30),
        CATEGORY_AND_WORD(40), CATEGORY_AND_PERSON(20), REPORTER_FILTER(20), KEYWORD_FILTER(20),
        /** A prefix ({@code 集成*}) under a place filter: a prefix alone would run for every article. */
        PREFIX_WITH_PLACE(5),
        /** A fuzzy name ({@code 杜小刚~1}) under an organisation filter, for the same reason. */
        FUZZY_WITH_ORGANIZATION(5);

        final int perMille;

        Kind(int perMille) {
            this.perMille = perMille;
        }
    }

    /** One generated saved search: its kind and its {@code /api/search} parameters. */
    public record Search(Kind kind, Map<String, List<String>> params) {
        public Search {
            params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }

    /** Share of searches that also carry an event date range. */
    static final double DATED_SHARE = 0.15;
    /** A word or phrase is selective when at most this share of the articles hold it. */
    static final double SELECTIVE_SHARE = 0.01;
    /** The second word of a two-word search may be common, up to this share. */
    static final double COMMON_WORD_SHARE = 0.20;
    /** Characters that {@code simple_query_string} reads as operators: no name with one goes into free text. */
    private static final String OPERATORS = "+|-\"*()~\\ \t\n\u3000";

    private final Random random;
    private final List<Article> articles;
    private final List<List<Token>> bodies = new ArrayList<>();
    /** Headline, kickers and body of each article, to count how many hold a phrase. */
    private final List<String> texts = new ArrayList<>();
    private final List<String> persons;
    private final List<String> places;
    private final List<String> organizations;
    private final List<String> reporters;
    private final List<String> keywords;
    private final List<String> categories;
    private final List<String> selectiveWords;
    private final List<String> commonWords;
    private final List<LocalDate> eventDates;

    /** A word of an article's text and where it stands. */
    private record Token(String text, int start, int end) {
        boolean han() {
            return text.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        }
    }

    /**
     * @param articles the articles the searches are drawn from (their text, names, categories and dates)
     * @param words    the analyzer whose words the text searches use: the index's own ({@code newsflow_text})
     * @param seed     the same seed gives the same searches
     */
    public SavedSearchGenerator(List<Article> articles, Analyzer words, long seed) {
        this.random = new Random(seed);
        this.articles = articles.stream().filter(a -> a.body() != null && !a.body().isBlank()).toList();
        if (this.articles.isEmpty()) {
            throw new IllegalArgumentException("no article with a body to draw searches from");
        }
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (Article article : this.articles) {
            List<Token> body = tokens(words, article.body());
            bodies.add(body);
            texts.add(String.join("\n", String.valueOf(article.headline()), String.join("\n", article.subheadlines()),
                    article.body()));
            Set<String> distinct = new TreeSet<>();
            body.stream().filter(t -> t.text().length() >= 2 && t.han()).forEach(t -> distinct.add(t.text()));
            if (article.headline() != null) {
                tokens(words, article.headline()).stream().filter(t -> t.text().length() >= 2 && t.han())
                        .forEach(t -> distinct.add(t.text()));
            }
            distinct.forEach(word -> documentFrequency.merge(word, 1, Integer::sum));
        }
        int n = this.articles.size();
        this.selectiveWords = wordsBetween(documentFrequency, 2, Math.max(2, (int) (n * SELECTIVE_SHARE)));
        this.commonWords = wordsBetween(documentFrequency, 2, Math.max(2, (int) (n * COMMON_WORD_SHARE)));
        this.persons = distinct(Article::persons);
        this.places = distinct(Article::places);
        this.organizations = distinct(Article::organizations);
        this.reporters = distinct(Article::reporters);
        this.keywords = distinct(Article::keywords);
        this.categories = distinct(a -> a.category() == null ? List.of() : List.of(a.category()));
        this.eventDates = this.articles.stream().map(Article::eventDate).filter(java.util.Objects::nonNull).toList();
        if (selectiveWords.isEmpty() || persons.isEmpty() || places.isEmpty() || organizations.isEmpty()
                || categories.isEmpty()) {
            throw new IllegalArgumentException("the articles hold too little to draw searches from: "
                    + selectiveWords.size() + " selective words, " + persons.size() + " persons, " + places.size()
                    + " places, " + organizations.size() + " organisations, " + categories.size() + " categories");
        }
    }

    /** {@code count} saved searches in the mix of {@link Kind}. */
    public List<Search> generate(int count) {
        List<Search> searches = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Kind kind = kind();
            Map<String, List<String>> params = new LinkedHashMap<>();
            switch (kind) {
                case PERSON_FILTER -> params.put("person", List.of(pick(persons)));
                case PERSON_TEXT -> params.put("q", List.of(textName(persons)));
                case PERSON_AND_WORD -> {
                    params.put("person", List.of(pick(persons)));
                    params.put("q", List.of(pick(commonWords)));
                }
                case PLACE_FILTER -> params.put("place", List.of(pick(places)));
                case PLACE_TEXT -> params.put("q", List.of(textName(places)));
                case PLACE_AND_PHRASE -> {
                    params.put("place", List.of(pick(places)));
                    params.put("q", List.of(quoted(phrase())));
                }
                case ORGANIZATION_FILTER -> params.put("org", List.of(pick(organizations)));
                case ORGANIZATION_TEXT -> params.put("q", List.of(textName(organizations)));
                case PHRASE -> params.put("q", List.of(quoted(phrase())));
                case TOPIC_PHRASE -> params.put("q", List.of(quoted(anyPhrase())));
                case WORD -> params.put("q", List.of(pick(selectiveWords)));
                case TWO_WORDS -> params.put("q", List.of(pick(selectiveWords) + " " + pick(commonWords)));
                case EITHER_OR -> params.put("q", List.of(random.nextBoolean()
                        ? textName(persons) + " | " + textName(persons)
                        : pick(selectiveWords) + " | " + pick(selectiveWords)));
                case EXCLUSION -> params.put("q", List.of(pick(selectiveWords) + " -" + pick(commonWords)));
                case GROUPED -> params.put("q", List.of("(" + textName(organizations) + " | " + textName(places) + ") "
                        + pick(selectiveWords)));
                case CATEGORY_AND_WORD -> {
                    params.put("category", List.of(pick(categories)));
                    params.put("q", List.of(pick(selectiveWords)));
                }
                case CATEGORY_AND_PERSON -> {
                    params.put("category", List.of(pick(categories)));
                    params.put("person", List.of(pick(persons)));
                }
                case REPORTER_FILTER -> params.put("reporter",
                        List.of(pick(reporters.isEmpty() ? persons : reporters)));
                case KEYWORD_FILTER -> params.put("keyword",
                        List.of(pick(keywords.isEmpty() ? selectiveWords : keywords)));
                case PREFIX_WITH_PLACE -> {
                    params.put("place", List.of(pick(places)));
                    String word = pick(commonWords);
                    params.put("q", List.of(word.substring(0, Math.max(1, word.length() - 1)) + "*"));
                }
                case FUZZY_WITH_ORGANIZATION -> {
                    params.put("org", List.of(pick(organizations)));
                    params.put("q", List.of(textName(persons) + "~1"));
                }
            }
            if (!eventDates.isEmpty() && random.nextDouble() < DATED_SHARE) {
                LocalDate from = pick(eventDates).minusDays(random.nextInt(31));
                if (random.nextInt(3) > 0) {
                    params.put("from", List.of(from.toString()));
                }
                params.put("to", List.of(from.plusDays(7 + random.nextInt(84)).toString()));
            }
            searches.add(new Search(kind, params));
        }
        return searches;
    }

    private Kind kind() {
        int draw = random.nextInt(1000);
        for (Kind kind : Kind.values()) {
            draw -= kind.perMille;
            if (draw < 0) {
                return kind;
            }
        }
        throw new IllegalStateException("the shares of the kinds add up to less than 1000");
    }

    /** A phrase of the text that at most {@link #SELECTIVE_SHARE} of the articles hold. */
    private String phrase() {
        int most = Math.max(1, (int) (articles.size() * SELECTIVE_SHARE));
        for (int tries = 0; tries < 200; tries++) {
            String phrase = anyPhrase();
            if (texts.stream().filter(text -> text.contains(phrase)).limit(most + 1).count() <= most) {
                return phrase;
            }
        }
        return pick(selectiveWords);
    }

    /** Two or three adjacent words of an article's body, with no punctuation between them. */
    private String anyPhrase() {
        for (int tries = 0; tries < 100; tries++) {
            List<Token> body = pick(bodies);
            if (body.size() < 3) {
                continue;
            }
            int length = 2 + random.nextInt(2);
            int first = random.nextInt(body.size() - length + 1);
            List<Token> run = body.subList(first, first + length);
            boolean adjacent = true;
            for (int i = 1; i < run.size(); i++) {
                adjacent &= run.get(i - 1).end() == run.get(i).start();
            }
            boolean oneRealWord = run.stream().anyMatch(t -> t.text().length() >= 2);
            if (adjacent && oneRealWord && run.stream().allMatch(Token::han)) {
                StringBuilder phrase = new StringBuilder();
                run.forEach(t -> phrase.append(t.text()));
                if (phrase.length() >= 3) {
                    return phrase.toString();
                }
            }
        }
        return pick(selectiveWords);
    }

    /** A name that can stand in free text as one word (no operator character in it). */
    private String textName(List<String> names) {
        for (int tries = 0; tries < 20; tries++) {
            String name = pick(names);
            if (name.chars().noneMatch(c -> OPERATORS.indexOf(c) >= 0)) {
                return name;
            }
        }
        return pick(selectiveWords);
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private List<String> distinct(Function<Article, Collection<String>> values) {
        Set<String> distinct = new TreeSet<>();
        articles.forEach(a -> values.apply(a).stream().filter(v -> v != null && !v.isBlank()).forEach(distinct::add));
        return List.copyOf(distinct);
    }

    private static List<String> wordsBetween(Map<String, Integer> frequency, int min, int max) {
        return frequency.entrySet().stream().filter(e -> e.getValue() >= min && e.getValue() <= max)
                .map(Map.Entry::getKey).sorted().toList();
    }

    private static List<Token> tokens(Analyzer analyzer, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                // the words as they stand in the text (the analyzer folds widths and case; a phrase must read as written)
                tokens.add(new Token(text.substring(offset.startOffset(), offset.endOffset()), offset.startOffset(),
                        offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text held in memory", e);
        }
        return tokens;
    }

    /** The kinds' shares as generated, for the report: kind to count. */
    static Map<Kind, Integer> mix(List<Search> searches) {
        Map<Kind, Integer> mix = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            mix.put(kind, 0);
        }
        searches.forEach(s -> mix.merge(s.kind(), 1, Integer::sum));
        return mix;
    }
}
