package io.newsflow.bench;

import io.newsflow.bench.alerts.AlertsBenchmark;
import io.newsflow.bench.enrichment.EnrichmentBenchmark;
import io.newsflow.bench.report.BenchReport;
import io.newsflow.bench.report.Measurement;
import io.newsflow.bench.stack.EndToEndBenchmark;
import io.newsflow.bench.stack.IndexingBenchmark;
import io.newsflow.bench.stack.LatencyBenchmark;
import io.newsflow.bench.stack.SearchBenchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the benchmark suite: {@code BenchMain ROOT [--pages N] [--search-articles N] [--seconds N] [--only a,b]
 * [--out FILE]}. Order: enrichment, alerts, indexing, end-to-end (which also reports memory), latency, search. A failing
 * benchmark is reported with its error and the others still run; the exit code is 1 when any failed.
 */
public final class BenchMain {
    private static final System.Logger LOG = System.getLogger(BenchMain.class.getName());

    /** {@code memory} is measured during end-to-end and reported by it. */
    private static final Map<String, String> ALIASES = Map.of("memory", "end-to-end");

    private BenchMain() {
    }

    /** The suite, in running order: the one place that lists the benchmarks. */
    static List<Benchmark> suite() {
        return List.of(
                new EnrichmentBenchmark(),
                // in this JVM too, and before the stack starts: its timings want a quiet machine
                new AlertsBenchmark(),
                new IndexingBenchmark(),
                new EndToEndBenchmark(),
                new LatencyBenchmark(),
                new SearchBenchmark());
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(options) ? 0 : 1);
    }

    /** Runs the selected benchmarks, writes and prints the report; {@code true} when none failed. */
    static boolean run(BenchOptions options) {
        BenchContext context = new BenchContext(options);
        BenchReport report = new BenchReport(options.root(), describe(options));
        List<Benchmark> selected = suite().stream().filter(benchmark -> selected(options, benchmark.name())).toList();
        if (selected.isEmpty()) {
            System.err.println("no benchmark matches --only " + String.join(",", options.only())
                    + " (expected enrichment, indexing, end-to-end, latency, search, alerts or memory)");
            return false;
        }
        for (Benchmark benchmark : selected) {
            LOG.log(System.Logger.Level.INFO, "== benchmark {0} ==", benchmark.name());
            Instant start = Instant.now();
            try {
                List<Measurement> figures = benchmark.run(context);
                report.add(benchmark.name(), figures, Duration.between(start, Instant.now()));
            } catch (Exception | LinkageError | OutOfMemoryError e) {
                LOG.log(System.Logger.Level.ERROR, "benchmark " + benchmark.name() + " failed", e);
                report.failed(benchmark.name(), e, Duration.between(start, Instant.now()));
            }
        }
        try {
            report.writeJson(options.out());
            LOG.log(System.Logger.Level.INFO, "report written to {0}", options.out());
        } catch (java.io.IOException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot write the report to " + options.out(), e);
            report.failed("report", e, Duration.ZERO);
        }
        System.out.println();
        report.printTable(System.out);
        return !report.anyFailed();
    }

    private static boolean selected(BenchOptions options, String name) {
        return options.only().isEmpty() || options.only().stream().anyMatch(
                wanted -> wanted.strip().equals(name) || name.equals(ALIASES.get(wanted.strip())));
    }

    private static Map<String, Object> describe(BenchOptions options) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("pages", options.pages());
        described.put("searchArticles", options.searchArticles());
        described.put("seconds", options.seconds());
        described.put("latencySeconds", options.latencySeconds());
        described.put("ratePerSecond", options.ratePerSecond());
        described.put("only", options.only());
        described.put("corpusSeed", BenchContext.CORPUS_SEED);
        return described;
    }
}
