package io.newsflow.bench.enrichment;

import io.newsflow.bench.BenchContext;
import io.newsflow.bench.Benchmark;
import io.newsflow.bench.corpus.GeneratedPage;
import io.newsflow.bench.report.Measurement;
import io.newsflow.enrich.entities.NamesDictionary;
import io.newsflow.enrich.pipeline.EnrichmentPipeline;
import io.newsflow.model.Page;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Benchmark 1: enrichment characters/s on one thread against HanLP's bare standard segmentation of the same pages
 * in the same run [ratio >= 0.25]; articles/page and pages/s; and where the pipeline's time goes, from a Java Flight
 * Recorder profile of a further, shorter run of the pipeline. JMH in this JVM, one fork per method and round;
 * the rounds alternate pipeline and baseline so that a busy neighbour slows both alike. Takes about 1.5 minutes.
 */
public final class EnrichmentBenchmark implements Benchmark {
    static final String NAME = "enrichment";
    static final double TARGET_RATIO = 0.25;
    /** Pages of one benchmark operation (one pass over all of them). */
    static final int PAGES = 200;
    /** Alternating rounds of one pipeline fork and one segmentation fork. */
    static final int ROUNDS = 2;
    private static final List<String> FORK_JVM_ARGS = List.of("-Xms1g", "-Xmx1g",
            "-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
    private static final System.Logger LOG = System.getLogger(EnrichmentBenchmark.class.getName());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        Path work = Files.createDirectories(context.workDir().resolve(NAME));
        List<GeneratedPage> generated = EnrichmentJmh.generated(context.samples(), PAGES);
        List<Page> pages = generated.stream().map(EnrichmentJmh::page).toList();
        int expectedArticles = generated.stream().mapToInt(GeneratedPage::articleCount).sum();
        long chars = pages.stream().mapToLong(page -> page.text().length()).sum();
        int articles = countArticles(pages);

        // Rounds alternate the two forks, so load from elsewhere on a shared machine falls on both alike.
        double pipelineMs = 0;
        double segmentMs = 0;
        List<Double> roundRatios = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            LOG.log(System.Logger.Level.INFO, "JMH round {0} of {1}: pipeline, then HanLP segmentation, over {2} pages "
                    + "({3} characters)", round, ROUNDS, PAGES, chars);
            double pipeline = fork(context, work, "pipeline", round);
            double segment = fork(context, work, "segment", round);
            pipelineMs += pipeline / ROUNDS;
            segmentMs += segment / ROUNDS;
            roundRatios.add(segment / pipeline);
        }
        double pipelineChars = chars / (pipelineMs / 1000);
        double segmentChars = chars / (segmentMs / 1000);

        List<Measurement> figures = new ArrayList<>();
        figures.add(Measurement.ratio(NAME, "pipeline chars/s (1 thread)", pipelineChars, "chars/s",
                "HanLP.segment chars/s", segmentChars, TARGET_RATIO));
        figures.add(Measurement.of(NAME, "HanLP.segment chars/s (1 thread)", segmentChars, "chars/s"));
        for (int round = 0; round < roundRatios.size(); round++) {
            figures.add(Measurement.of(NAME, "ratio in round " + (round + 1), roundRatios.get(round), "ratio"));
        }
        figures.add(Measurement.of(NAME, "pipeline pages/s (1 thread)", PAGES / (pipelineMs / 1000), "pages/s"));
        figures.add(Measurement.of(NAME, "pipeline articles/s (1 thread)", articles / (pipelineMs / 1000),
                "articles/s"));
        figures.add(Measurement.compared(NAME, "articles/page", (double) articles / PAGES, "articles",
                "generated", (double) expectedArticles / PAGES));
        figures.add(Measurement.of(NAME, "characters/page", (double) chars / PAGES, "chars"));
        figures.addAll(profile(context, work));
        return figures;
    }

    /** A shorter run of the pipeline alone under Java Flight Recorder, read back into hot-method shares. */
    private List<Measurement> profile(BenchContext context, Path work) throws Exception {
        Path recording = work.resolve("pipeline.jfr");
        Files.deleteIfExists(recording);
        LOG.log(System.Logger.Level.INFO, "JMH: profiling the pipeline with Java Flight Recorder into {0}", recording);
        List<String> jvmArgs = new ArrayList<>(FORK_JVM_ARGS);
        jvmArgs.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile");
        jvmArgs.add("-XX:FlightRecorderOptions=stackdepth=256");
        new Runner(options(context, work.resolve("jmh-profiled.json"))
                .include(method("pipeline"))
                .warmupIterations(1).warmupTime(TimeValue.seconds(3))
                .measurementIterations(3).measurementTime(TimeValue.seconds(3))
                .jvmArgs(jvmArgs.toArray(String[]::new))
                .build()).run();
        return HotMethods.read(recording, "pipeline").measurements(NAME, 8, 6);
    }

    /** One fork of one benchmark method; its average time of one pass over the pages, in ms. */
    private static double fork(BenchContext context, Path work, String method, int round) throws Exception {
        Collection<RunResult> results = new Runner(options(context, work.resolve("jmh-" + method + "-" + round + ".json"))
                .include(method(method))
                .warmupIterations(2).warmupTime(TimeValue.seconds(3))
                .measurementIterations(3).measurementTime(TimeValue.seconds(3))
                .jvmArgs(FORK_JVM_ARGS.toArray(String[]::new))
                .build()).run();
        return score(results, method);
    }

    private static ChainedOptionsBuilder options(BenchContext context, Path result) {
        return new OptionsBuilder()
                .param("samples", context.samples().toString())
                .param("pages", String.valueOf(PAGES))
                .forks(1)
                .threads(1)
                .shouldFailOnError(true)
                .result(result.toString())
                .resultFormat(org.openjdk.jmh.results.format.ResultFormatType.JSON);
    }

    private static String method(String name) {
        return "^" + EnrichmentJmh.class.getName().replace(".", "\\.") + "\\." + name + "$";
    }

    private static double score(Collection<RunResult> results, String method) {
        return results.stream()
                .filter(result -> result.getParams().getBenchmark().endsWith("." + method))
                .mapToDouble(result -> result.getPrimaryResult().getScore())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("JMH returned no result for " + method));
    }

    /** Articles the pipeline makes of the pages (one pass in this JVM, outside the measurement). */
    private static int countArticles(List<Page> pages) throws Exception {
        Logger enrich = Logger.getLogger("io.newsflow.enrich");
        Level level = enrich.getLevel();
        enrich.setLevel(Level.WARNING);
        try {
            EnrichmentPipeline pipeline =
                    EnrichmentPipeline.load(EnrichmentPipeline.VERSION, NamesDictionary.bundled());
            return pages.stream().mapToInt(page -> pipeline.enrich(page).size()).sum();
        } finally {
            enrich.setLevel(level);
        }
    }
}
