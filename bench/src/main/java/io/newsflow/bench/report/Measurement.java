package io.newsflow.bench.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One figure of the report. A plain figure has only {@code benchmark}, {@code metric}, {@code value} and
 * {@code unit}; a compared figure also names the baseline measured in the same run, its value, the ratio
 * {@code value / baselineValue}, the target in words and whether it was met.
 *
 * @param benchmark     the benchmark that measured it ({@code enrichment}, {@code indexing}, …)
 * @param metric        what was measured ({@code pipeline chars/s}, {@code p99 latency}, …)
 * @param value         the figure
 * @param unit          its unit ({@code chars/s}, {@code ms}, {@code MB}, {@code ratio}, …)
 * @param baseline      name of the baseline, or {@code null}
 * @param baselineValue the baseline's figure in the same run, or {@code null}
 * @param ratio         {@code value / baselineValue}, or {@code null}
 * @param target        the target in words ({@code ratio >= 0.25}, {@code <= 1500 ms}), or {@code null}
 * @param met           whether the target was met, or {@code null} when there is no target
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Measurement(String benchmark, String metric, double value, String unit, String baseline,
                          Double baselineValue, Double ratio, String target, Boolean met) {

    /** A figure without baseline or target. */
    public static Measurement of(String benchmark, String metric, double value, String unit) {
        return new Measurement(benchmark, metric, value, unit, null, null, null, null, null);
    }

    /** A figure checked against an absolute target (e.g. a p99 bound), without a baseline. */
    public static Measurement target(String benchmark, String metric, double value, String unit, String target,
                                     boolean met) {
        return new Measurement(benchmark, metric, value, unit, null, null, null, target, met);
    }

    /** A figure next to its baseline, the ratio between them, and no target. */
    public static Measurement compared(String benchmark, String metric, double value, String unit,
                                       String baseline, double baselineValue) {
        return new Measurement(benchmark, metric, value, unit, baseline, baselineValue,
                ratioOf(value, baselineValue), null, null);
    }

    /**
     * A figure next to its baseline; the target is on the ratio {@code value / baselineValue}, met when the ratio
     * is at least {@code minRatio}.
     */
    public static Measurement ratio(String benchmark, String metric, double value, String unit, String baseline,
                                    double baselineValue, double minRatio) {
        Double ratio = ratioOf(value, baselineValue);
        return new Measurement(benchmark, metric, value, unit, baseline, baselineValue, ratio,
                "ratio >= " + minRatio, ratio != null && ratio >= minRatio);
    }

    /** A figure next to its baseline with a target of any form, decided by the caller. */
    public static Measurement ratio(String benchmark, String metric, double value, String unit, String baseline,
                                    double baselineValue, String target, boolean met) {
        return new Measurement(benchmark, metric, value, unit, baseline, baselineValue,
                ratioOf(value, baselineValue), target, met);
    }

    private static Double ratioOf(double value, double baselineValue) {
        return baselineValue == 0 || Double.isNaN(baselineValue) || Double.isNaN(value) ? null : value / baselineValue;
    }
}
