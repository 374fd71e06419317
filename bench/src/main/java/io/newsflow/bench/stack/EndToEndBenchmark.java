package io.newsflow.bench.stack;

import io.newsflow.bench.BenchContext;
import io.newsflow.bench.Benchmark;
import io.newsflow.bench.corpus.Corpus;
import io.newsflow.bench.corpus.CorpusGenerator;
import io.newsflow.bench.corpus.GeneratedPage;
import io.newsflow.bench.report.Measurement;
import io.newsflow.model.Topics;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Items 3 and 6: the corpus dropped into the inbox at once, timed until every article is searchable; compared with
 * single-threaded in-process enrichment of the same pages; the index checked against the expected article ids.
 * Meanwhile the peak resident memory of each service is recorded.
 */
public final class EndToEndBenchmark implements Benchmark {
    static final String NAME = "end-to-end";
    private static final System.Logger LOG = System.getLogger(EndToEndBenchmark.class.getName());
    static final String MEMORY = "memory";
    private static final Duration STALL = Duration.ofSeconds(90);
    private static final int WARM_UP_PAGES = 500;
    private static final int WARM_UP_ROUNDS = 15;
    /** Share of the machine's cores in the JIT compilers below which the services count as warm. */
    private static final double WARM_UP_COMPILING = 0.10;
    private static final long WARM_UP_SEED = 7;
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Map<String, Double> MEMORY_LIMIT_MB = Map.of(
            "ingest-service", 200.0, "enrich-service", 400.0, "search-service", 400.0);

    @Override
    public String name() {
        return NAME;
    }

    /**
     * A running system is warm; freshly started services are not: their first pages run interpreted code and their
     * JIT compilers take a large share of the cores (a third of the machine during a 1,000-page run after 300 pages of
     * warm-up). The services get rounds of pages that are not measured until the compilers' share of a round falls
     * below {@link #WARM_UP_COMPILING}, or {@link #WARM_UP_ROUNDS} rounds have run. Returns the pages sent.
     */
    private static int warmUp(BenchContext context, BenchStack stack, Index index) throws Exception {
        CorpusGenerator generator = new CorpusGenerator(context.samples());
        int sent = 0;
        for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
            List<GeneratedPage> pages = generator.generate(WARM_UP_PAGES, WARM_UP_SEED + round);
            long articles = pages.stream().mapToLong(GeneratedPage::articleCount).sum();
            index.resetAlias();
            ProcessCpu cpu = ProcessCpu.start(stack.allPids());
            for (Path file : stack.inbox().stage(pages)) {
                stack.inbox().release(file);
            }
            Polling.untilCount("warm-up pages searchable", articles, STALL, POLL, () -> index.count(Index.ALIAS));
            sent += pages.size();
            double compiling = cpu.compilingShare();
            LOG.log(System.Logger.Level.INFO, "end-to-end: warm-up round {0}: {1} pages, JIT compilers {2}% of the cores",
                    round, pages.size(), Math.round(100 * compiling));
            if (compiling < WARM_UP_COMPILING) {
                break;
            }
        }
        return sent;
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        Corpus corpus = context.corpus();
        LOG.log(System.Logger.Level.INFO, "end-to-end: baseline, {0} pages enriched in-process on one thread", corpus.size());
        InProcessEnrichment.Pass baseline = InProcessEnrichment.singleThread(corpus.pages());
        Set<String> pipelineIds = new HashSet<>(baseline.ids());

        BenchStack stack = BenchStack.shared(context);
        Index index = stack.index();
        int warmUpPages = warmUp(context, stack, index);
        index.resetAlias();
        List<Path> staged = stack.inbox().stage(corpus.pages());
        Map<String, Long> pids = stack.servicePids();
        long pagesBefore = stack.topicRecords(Topics.PAGES);
        long articlesBefore = stack.topicRecords(Topics.ARTICLES);
        ServiceMetrics ingestBefore = stack.metrics("ingest-service");
        ServiceMetrics searchBefore = stack.searchMetrics();
        long[] stageDone = new long[2]; // all pages on news.pages, all articles on news.articles
        ProcessCpu cpu;
        long started;
        long done;
        Map<String, Double> peaks;
        boolean kernelPeaks;
        try (ProcessMemory memory = new ProcessMemory(pids)) {
            LOG.log(System.Logger.Level.INFO, "end-to-end: dropping {0} pages into the inbox at once", staged.size());
            cpu = ProcessCpu.start(stack.allPids());
            started = System.nanoTime();
            for (Path file : staged) {
                stack.inbox().release(file);
            }
            done = Polling.untilCount("all articles of the corpus searchable", pipelineIds.size(), STALL, POLL, () -> {
                if (stageDone[0] == 0 && stack.topicRecords(Topics.PAGES) - pagesBefore >= corpus.size()) {
                    stageDone[0] = System.nanoTime();
                }
                if (stageDone[1] == 0 && stack.topicRecords(Topics.ARTICLES) - articlesBefore >= pipelineIds.size()) {
                    stageDone[1] = System.nanoTime();
                }
                return index.count(Index.ALIAS);
            });
            peaks = memory.peakMb();
            kernelPeaks = memory.kernelPeaks();
        }
        double seconds = (done - started) / 1e9;
        List<Measurement> cpuFigures = cpu.figures(NAME, "run");
        // the baseline again, now that the services are idle: these machines change speed within minutes (one pass
        // alone moved between 92 and 148 pages/s within an hour on the same code), so the ratio takes the mean of
        // the passes before and after the run
        LOG.log(System.Logger.Level.INFO, "end-to-end: baseline again after the run");
        InProcessEnrichment.Pass baselineAfter = InProcessEnrichment.singleThread(corpus.pages());
        double baselinePagesPerSecond = (baseline.pagesPerSecond() + baselineAfter.pagesPerSecond()) / 2;

        Set<String> indexed = index.allIds(Index.ALIAS);
        Set<String> expected = corpus.expectedArticleIds();
        long missing = expected.stream().filter(id -> !indexed.contains(id)).count();
        long unexpected = indexed.stream().filter(id -> !expected.contains(id)).count();

        List<Measurement> figures = new ArrayList<>();
        double pagesPerSecond = corpus.size() / seconds;
        figures.add(Measurement.ratio(NAME, "pages/s, inbox to searchable", pagesPerSecond, "pages/s",
                "in-process enrichment, 1 thread, mean of before and after", baselinePagesPerSecond, 0.6));
        figures.add(Measurement.of(NAME, "in-process enrichment before the run", baseline.pagesPerSecond(), "pages/s"));
        figures.add(Measurement.of(NAME, "in-process enrichment after the run", baselineAfter.pagesPerSecond(), "pages/s"));
        figures.add(Measurement.of(NAME, "articles/s, inbox to searchable", indexed.size() / seconds, "articles/s"));
        figures.add(Measurement.of(NAME, "pages", corpus.size(), "pages"));
        figures.add(Measurement.of(NAME, "warm-up pages before the run (until the JIT compilers quieten)", warmUpPages, "pages"));
        figures.add(Measurement.of(NAME, "articles indexed", indexed.size(), "articles"));
        figures.add(Measurement.of(NAME, "run", seconds, "s"));
        if (stageDone[0] > 0) {
            figures.add(Measurement.of(NAME, "stage: all pages on news.pages after", (stageDone[0] - started) / 1e9, "s"));
        }
        if (stageDone[1] > 0) {
            figures.add(Measurement.of(NAME, "stage: all articles on news.articles after", (stageDone[1] - started) / 1e9, "s"));
        }
        figures.add(Measurement.of(NAME, "stage: all articles searchable after", seconds, "s"));
        ServiceMetrics ingestAfter = stack.metrics("ingest-service");
        double published = ingestAfter.since(ingestBefore, "newsflow_ingest_publish_latency_seconds_count");
        if (published > 0) {
            figures.add(Measurement.of(NAME, "ingest mean publish latency (Kafka ack)",
                    ingestAfter.since(ingestBefore, "newsflow_ingest_publish_latency_seconds_sum") / published * 1000, "ms"));
        }
        ServiceMetrics searchAfter = stack.searchMetrics();
        double bulks = searchAfter.since(searchBefore, "newsflow_search_bulk_latency_seconds_count");
        if (bulks > 0) {
            figures.add(Measurement.of(NAME, "search-service _bulk requests", bulks, "requests"));
            figures.add(Measurement.of(NAME, "search-service time in _bulk",
                    searchAfter.since(searchBefore, "newsflow_search_bulk_latency_seconds_sum") / seconds * 100, "%"));
        }
        figures.addAll(cpuFigures);
        figures.add(Measurement.target(NAME, "expected article ids missing from the index", missing, "ids", "= 0", missing == 0));
        figures.add(Measurement.target(NAME, "article ids in the index not expected", unexpected, "ids", "= 0", unexpected == 0));
        long pipelineDisagrees = pipelineIds.stream().filter(id -> !expected.contains(id)).count()
                + expected.stream().filter(id -> !pipelineIds.contains(id)).count();
        figures.add(Measurement.of(NAME, "ids where in-process pipeline and corpus disagree", pipelineDisagrees, "ids"));
        long refused = stack.inbox().failedFiles();
        figures.add(Measurement.target(NAME, "files ingest refused (failed/)", refused, "files", "= 0", refused == 0));
        String kind = "peak RSS (" + (kernelPeaks ? "VmHWM" : "sampled VmRSS") + ")";
        peaks.forEach((service, mb) -> figures.add(Measurement.target(MEMORY, service + " " + kind + ", heap "
                + ProcessMemory.heapSettings(pids.get(service)), mb, "MB", "<= " + MEMORY_LIMIT_MB.get(service).intValue() + " MB",
                mb <= MEMORY_LIMIT_MB.get(service))));
        return figures;
    }
}
