package io.newsflow.enrich.ner;

/**
 * Best tag sequence under per-character scores and tag-to-tag transition scores, with the BIO constraint
 * ({@link BioTags#allowed}): an I- tag only continues a B- or I- of its own type.
 */
final class Viterbi {
    private static final int T = BioTags.COUNT;
    private static final boolean[][] ALLOWED = allowedMatrix();

    private Viterbi() {
    }

    /**
     * @param emission   {@code n * T} scores, character-major
     * @param transition {@code (T + 1) * T} scores, row {@code T} being the sentence start
     */
    static int[] decode(double[] emission, double[] transition, int n) {
        int[] best = new int[n];
        if (n == 0) {
            return best;
        }
        double[] score = new double[n * T];
        int[] back = new int[n * T];
        for (int t = 0; t < T; t++) {
            score[t] = ALLOWED[T][t] ? emission[t] + transition[T * T + t] : Double.NEGATIVE_INFINITY;
        }
        for (int i = 1; i < n; i++) {
            int row = i * T;
            int previousRow = row - T;
            for (int t = 0; t < T; t++) {
                double top = Double.NEGATIVE_INFINITY;
                int argTop = BioTags.O;
                for (int p = 0; p < T; p++) {
                    if (ALLOWED[p][t]) {
                        double s = score[previousRow + p] + transition[p * T + t];
                        if (s > top) {
                            top = s;
                            argTop = p;
                        }
                    }
                }
                score[row + t] = top + emission[row + t];
                back[row + t] = argTop;
            }
        }
        int last = (n - 1) * T;
        int tag = BioTags.O;
        for (int t = 1; t < T; t++) {
            if (score[last + t] > score[last + tag]) {
                tag = t;
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            best[i] = tag;
            tag = back[i * T + tag];
        }
        return best;
    }

    private static boolean[][] allowedMatrix() {
        boolean[][] allowed = new boolean[T + 1][T];
        for (int p = 0; p <= T; p++) {
            for (int t = 0; t < T; t++) {
                allowed[p][t] = BioTags.allowed(p == T ? -1 : p, t);
            }
        }
        return allowed;
    }
}
