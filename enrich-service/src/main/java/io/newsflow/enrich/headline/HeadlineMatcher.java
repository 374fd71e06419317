package io.newsflow.enrich.headline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives headline candidate blocks to articles by content, wherever they sit on the page. A candidate's score for
 * an article is the share of its character bigrams found in the article's body, each bigram weighted by
 * 1 / (number of articles containing it), so words every article on the page shares ({@code 习近平总书记}) decide
 * nothing. Pairs are taken greedily by best score; an article's headline is one block, so it takes further
 * candidates only when they are next to the ones it has in the same run (a kicker above, a subtitle below).
 * A candidate starts a block only with a clear match ({@link #MIN_SCORE}); it extends a neighbouring block with a
 * weaker one ({@link #EXTEND_SCORE}), because kickers and slogans in subtitles repeat few words of the body.
 * Candidates that match nothing (labels such as a column name) are dropped.
 */
public final class HeadlineMatcher {
    /** Below this share a candidate is not about the article; labels and page furniture score near zero. */
    static final double MIN_SCORE = 0.3;
    /** Enough for a candidate directly next to an article's block to belong to it; zero-overlap labels stay out. */
    static final double EXTEND_SCORE = 0.1;

    private record Candidate(int run, int position, List<String> lines) {
    }

    private record Pair(Candidate candidate, int article, double score) {
    }

    /**
     * @param bodies the article bodies in page order
     * @param runs   runs of consecutive candidate blocks, each block as its lines, in page order
     * @return per article, the lines of its headline block in page order (empty when none matched)
     */
    public List<List<String>> match(List<String> bodies, List<List<List<String>>> runs) {
        List<Set<String>> bodyBigrams = bodies.stream().map(Bigrams::of).toList();
        Map<String, Integer> articlesWith = new HashMap<>();
        bodyBigrams.forEach(set -> set.forEach(b -> articlesWith.merge(b, 1, Integer::sum)));

        List<Pair> pairs = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            for (int p = 0; p < runs.get(r).size(); p++) {
                Candidate candidate = new Candidate(r, p, runs.get(r).get(p));
                Set<String> own = Bigrams.of(String.join("", candidate.lines()));
                for (int a = 0; a < bodies.size(); a++) {
                    double score = score(own, bodyBigrams.get(a), articlesWith);
                    if (score >= EXTEND_SCORE) {
                        pairs.add(new Pair(candidate, a, score));
                    }
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::score).reversed());
        return assign(pairs, bodies.size());
    }

    static double score(Set<String> candidate, Set<String> body, Map<String, Integer> articlesWith) {
        if (candidate.isEmpty()) {
            return 0;
        }
        double shared = 0;
        for (String bigram : candidate) {
            if (body.contains(bigram)) {
                shared += 1.0 / articlesWith.get(bigram);
            }
        }
        return shared / candidate.size();
    }

    private static List<List<String>> assign(List<Pair> pairs, int articleCount) {
        List<List<Candidate>> taken = new ArrayList<>();
        for (int a = 0; a < articleCount; a++) {
            taken.add(new ArrayList<>());
        }
        Set<Candidate> used = new HashSet<>();
        // Repeat until stable: a candidate may become adjacent only after its neighbour was taken.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Pair pair : pairs) {
                if (used.contains(pair.candidate())) {
                    continue;
                }
                List<Candidate> block = taken.get(pair.article());
                boolean starts = block.isEmpty() && pair.score() >= MIN_SCORE;
                if (starts || !block.isEmpty() && adjacent(block, pair.candidate())) {
                    block.add(pair.candidate());
                    used.add(pair.candidate());
                    changed = true;
                    break;
                }
            }
        }
        List<List<String>> result = new ArrayList<>();
        for (List<Candidate> block : taken) {
            block.sort(Comparator.comparingInt(Candidate::position));
            result.add(block.stream().flatMap(c -> c.lines().stream()).toList());
        }
        return result;
    }

    private static boolean adjacent(List<Candidate> block, Candidate candidate) {
        int min = block.stream().mapToInt(Candidate::position).min().orElseThrow();
        int max = block.stream().mapToInt(Candidate::position).max().orElseThrow();
        return block.getFirst().run() == candidate.run()
                && (candidate.position() == min - 1 || candidate.position() == max + 1);
    }
}
