package io.newsflow.enrich.keywords;

import com.hankcs.hanlp.collection.trie.bintrie.BinTrie;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.common.Term;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keywords of one article: its nouns ranked by TextRank over the body terms the pipeline has already segmented.
 * <p>
 * Candidates are words of at least two characters tagged as nouns ({@code n…}: common nouns, places, organisations,
 * other proper nouns) or verbal nouns ({@code vn}), plus words added to HanLP's dynamic user dictionary at run time;
 * person names ({@code nr…}, they have their own field) and pieces of them the segmenter cut off elsewhere, job titles ({@code nnt}), strings of digits, latin
 * letters or punctuation and the words of the stop list ({@code stopwords.txt}: generic newspaper words) are left
 * out. Two candidates less than {@value #WINDOW} places apart in the filtered sequence are linked, the link weighing
 * the number of such co-occurrences, and weighted PageRank with damping {@value #DAMPING} ranks them. Candidates
 * written in the headline have their score multiplied by {@value #HEADLINE_BOOST}; the headline is searched for the
 * body's candidates rather than segmented, which costs next to nothing and cannot cut it differently from the body.
 * Ties go to the word that occurs first, so the result is deterministic. Instances are immutable and may be shared
 * between threads.
 */
public final class KeywordExtractor {
    static final int WINDOW = 5;
    static final double DAMPING = 0.85;
    static final double HEADLINE_BOOST = 2.0;
    private static final int MAX_ITERATIONS = 100;
    private static final double CONVERGED = 1e-6;
    private static final String STOP_WORDS = "stopwords.txt";
    /** Only digits, latin letters (half or full width), punctuation, symbols or spaces. */
    private static final Pattern NO_WORD = Pattern.compile("[\\p{Nd}\\p{IsLatin}\\p{P}\\p{S}\\s]+");

    private final Set<String> stopWords;

    public KeywordExtractor() {
        this.stopWords = loadStopWords();
    }

    /**
     * At most {@code max} keywords, best first.
     *
     * @param headline  the article's headline, kicker and subtitle (may be null or empty)
     * @param bodyTerms the body as the pipeline segmented it, in order; not segmented again
     * @param max       how many keywords at most
     */
    public List<String> keywords(String headline, List<Term> bodyTerms, int max) {
        if (max <= 0 || bodyTerms == null || bodyTerms.isEmpty()) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        int[] sequence = candidates(bodyTerms, words);
        if (words.isEmpty()) {
            return List.of();
        }
        double[] scores = textRank(Graph.of(sequence, words.size()));
        if (headline != null && !headline.isBlank()) {
            for (int id = 0; id < words.size(); id++) {
                if (headline.contains(words.get(id))) {
                    scores[id] *= HEADLINE_BOOST;
                }
            }
        }
        return best(scores, max).stream().map(words::get).toList();
    }

    /** The ids of the candidates in body order; ids are numbered by first occurrence and index {@code words}. */
    private int[] candidates(List<Term> terms, List<String> words) {
        Set<String> names = personNames(terms);
        Map<String, Integer> ids = new HashMap<>();
        int[] sequence = new int[terms.size()];
        int length = 0;
        for (int i = 0; i < terms.size(); i++) {
            Term term = terms.get(i);
            if (isCandidate(term) && !isNameFragment(terms, i, names)) {
                Integer id = ids.get(term.word);
                if (id == null) {
                    id = words.size();
                    ids.put(term.word, id);
                    words.add(term.word);
                }
                sequence[length++] = id;
            }
        }
        return Arrays.copyOf(sequence, length);
    }

    private static Set<String> personNames(List<Term> terms) {
        Set<String> names = new HashSet<>();
        for (Term term : terms) {
            if (term.nature != null && term.nature.startsWith("nr")) {
                names.add(term.word);
            }
        }
        return names;
    }

    /**
     * Whether the term is a piece of a name the segmenter recognised elsewhere in the article, cut off here with its
     * neighbour ({@code 杜/vg 小刚/nz} next to {@code 杜小刚/nr}).
     */
    private static boolean isNameFragment(List<Term> terms, int i, Set<String> names) {
        if (names.isEmpty()) {
            return false;
        }
        String word = terms.get(i).word;
        return i > 0 && names.contains(terms.get(i - 1).word + word)
                || i + 1 < terms.size() && names.contains(word + terms.get(i + 1).word);
    }

    private boolean isCandidate(Term term) {
        String word = term.word;
        if (word == null || term.nature == null || word.codePointCount(0, word.length()) < 2) {
            return false;
        }
        String nature = term.nature.toString();
        if (nature.startsWith("nr") || nature.equals("nnt")) {
            return false;
        }
        boolean noun = nature.startsWith("n") || nature.equals("vn") || isUserWord(word);
        return noun && !stopWords.contains(word) && !NO_WORD.matcher(word).matches();
    }

    /** Words added at run time with {@code CustomDictionary.insert}; the shipped dictionary is not meant. */
    private static boolean isUserWord(String word) {
        BinTrie<CoreDictionary.Attribute> trie = CustomDictionary.DEFAULT.trie;
        return trie != null && trie.containsKey(word);
    }

    /**
     * Symmetric weighted co-occurrence graph in compressed rows: the neighbours of node {@code i} are
     * {@code targets[starts[i]..starts[i+1])}, each with its {@code weights}; {@code strength[i]} sums node i's weights.
     */
    private record Graph(int[] starts, int[] targets, double[] weights, double[] strength) {
        static Graph of(int[] sequence, int size) {
            long[] pairs = new long[2 * sequence.length * (WINDOW - 1)];
            int count = 0;
            for (int i = 0; i < sequence.length; i++) {
                for (int j = i + 1; j < Math.min(sequence.length, i + WINDOW); j++) {
                    int a = sequence[i];
                    int b = sequence[j];
                    if (a != b) {
                        pairs[count++] = (long) a << 32 | b;
                        pairs[count++] = (long) b << 32 | a;
                    }
                }
            }
            Arrays.sort(pairs, 0, count);
            int[] starts = new int[size + 1];
            int[] targets = new int[count];
            double[] weights = new double[count];
            double[] strength = new double[size];
            int edges = 0;
            for (int k = 0; k < count; k++) {
                int from = (int) (pairs[k] >>> 32);
                if (edges > 0 && k > 0 && pairs[k] == pairs[k - 1]) {
                    weights[edges - 1]++;
                } else {
                    targets[edges] = (int) pairs[k];
                    weights[edges] = 1;
                    starts[from + 1]++;
                    edges++;
                }
                strength[from]++;
            }
            for (int i = 0; i < size; i++) {
                starts[i + 1] += starts[i];
            }
            return new Graph(starts, Arrays.copyOf(targets, edges), Arrays.copyOf(weights, edges), strength);
        }
    }

    /** Weighted PageRank until no score moves more than {@link #CONVERGED}, at most {@link #MAX_ITERATIONS} rounds. */
    private static double[] textRank(Graph graph) {
        int size = graph.strength().length;
        double[] scores = new double[size];
        double[] next = new double[size];
        Arrays.fill(scores, 1.0);
        for (int round = 0; round < MAX_ITERATIONS; round++) {
            double change = 0;
            for (int i = 0; i < size; i++) {
                double sum = 0;
                for (int e = graph.starts()[i]; e < graph.starts()[i + 1]; e++) {
                    int j = graph.targets()[e];
                    sum += graph.weights()[e] / graph.strength()[j] * scores[j];
                }
                next[i] = (1 - DAMPING) + DAMPING * sum;
                change = Math.max(change, Math.abs(next[i] - scores[i]));
            }
            double[] swap = scores;
            scores = next;
            next = swap;
            if (change < CONVERGED) {
                break;
            }
        }
        return scores;
    }

    /** Ids of the {@code max} highest scores, highest first, the lower id first on equal scores. */
    private static List<Integer> best(double[] scores, int max) {
        List<Integer> ids = new ArrayList<>(scores.length);
        for (int id = 0; id < scores.length; id++) {
            ids.add(id);
        }
        ids.sort((a, b) -> {
            int byScore = Double.compare(scores[b], scores[a]);
            return byScore != 0 ? byScore : Integer.compare(a, b);
        });
        return ids.subList(0, Math.min(max, ids.size()));
    }

    private static Set<String> loadStopWords() {
        try (InputStream in = KeywordExtractor.class.getResourceAsStream(STOP_WORDS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + STOP_WORDS + " next to " + KeywordExtractor.class.getName());
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int comment = line.indexOf('#');
                String word = (comment < 0 ? line : line.substring(0, comment)).strip();
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + STOP_WORDS, e);
        }
    }
}
