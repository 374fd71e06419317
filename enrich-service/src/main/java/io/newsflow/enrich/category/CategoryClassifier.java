package io.newsflow.enrich.category;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Picks an article's {@link Category} from keyword rules ({@code rules.txt}, format in its header): every rule term
 * found in the text adds its weight to its category, three times over in the headline, twice in a keyword, once in
 * the body. Terms are matched leftmost-longest without overlap, so a longer term ({@code 营商环境}) hides the shorter
 * ones inside it ({@code 环境}), and blocking terms of weight 0 hide words that mean nothing in a longer phrase
 * ({@code 社会主义}). The highest score wins, ties going to the earlier category in {@link Category}'s order;
 * {@link Category#GENERAL} when no term matches. Instances are immutable and may be shared between threads.
 */
public final class CategoryClassifier {
    static final int HEADLINE_FACTOR = 3;
    static final int KEYWORD_FACTOR = 2;
    static final int BODY_FACTOR = 1;
    private static final String RULES = "rules.txt";
    private static final String BLOCK = "none";
    private static final Comparator<AhoCorasickDoubleArrayTrie<Rule>.Hit<Rule>> LEFTMOST_LONGEST =
            Comparator.<AhoCorasickDoubleArrayTrie<Rule>.Hit<Rule>>comparingInt(hit -> hit.begin)
                    .thenComparingInt(hit -> -hit.end);

    /** A term's category (null for a blocking term) and weight. */
    private record Rule(Category category, int weight) {
    }

    private final AhoCorasickDoubleArrayTrie<Rule> terms;

    public CategoryClassifier() {
        this.terms = new AhoCorasickDoubleArrayTrie<>(loadRules());
    }

    /**
     * The article's category.
     *
     * @param headline the headline (may be null)
     * @param body     the body (may be null)
     * @param keywords the article's keywords (may be null)
     */
    public Category classify(String headline, String body, List<String> keywords) {
        int[] scores = scores(headline, body, keywords);
        Category best = Category.GENERAL;
        for (Category category : Category.values()) {
            if (scores[category.ordinal()] > scores[best.ordinal()]) {
                best = category;
            }
        }
        return best;
    }

    /** The score of each category, indexed by its ordinal. */
    int[] scores(String headline, String body, List<String> keywords) {
        int[] scores = new int[Category.values().length];
        score(headline, HEADLINE_FACTOR, scores);
        score(body, BODY_FACTOR, scores);
        if (keywords != null) {
            for (String keyword : keywords) {
                score(keyword, KEYWORD_FACTOR, scores);
            }
        }
        return scores;
    }

    private void score(String text, int factor, int[] scores) {
        if (text == null || text.isEmpty()) {
            return;
        }
        List<AhoCorasickDoubleArrayTrie<Rule>.Hit<Rule>> hits = terms.parseText(text);
        hits.sort(LEFTMOST_LONGEST);
        int covered = 0;
        for (AhoCorasickDoubleArrayTrie<Rule>.Hit<Rule> hit : hits) {
            if (hit.begin >= covered) {
                covered = hit.end;
                if (hit.value.category() != null) {
                    scores[hit.value.category().ordinal()] += factor * hit.value.weight();
                }
            }
        }
    }

    private static TreeMap<String, Rule> loadRules() {
        try (InputStream in = CategoryClassifier.class.getResourceAsStream(RULES)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RULES + " next to " + CategoryClassifier.class.getName());
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            TreeMap<String, Rule> rules = new TreeMap<>();
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                int comment = line.indexOf('#');
                String content = (comment < 0 ? line : line.substring(0, comment)).strip();
                if (!content.isEmpty()) {
                    parseLine(content, number, rules);
                }
            }
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RULES, e);
        }
    }

    private static void parseLine(String line, int number, TreeMap<String, Rule> rules) {
        String[] columns = line.split("\t");
        if (columns.length != 3) {
            throw invalid(number, "expected category<TAB>weight<TAB>terms");
        }
        Category category = null;
        if (!columns[0].strip().equals(BLOCK)) {
            category = Category.fromId(columns[0].strip()).orElseThrow(() -> invalid(number, "unknown category " + columns[0]));
        }
        int weight;
        try {
            weight = Integer.parseInt(columns[1].strip());
        } catch (NumberFormatException e) {
            throw invalid(number, "weight is no integer: " + columns[1]);
        }
        if (weight < 0 || (category == null) != (weight == 0)) {
            throw invalid(number, "weight must be positive, 0 only for " + BLOCK);
        }
        for (String term : columns[2].strip().split("[\\s、，,]+")) {
            if (rules.put(term, new Rule(category, weight)) != null) {
                throw invalid(number, "term listed twice: " + term);
            }
        }
    }

    private static IllegalStateException invalid(int number, String problem) {
        return new IllegalStateException(RULES + " line " + number + ": " + problem);
    }
}
