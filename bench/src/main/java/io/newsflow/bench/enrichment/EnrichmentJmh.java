package io.newsflow.bench.enrichment;

import com.hankcs.hanlp.HanLP;
import io.newsflow.bench.corpus.CorpusGenerator;
import io.newsflow.bench.corpus.GeneratedPage;
import io.newsflow.enrich.entities.NamesDictionary;
import io.newsflow.enrich.pipeline.EnrichmentPipeline;
import io.newsflow.model.IssueDateSource;
import io.newsflow.model.Page;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The JMH benchmarks of {@link EnrichmentBenchmark}: one operation is one pass over the same generated pages,
 * single thread — the full enrichment pipeline in {@link #pipeline}, HanLP's standard segmentation of the same
 * page texts in {@link #segment} (the baseline). Each runs in its own fork, so the names the pipeline adds to
 * HanLP's process-wide dictionary do not reach the baseline.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EnrichmentJmh {
    /** Seed of the benchmark's pages (independent of the suite's corpus, so the figure does not move with it). */
    static final long SEED = 4_2024L;
    private static final Instant RECEIVED = Instant.parse("2024-01-01T00:00:00Z");

    /** The generated pages, as the pipeline receives them. */
    @State(Scope.Benchmark)
    public static class Pages {
        @Param("")
        public String samples;

        @Param("200")
        public int pages;

        List<Page> list;

        @Setup(Level.Trial)
        public void generate() throws IOException {
            list = pages(Path.of(samples), pages);
        }
    }

    /** The pipeline as the service builds it: shipped entity model, bundled names dictionary. */
    @State(Scope.Benchmark)
    public static class Pipeline {
        EnrichmentPipeline pipeline;
        /** Held so the level set below stays (JUL keeps loggers weakly). */
        private Logger enrichLogger;

        @Setup(Level.Trial)
        public void load() throws IOException {
            // the pipeline logs each article whose headline falls back to its lead; thousands of lines per
            // iteration would measure the console, not the pipeline
            enrichLogger = Logger.getLogger("io.newsflow.enrich");
            enrichLogger.setLevel(java.util.logging.Level.WARNING);
            pipeline = EnrichmentPipeline.load(EnrichmentPipeline.VERSION, NamesDictionary.bundled());
        }
    }

    /** HanLP with its dictionaries loaded (they load on first use, outside the measurement). */
    @State(Scope.Benchmark)
    public static class Segmenter {
        @Setup(Level.Trial)
        public void load() {
            HanLP.segment("无锡市委书记杜小刚主持召开会议。");
        }
    }

    @Benchmark
    public void pipeline(Pages pages, Pipeline pipeline, Blackhole blackhole) {
        for (Page page : pages.list) {
            blackhole.consume(pipeline.pipeline.enrich(page));
        }
    }

    @Benchmark
    public void segment(Pages pages, Segmenter segmenter, Blackhole blackhole) {
        for (Page page : pages.list) {
            blackhole.consume(HanLP.segment(page.text()));
        }
    }

    /** The benchmark's pages as {@link Page} records (what ingest publishes). */
    static List<Page> pages(Path samples, int count) throws IOException {
        return generated(samples, count).stream().map(EnrichmentJmh::page).toList();
    }

    static List<GeneratedPage> generated(Path samples, int count) throws IOException {
        return new CorpusGenerator(samples).generate(count, SEED);
    }

    static Page page(GeneratedPage page) {
        return new Page(page.sha256(), page.fileName(), page.issueDate(), IssueDateSource.FILENAME, "UTF-8",
                page.text(), page.bytes().length, RECEIVED);
    }
}
