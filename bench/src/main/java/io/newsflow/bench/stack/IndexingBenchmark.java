package io.newsflow.bench.stack;

import io.newsflow.bench.BenchContext;
import io.newsflow.bench.Benchmark;
import io.newsflow.bench.report.Measurement;
import io.newsflow.model.Article;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Item 2: search-service's documents/s from {@code news.articles} into Elasticsearch, against a direct
 * {@code _bulk} of the same documents with the same client and batch size into a fresh index of the same mapping.
 * Both runs end when {@code _count} on the target reaches every document, so both include the node's refresh.
 */
public final class IndexingBenchmark implements Benchmark {
    static final String NAME = "indexing";
    private static final System.Logger LOG = System.getLogger(IndexingBenchmark.class.getName());
    /** Articles per corpus page the run indexes: 10 × 2,000 pages gives runs of 15 s or more on this machine kind. */
    static final int ARTICLES_PER_PAGE_OPTION = 10;
    private static final long SEED = 0x1DE8L;
    private static final int WARM_UP_DOCUMENTS = 4 * Index.BATCH_SIZE;
    // inside the news-articles* indices, the only ones search-service's Elasticsearch user (the bench's too) may touch;
    // outside the pattern of search-service's template (news-articles-v*), so the mapping is the one created here
    private static final String DIRECT_INDEX = "news-articles-bench-direct";
    private static final Duration STALL = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(100);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        int documents = Math.max(1000, context.pages() * ARTICLES_PER_PAGE_OPTION);
        long deriving = System.nanoTime();
        List<Article> all = new ArticleSource(context, SEED).take(documents + WARM_UP_DOCUMENTS);
        double setupSeconds = (System.nanoTime() - deriving) / 1e9;
        LOG.log(System.Logger.Level.INFO, "indexing: {0} articles ready in {1} s",
                String.format("%,d", all.size()), String.format("%.1f", setupSeconds));
        List<Article> articles = all.subList(WARM_UP_DOCUMENTS, all.size());
        BenchStack stack = BenchStack.shared(context);
        Index index = stack.index();

        // the node's first documents load the analyzers and warm its JIT: not part of either run
        index.delete(DIRECT_INDEX);
        index.create(DIRECT_INDEX, false);
        for (int from = 0; from < WARM_UP_DOCUMENTS; from += Index.BATCH_SIZE) {
            index.bulk(DIRECT_INDEX, all.subList(from, from + Index.BATCH_SIZE));
        }

        LOG.log(System.Logger.Level.INFO, "indexing: direct _bulk of {0} articles, 1 client", String.format("%,d", documents));
        // baseline: one client, batches of search-service's size, one after the other as its consumer sends them
        index.delete(DIRECT_INDEX);
        index.create(DIRECT_INDEX, false);
        Map<String, Long> pids = stack.allPids();
        ProcessCpu directCpu = ProcessCpu.start(pids);
        long started = System.nanoTime();
        for (int from = 0; from < articles.size(); from += Index.BATCH_SIZE) {
            index.bulk(DIRECT_INDEX, articles.subList(from, Math.min(articles.size(), from + Index.BATCH_SIZE)));
        }
        long done = Polling.untilCount("direct _bulk", documents, STALL, POLL, () -> index.count(DIRECT_INDEX));
        double directSeconds = (done - started) / 1e9;
        List<Measurement> directCpuFigures = directCpu.figures(NAME, "direct _bulk");
        index.delete(DIRECT_INDEX);

        // a running service is warm; a fresh one runs its first batches in interpreted code (as the node did above)
        index.resetAlias();
        stack.produceArticles(all.subList(0, WARM_UP_DOCUMENTS));
        Polling.untilCount("search-service warm-up", WARM_UP_DOCUMENTS, STALL, POLL, () -> index.count(Index.ALIAS));

        // the service: the same documents through Kafka into a fresh index behind the alias
        LOG.log(System.Logger.Level.INFO, "indexing: direct _bulk {0} docs/s; search-service run",
                String.format("%.0f", documents / directSeconds));
        index.resetAlias();
        ServiceMetrics before = stack.searchMetrics();
        ProcessCpu serviceCpu = ProcessCpu.start(pids);
        started = System.nanoTime();
        stack.produceArticles(articles);
        long produced = System.nanoTime();
        done = Polling.untilCount("search-service indexing", documents, STALL, POLL, () -> index.count(Index.ALIAS));
        ServiceMetrics after = stack.searchMetrics();
        double serviceSeconds = (done - started) / 1e9;
        List<Measurement> serviceCpuFigures = serviceCpu.figures(NAME, "search-service run");

        List<Measurement> figures = new ArrayList<>();
        figures.add(Measurement.ratio(NAME, "search-service documents/s", documents / serviceSeconds, "docs/s",
                "direct _bulk, 1 client, " + Index.BATCH_SIZE + " docs/request", documents / directSeconds, 0.8));
        figures.add(Measurement.of(NAME, "documents", documents, "docs"));
        figures.add(Measurement.of(NAME, "search-service run", serviceSeconds, "s"));
        figures.add(Measurement.of(NAME, "direct _bulk run", directSeconds, "s"));
        figures.add(Measurement.of(NAME, "producing to news.articles", (produced - started) / 1e9, "s"));
        figures.add(Measurement.of(NAME, "setup: enrich originals, derive articles", setupSeconds, "s"));
        double bulks = after.since(before, "newsflow_search_bulk_latency_seconds_count");
        if (bulks > 0) {
            figures.add(Measurement.of(NAME, "search-service _bulk requests", bulks, "requests"));
            figures.add(Measurement.of(NAME, "search-service docs per _bulk",
                    after.since(before, "newsflow_search_documents_indexed_total") / bulks, "docs"));
            figures.add(Measurement.of(NAME, "search-service mean _bulk latency",
                    after.since(before, "newsflow_search_bulk_latency_seconds_sum") / bulks * 1000, "ms"));
            figures.add(Measurement.of(NAME, "search-service time in _bulk",
                    after.since(before, "newsflow_search_bulk_latency_seconds_sum") / serviceSeconds * 100, "%"));
        }
        figures.addAll(serviceCpuFigures);
        figures.addAll(directCpuFigures);
        return figures;
    }
}
