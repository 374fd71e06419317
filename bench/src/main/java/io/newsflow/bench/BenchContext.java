package io.newsflow.bench;

import io.newsflow.bench.corpus.Corpus;
import io.newsflow.bench.corpus.CorpusGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every benchmark gets: the options, the project root, a work folder and the shared corpus (generated on
 * first use, always from the same seed, so every benchmark of a run and every run sees the same pages).
 * Stack handling (Kafka, Elasticsearch, services) lives with the stack benchmarks, not here.
 */
public final class BenchContext {
    /** Seed of the shared corpus; fixed so that runs are comparable. */
    public static final long CORPUS_SEED = 20231221L;

    private final BenchOptions options;
    private Corpus corpus;

    public BenchContext(BenchOptions options) {
        this.options = options;
    }

    public BenchOptions options() {
        return options;
    }

    /** Corpus size: pages dropped by the end-to-end benchmark. */
    public int pages() {
        return options.pages();
    }

    /** Articles indexed for the search benchmark. */
    public int searchArticles() {
        return options.searchArticles();
    }

    /** Seconds per concurrency level of the search benchmark. */
    public int seconds() {
        return options.seconds();
    }

    /** Seconds of steady page drops for the latency benchmark. */
    public int latencySeconds() {
        return options.latencySeconds();
    }

    /** Pages per second dropped by the latency benchmark. */
    public double ratePerSecond() {
        return options.ratePerSecond();
    }

    /** The project root (the folder with the parent pom and {@code bin/newsflow}). */
    public Path root() {
        return options.root();
    }

    /** {@code bench/target/bench-work}, created on first use; benchmarks make their own sub-folders in it. */
    public Path workDir() {
        Path dir = root().resolve("bench/target/bench-work");
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** The repository's sample pages and their manifest ({@code samples/}). */
    public Path samples() {
        return root().resolve("samples");
    }

    /** The shared corpus of {@link #pages()} pages, generated from {@link #samples()} on first use. */
    public synchronized Corpus corpus() {
        if (corpus == null) {
            corpus = corpus(pages(), CORPUS_SEED);
        }
        return corpus;
    }

    /** A corpus of another size or seed (not cached), e.g. extra pages for the latency benchmark. */
    public Corpus corpus(int pages, long seed) {
        try {
            return new Corpus(new CorpusGenerator(samples()).generate(pages, seed));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample pages in " + samples(), e);
        }
    }
}
