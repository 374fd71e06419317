package io.newsflow.bench.stack;

import io.newsflow.bench.corpus.GeneratedPage;
import io.newsflow.enrich.entities.NamesDictionary;
import io.newsflow.enrich.pipeline.EnrichmentPipeline;
import io.newsflow.model.Article;
import io.newsflow.model.IssueDateSource;
import io.newsflow.model.Page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * enrich-service's pipeline run in this JVM on the bench pages: the baselines of the end-to-end and latency
 * benchmarks, and the source of realistic articles for the indexing and search benchmarks.
 */
public final class InProcessEnrichment {
    private static final int WARM_UP_PAGES = 50;
    private static EnrichmentPipeline pipeline;

    /**
     * One single-threaded timed pass.
     *
     * @param articles articles of each page, in page order
     * @param perPage  enrichment time of each page
     * @param nanos    total enrichment time of the pass
     */
    record Pass(List<List<Article>> articles, Samples perPage, long nanos) {
        double pagesPerSecond() {
            return articles.size() / (nanos / 1e9);
        }

        List<String> ids() {
            return articles.stream().flatMap(List::stream).map(Article::id).toList();
        }
    }

    private InProcessEnrichment() {
    }

    /** The page ingest would publish for this file (issue date from the file name, as ingest reads it). */
    static Page pageOf(GeneratedPage page) {
        byte[] bytes = page.bytes();
        return new Page(page.sha256(), page.fileName(), page.issueDate(), IssueDateSource.FILENAME,
                StandardCharsets.UTF_8.name(), page.text(), bytes.length, Instant.now());
    }

    /** The pipeline as enrich-service loads it by default (shipped model, bundled names); thread-safe. */
    static synchronized EnrichmentPipeline pipeline() {
        if (pipeline == null) {
            try {
                pipeline = EnrichmentPipeline.load(EnrichmentPipeline.VERSION, NamesDictionary.bundled());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read enrich-service's bundled names dictionary", e);
            }
        }
        return pipeline;
    }

    /** Enriches every page on this thread, after a short untimed warm-up, timing each page. */
    static Pass singleThread(List<GeneratedPage> pages) {
        EnrichmentPipeline pipeline = pipeline();
        List<Page> input = pages.stream().map(InProcessEnrichment::pageOf).toList();
        for (int i = 0; i < WARM_UP_PAGES; i++) {
            pipeline.enrich(input.get(i % input.size()));
        }
        Samples perPage = new Samples();
        List<List<Article>> articles = new ArrayList<>(input.size());
        long started = System.nanoTime();
        for (Page page : input) {
            long t = System.nanoTime();
            articles.add(pipeline.enrich(page));
            perPage.add(System.nanoTime() - t);
        }
        return new Pass(articles, perPage, System.nanoTime() - started);
    }

    /** Enriches the pages on all cores (setup, untimed), articles in page order. */
    public static List<Article> parallel(List<GeneratedPage> pages) {
        EnrichmentPipeline pipeline = pipeline();
        return pages.parallelStream().map(page -> pipeline.enrich(pageOf(page)))
                .flatMap(List::stream).toList();
    }
}
