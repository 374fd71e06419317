package io.newsflow.enrich.headline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives headline candidate blocks to articles, wherever they sit on the page. Consecutive candidates form runs;
 * each run is cut into headlines (one or more consecutive candidates: kickers, a title, subtitles), and each
 * article takes at most one headline. Among all such cuts and assignments the matcher takes the one that best fits
 * by content and by the shape of a headline:
 * <ul>
 * <li>Content: a candidate's score for an article is the share of its character bigrams found in the article's
 * body, each bigram weighted by 1 / (number of articles containing it), so words every article on the page
 * shares ({@code 习近平总书记}) decide nothing. The title's score counts half as much again: of two lines that
 * could be the title, the one that names the article is. A candidate left unused costs its best score.</li>
 * <li>Shape: a headline holds a line that can be the title ({@link HeadlineLines#canBeTitle}); kickers (ending
 * with a colon or {@code 强调}) stand above it, never below; a dashed subtitle ({@code ——…}) stands below it, never
 * on top.</li>
 * <li>Every article should have a headline: a headline with little in common with its body ({@link #MIN_SCORE})
 * is still given when it stands right before or after the article or among the headlines collected after the
 * last article, and its title is longer than a label. Candidates given to nobody (labels such as a column name) are dropped.</li>
 * </ul>
 */
public final class HeadlineMatcher {
    /** Below this share a headline is not recognisably about an article; labels and page furniture score near zero. */
    static final double MIN_SCORE = 0.3;
    /** Labels and column names ({@code 二泉月}, {@code 要闻}) are shorter; a headline given by position alone is not. */
    private static final int MIN_TITLE_LENGTH = 5;
    /** What giving an article a headline at all is worth: more than any content score, so no article is left out. */
    private static final double HEADLINE_FOUND = 1.0;
    /** Cost of each further candidate in a headline, so that a candidate about nothing stays out. */
    private static final double EXTRA_CANDIDATE = 0.05;
    /** Extra weight of the title's score: of two lines that could be the title, the one naming the article is. */
    private static final double TITLE_WEIGHT = 0.5;
    /** Preference for a headline next to its article's body, deciding between otherwise equal choices. */
    private static final double NEXT_TO_BODY = 0.15;

    /**
     * Consecutive candidate blocks, each block as its lines.
     *
     * @param articlesBefore how many articles of the page end before the run ({@code -1}: unknown)
     */
    public record Run(int articlesBefore, List<List<String>> blocks) {
        public Run {
            blocks = List.copyOf(blocks);
        }
    }

    /**
     * A candidate block and its shape: whether it opens with a kicker (so it starts a headline), ends with one (so
     * the title follows), opens with a dash (so it ends one) and holds a line that can be the title.
     */
    private record Candidate(int run, List<String> lines, boolean opensWithKicker, boolean kicker, boolean dashed,
                             boolean title) {
        static Candidate of(int run, List<String> lines) {
            boolean dashed = HeadlineLines.isDashSubtitle(lines.getFirst());
            return new Candidate(run, lines, !dashed && HeadlineLines.isKicker(lines.getFirst()),
                    !dashed && HeadlineLines.isKicker(lines.getLast()), dashed,
                    lines.stream().anyMatch(HeadlineLines::canBeTitle));
        }
    }

    /** Runs whose place among the articles is unknown. */
    public List<List<String>> match(List<String> bodies, List<List<List<String>>> runs) {
        return matchRuns(bodies, runs.stream().map(blocks -> new Run(-1, blocks)).toList());
    }

    /**
     * @param bodies the article bodies in page order
     * @param runs   the runs of candidate blocks in page order
     * @return per article, the lines of its headline in page order (empty when none was given)
     */
    public List<List<String>> matchRuns(List<String> bodies, List<Run> runs) {
        List<Set<String>> bodyBigrams = bodies.stream().map(Bigrams::of).toList();
        Map<String, Integer> articlesWith = new HashMap<>();
        bodyBigrams.forEach(set -> set.forEach(b -> articlesWith.merge(b, 1, Integer::sum)));
        List<Candidate> candidates = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            for (List<String> block : runs.get(r).blocks()) {
                if (!block.isEmpty()) {
                    candidates.add(Candidate.of(r, block));
                }
            }
        }
        double[][] scores = new double[candidates.size()][bodies.size()];
        for (int c = 0; c < candidates.size(); c++) {
            Set<String> own = Bigrams.of(String.join("", candidates.get(c).lines()));
            for (int a = 0; a < bodies.size(); a++) {
                scores[c][a] = score(own, bodyBigrams.get(a), articlesWith);
            }
        }
        return new Assignment(bodies.size(), runs, candidates, scores).best();
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

    /** The best cut of the runs into headlines and their assignment to articles, by exhaustive search with memo. */
    private static final class Assignment {
        private record Choice(double value, int end, int article) {
        }

        private final int articleCount;
        private final List<Run> runs;
        private final List<Candidate> candidates;
        private final double[][] scores;
        private final int lastArticlesBefore;
        /** Per candidate, its score for the article it fits best. */
        private final double[] bestScore;
        private final Map<Long, Choice> memo = new HashMap<>();

        Assignment(int articleCount, List<Run> runs, List<Candidate> candidates, double[][] scores) {
            this.articleCount = articleCount;
            this.runs = runs;
            this.candidates = candidates;
            this.scores = scores;
            this.lastArticlesBefore = articleCount;
            this.bestScore = new double[candidates.size()];
            for (int c = 0; c < candidates.size(); c++) {
                for (double score : scores[c]) {
                    bestScore[c] = Math.max(bestScore[c], score);
                }
            }
        }

        List<List<String>> best() {
            List<List<String>> result = new ArrayList<>();
            for (int a = 0; a < articleCount; a++) {
                result.add(List.of());
            }
            long taken = 0;
            int from = 0;
            while (from < candidates.size()) {
                Choice choice = choose(from, taken);
                if (choice.article() >= 0) {
                    List<String> lines = new ArrayList<>();
                    candidates.subList(from, choice.end()).forEach(candidate -> lines.addAll(candidate.lines()));
                    result.set(choice.article(), List.copyOf(lines));
                    taken |= 1L << choice.article();
                }
                from = choice.end();
            }
            return result;
        }

        /** The best choice for the candidates from {@code from} on, the articles in {@code taken} having theirs. */
        private Choice choose(int from, long taken) {
            if (from == candidates.size()) {
                return new Choice(0, from, -1);
            }
            long key = taken * (candidates.size() + 1) + from;
            Choice known = memo.get(key);
            if (known != null) {
                return known;
            }
            // the candidate stays unused, losing what it says about the article it fits best
            Choice best = new Choice(choose(from + 1, taken).value() - bestScore[from], from + 1, -1);
            int run = candidates.get(from).run();
            for (int end = from + 1; end <= candidates.size() && candidates.get(end - 1).run() == run; end++) {
                if (!isHeadline(from, end)) {
                    continue;
                }
                for (int a = 0; a < articleCount && a < Long.SIZE; a++) {
                    if ((taken & 1L << a) != 0) {
                        continue;
                    }
                    double gain = gain(from, end, a);
                    if (Double.isNaN(gain)) {
                        continue;
                    }
                    double value = gain + choose(end, taken | 1L << a).value();
                    if (value > best.value()) {
                        best = new Choice(value, end, a);
                    }
                }
            }
            memo.put(key, best);
            return best;
        }

        /** Whether candidates {@code from..end-1} have the shape of one headline. */
        private boolean isHeadline(int from, int end) {
            if (candidates.get(from).dashed() || candidates.get(end - 1).kicker()) {
                return false;
            }
            boolean titleSeen = false;
            for (int c = from; c < end; c++) {
                Candidate candidate = candidates.get(c);
                if (candidate.opensWithKicker() && titleSeen) {
                    return false; // a kicker stands above the title
                }
                titleSeen |= candidate.title();
            }
            return titleSeen;
        }

        /** Whether the headline's title is long enough for one given by position alone (labels are short). */
        private boolean titleLong(int from, int end) {
            for (int c = from; c < end; c++) {
                for (String line : candidates.get(c).lines()) {
                    if (HeadlineLines.canBeTitle(line)) {
                        return line.strip().length() >= MIN_TITLE_LENGTH;
                    }
                }
            }
            return false;
        }

        /** What giving candidates {@code from..end-1} to article {@code a} is worth; NaN when it may not. */
        private double gain(int from, int end, int a) {
            double content = 0;
            double weighted = 0;
            int extras = 0;
            boolean titleSeen = false;
            for (int c = from; c < end; c++) {
                Candidate candidate = candidates.get(c);
                content += scores[c][a];
                weighted += scores[c][a];
                if (candidate.title() && !titleSeen) {
                    titleSeen = true;
                    weighted += TITLE_WEIGHT * scores[c][a]; // the title names the article
                } else if (!candidate.kicker()) {
                    extras++;
                }
            }
            Run run = runs.get(candidates.get(from).run());
            boolean nextToBody = run.articlesBefore() == a || run.articlesBefore() == a + 1;
            boolean afterAllArticles = run.articlesBefore() == lastArticlesBefore;
            if (content < MIN_SCORE && !(nextToBody || afterAllArticles) || content < MIN_SCORE && !titleLong(from, end)) {
                return Double.NaN;
            }
            return HEADLINE_FOUND + weighted - EXTRA_CANDIDATE * extras + (nextToBody ? NEXT_TO_BODY : 0);
        }
    }
}
