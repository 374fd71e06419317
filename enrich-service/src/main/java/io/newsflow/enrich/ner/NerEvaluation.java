package io.newsflow.enrich.ner;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Exact-span precision, recall and F1 per entity type (PER, LOC, ORG) and micro-averaged over the three. */
public final class NerEvaluation {
    public static final List<String> TYPES = List.of("PER", "LOC", "ORG");

    private final int[] truePositives = new int[TYPES.size()];
    private final int[] predicted = new int[TYPES.size()];
    private final int[] gold = new int[TYPES.size()];

    /** Adds one sentence: the gold spans and the predicted spans. */
    public void add(List<EntitySpan> goldSpans, List<EntitySpan> predictedSpans) {
        Set<EntitySpan> goldSet = new HashSet<>(goldSpans);
        goldSpans.forEach(span -> count(gold, span));
        for (EntitySpan span : predictedSpans) {
            count(predicted, span);
            if (goldSet.remove(span)) {
                count(truePositives, span);
            }
        }
    }

    public double precision(String type) {
        int t = typeIndex(type);
        return ratio(truePositives[t], predicted[t]);
    }

    public double recall(String type) {
        int t = typeIndex(type);
        return ratio(truePositives[t], gold[t]);
    }

    public double f1(String type) {
        return f1(precision(type), recall(type));
    }

    public double microPrecision() {
        return ratio(sum(truePositives), sum(predicted));
    }

    public double microRecall() {
        return ratio(sum(truePositives), sum(gold));
    }

    public double microF1() {
        return f1(microPrecision(), microRecall());
    }

    /** One line per type and micro: gold and predicted counts, precision, recall, F1. */
    public String report() {
        StringBuilder out = new StringBuilder();
        for (String type : TYPES) {
            int t = typeIndex(type);
            out.append(line(type, gold[t], predicted[t], precision(type), recall(type), f1(type)));
        }
        out.append(line("micro", sum(gold), sum(predicted), microPrecision(), microRecall(), microF1()));
        return out.toString();
    }

    /** {@code ner-eval PER=0.xxx LOC=0.xxx ORG=0.xxx micro=0.xxx}. */
    public String summaryLine() {
        return String.format(Locale.ROOT, "ner-eval PER=%.3f LOC=%.3f ORG=%.3f micro=%.3f",
                f1("PER"), f1("LOC"), f1("ORG"), microF1());
    }

    private static String line(String label, int gold, int predicted, double p, double r, double f) {
        return String.format(Locale.ROOT, "%-5s gold=%5d predicted=%5d P=%.3f R=%.3f F1=%.3f%n", label, gold, predicted, p, r, f);
    }

    private static void count(int[] counts, EntitySpan span) {
        int t = TYPES.indexOf(span.type());
        if (t >= 0) {
            counts[t]++;
        }
    }

    private static int typeIndex(String type) {
        int t = TYPES.indexOf(type);
        if (t < 0) {
            throw new IllegalArgumentException("unknown entity type " + type);
        }
        return t;
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    private static int sum(int[] values) {
        int total = 0;
        for (int v : values) {
            total += v;
        }
        return total;
    }
}
