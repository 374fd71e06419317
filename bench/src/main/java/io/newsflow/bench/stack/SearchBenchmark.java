package io.newsflow.bench.stack;

import co.elastic.clients.json.JsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.bench.BenchContext;
import io.newsflow.bench.Benchmark;
import io.newsflow.bench.report.Measurement;
import io.newsflow.model.Article;
import io.newsflow.model.NewsJson;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Item 5: {@code searchArticles} articles indexed (setup: articles derived from a few hundred pages enriched
 * in-process, see {@link ArticleSource}, {@code _bulk} into the alias by two clients), then a mixed query set at 1, 4 and 16 concurrent clients against the REST API and, as the
 * baseline, the very requests search-service builds for them sent straight to Elasticsearch.
 */
public final class SearchBenchmark implements Benchmark {
    static final String NAME = "search";
    private static final long SEED = 0x5EA4C;
    private static final int QUERIES = 64;
    private static final int[] CONCURRENCY = {1, 4, 16};
    /** Turns of REST and direct per concurrency, each side a share of the measuring time per turn. */
    private static final int ROUNDS = 6;
    private static final int BULK_CLIENTS = 2;
    private static final Duration WARM_UP = Duration.ofSeconds(15);
    private static final System.Logger LOG = System.getLogger(SearchBenchmark.class.getName());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        BenchStack stack = BenchStack.shared(context);
        Index index = stack.index();
        List<Measurement> figures = new ArrayList<>();

        long started = System.nanoTime();
        ArticleSource.originals(context); // enriched once per run, usually already by the indexing benchmark
        double originalsSeconds = (System.nanoTime() - started) / 1e9;
        Vocabulary vocabulary = load(context, index, context.searchArticles());
        double setupSeconds = (System.nanoTime() - started) / 1e9;
        long indexed = index.count(Index.ALIAS);
        figures.add(Measurement.of(NAME, "articles indexed (setup)", indexed, "articles"));
        figures.add(Measurement.of(NAME, "setup: derive from enriched originals and _bulk", setupSeconds, "s"));
        figures.add(Measurement.of(NAME, "setup: _bulk rate (" + BULK_CLIENTS + " clients)",
                indexed / (setupSeconds - originalsSeconds), "docs/s"));

        List<SearchQuery> queries = SearchMix.of(vocabulary, QUERIES, SEED);
        ServiceSearchRequests service = ServiceSearchRequests.fromBuild(context.root());
        JsonpMapper mapper = index.client()._jsonpMapper();
        List<HttpRequest> rest = new ArrayList<>();
        List<HttpRequest> direct = new ArrayList<>();
        for (SearchQuery query : queries) {
            rest.add(HttpRequest.newBuilder(URI.create(stack.searchApiUrl() + "/api/search?" + query.apiQueryString()))
                    .timeout(Duration.ofSeconds(30)).build());
            // with the filter_path search-service sends: the node does the same work both ways
            direct.add(HttpRequest.newBuilder(URI.create(index.url() + "/" + Index.ALIAS + "/_search?filter_path="
                            + URLEncoder.encode(service.answerFields(), StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Authorization", index.authorization())
                    .POST(HttpRequest.BodyPublishers.ofString(ServiceSearchRequests.body(service.request(query, Index.ALIAS), mapper)))
                    .build());
        }
        Comparison comparison = compare(stack.http(), rest, direct);
        figures.add(Measurement.target(NAME, "queries whose REST and direct totals differ", comparison.differingTotals(),
                "queries", "= 0", comparison.differingTotals() == 0));
        figures.add(Measurement.compared(NAME, "mean answer size, REST", comparison.restBytes() / (double) rest.size(), "bytes",
                "direct", comparison.directBytes() / (double) direct.size()));
        figures.add(Measurement.of(NAME, "queries in the mix", queries.size(), "queries"));

        HttpClient http = stack.http();
        // the processes a search involves; ingest and enrich are idle here
        Map<String, Long> pids = stack.allPids();
        pids.keySet().removeAll(List.of("ingest-service", "enrich-service"));
        // A running service is warm; a fresh one spends about half its CPU in the JIT compiler during its first
        // thousands of searches (seen in a JFR of the service: 6 s of compiler time within 30 s of searching), and
        // each new concurrency brings more compiling. Both sides get enough searches at each concurrency first.
        ProcessCpu warmUpCpu = ProcessCpu.start(pids);
        long warmUpStarted = System.nanoTime();
        for (int clients : CONCURRENCY) {
            LoadRunner.run(http, rest, clients, WARM_UP);
            LoadRunner.run(http, direct, clients, WARM_UP.dividedBy(2));
        }
        figures.add(Measurement.of(NAME, "warm-up, REST and direct at each concurrency", (System.nanoTime() - warmUpStarted) / 1e9, "s"));
        figures.addAll(warmUpCpu.figures(NAME, "warm-up").stream().filter(m -> m.metric().contains("search-service")).toList());
        for (int clients : CONCURRENCY) {
            Duration duration = Duration.ofSeconds(context.seconds());
            LOG.log(System.Logger.Level.INFO, "search: {0} client(s), {1} s against the REST API and {1} s direct, in {2} alternating rounds",
                    clients, context.seconds(), ROUNDS);
            String at = ", " + clients + (clients == 1 ? " client" : " clients");
            ProcessCpu restCpu = ProcessCpu.paused(pids);
            ProcessCpu directCpu = ProcessCpu.paused(pids);
            LoadRunner.Result api = LoadRunner.Result.none();
            LoadRunner.Result es = LoadRunner.Result.none();
            AtomicInteger nextRest = new AtomicInteger();
            AtomicInteger nextDirect = new AtomicInteger();
            Duration round = duration.dividedBy(ROUNDS);
            // REST, direct, direct, REST, REST, direct, ...: one side measured for the whole time and then the other
            // took whatever the machine's speed did meanwhile as a difference between them (the 1-client ratio
            // moved between 0.69 and 1.13 over runs of the same code); in turns, a drift slows both alike
            for (int r = 0; r < ROUNDS; r++) {
                for (boolean restTurn : r % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                    ProcessCpu cpu = restTurn ? restCpu : directCpu;
                    cpu.resume();
                    if (restTurn) {
                        api = api.plus(LoadRunner.run(http, rest, clients, round, nextRest));
                    } else {
                        es = es.plus(LoadRunner.run(http, direct, clients, round, nextDirect));
                    }
                    cpu.pause();
                }
            }
            List<Measurement> restCpuFigures = restCpu.figures(NAME, "REST" + at);
            List<Measurement> directCpuFigures = directCpu.figures(NAME, "direct" + at);
            figures.add(Measurement.ratio(NAME, "REST requests/s" + at, api.requestsPerSecond(), "req/s",
                    "direct to Elasticsearch", es.requestsPerSecond(), 0.9));
            double p99 = api.latency().percentileMs(99);
            double directP99 = es.latency().percentileMs(99);
            figures.add(Measurement.ratio(NAME, "REST p99" + at, p99, "ms", "direct p99", directP99,
                    "<= 1.2 x direct", p99 <= 1.2 * directP99));
            figures.add(Measurement.compared(NAME, "REST p50" + at, api.latency().percentileMs(50), "ms",
                    "direct p50", es.latency().percentileMs(50)));
            figures.addAll(restCpuFigures);
            figures.addAll(directCpuFigures);
            if (api.errors() + es.errors() > 0) {
                figures.add(Measurement.target(NAME, "failed requests (REST + direct)" + at, api.errors() + es.errors(),
                        "requests", "= 0", false));
            }
        }
        figures.addAll(webPage(stack, queries, Duration.ofSeconds(context.seconds())));
        return figures;
    }

    /**
     * The web page's search against {@code /api/search} for the same queries with 20 hits, one client at a time (a
     * person reading): the page must answer within 50 ms at the median, rendering included.
     */
    private static List<Measurement> webPage(BenchStack stack, List<SearchQuery> queries, Duration duration) throws Exception {
        List<HttpRequest> page = new ArrayList<>();
        List<HttpRequest> api = new ArrayList<>();
        for (SearchQuery query : queries) {
            String parameters = query.apiQueryString();
            if (parameters.isEmpty()) {
                continue; // the page's empty form is no search
            }
            page.add(HttpRequest.newBuilder(URI.create(stack.searchApiUrl() + "/?" + parameters + "&size=20"))
                    .timeout(Duration.ofSeconds(30)).build());
            api.add(HttpRequest.newBuilder(URI.create(stack.searchApiUrl() + "/api/search?" + parameters + "&size=20"))
                    .timeout(Duration.ofSeconds(30)).build());
        }
        LoadRunner.run(stack.http(), page, 1, WARM_UP);
        LOG.log(System.Logger.Level.INFO, "search: the web page, {0} s, then /api/search, {0} s", duration.toSeconds());
        LoadRunner.Result web = LoadRunner.run(stack.http(), page, 1, duration);
        LoadRunner.Result rest = LoadRunner.run(stack.http(), api, 1, duration);
        double p50 = web.latency().percentileMs(50);
        List<Measurement> figures = new ArrayList<>();
        figures.add(Measurement.target(NAME, "web page p50, 20 hits and facets, 1 client", p50, "ms", "<= 50 ms", p50 <= 50));
        figures.add(Measurement.compared(NAME, "web page p50, 1 client", p50, "ms", "/api/search p50", rest.latency().percentileMs(50)));
        figures.add(Measurement.compared(NAME, "web page p99, 1 client", web.latency().percentileMs(99), "ms",
                "/api/search p99", rest.latency().percentileMs(99)));
        if (web.errors() + rest.errors() > 0) {
            figures.add(Measurement.target(NAME, "failed requests (web page + /api/search)", web.errors() + rest.errors(),
                    "requests", "= 0", false));
        }
        return figures;
    }

    /** Empties the alias and indexes {@code count} fresh articles into it; returns what they hold. */
    private static Vocabulary load(BenchContext context, Index index, int count) throws Exception {
        index.resetAlias();
        // a bulk load nobody searches yet: no periodic refresh until it is done (search-service's default after)
        index.refreshInterval(Index.ALIAS, "-1");
        LOG.log(System.Logger.Level.INFO, "search: indexing {0} articles ({1} _bulk clients)", String.format("%,d", count),
                BULK_CLIENTS);
        long started = System.nanoTime();
        int reported = 0;
        Vocabulary vocabulary = new Vocabulary();
        ArticleSource source = new ArticleSource(context, SEED);
        ExecutorService bulkers = Executors.newFixedThreadPool(BULK_CLIENTS);
        AtomicInteger written = new AtomicInteger();
        try {
            // two chunks in flight, so both clients always have a batch queued; deriving runs far faster than the node
            Deque<List<Future<?>>> inFlight = new ArrayDeque<>();
            int loaded = 0;
            while (loaded < count) {
                List<Article> chunk = source.nextChunk(); // while the previous chunks are being written
                List<Article> taken = chunk.subList(0, Math.min(chunk.size(), count - loaded));
                loaded += taken.size();
                vocabulary.add(taken);
                while (inFlight.size() >= 2) {
                    awaitAll(inFlight.removeFirst());
                }
                int percent = (int) (100L * written.get() / count);
                if (percent >= reported + 10) {
                    reported = percent - percent % 10;
                    progress(count, written.get(), started);
                }
                List<Future<?>> writes = new ArrayList<>();
                for (int from = 0; from < taken.size(); from += Index.BATCH_SIZE) {
                    List<Article> batch = taken.subList(from, Math.min(taken.size(), from + Index.BATCH_SIZE));
                    writes.add(bulkers.submit(() -> {
                        index.bulk(Index.ALIAS, batch);
                        written.addAndGet(batch.size());
                        return null;
                    }));
                }
                inFlight.addLast(writes);
            }
            while (!inFlight.isEmpty()) {
                awaitAll(inFlight.removeFirst());
            }
            progress(count, count, started);
        } finally {
            bulkers.shutdownNow();
            index.refreshInterval(Index.ALIAS, null);
        }
        index.refresh(Index.ALIAS);
        return vocabulary;
    }

    private static void progress(int count, int written, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.log(System.Logger.Level.INFO, "search: indexing {0} articles… {1}% ({2} s, {3} docs/s)",
                String.format("%,d", count), 100L * written / count, String.format("%.0f", seconds),
                String.format("%.0f", written / seconds));
    }

    private static void awaitAll(List<Future<?>> futures) throws Exception {
        for (Future<?> future : futures) {
            future.get();
        }
        futures.clear();
    }

    /** The queries answered once both ways: how many totals differ (a sanity check) and the answers' sizes. */
    private record Comparison(long differingTotals, long restBytes, long directBytes) {
    }

    private static Comparison compare(HttpClient http, List<HttpRequest> rest, List<HttpRequest> direct) throws Exception {
        long differing = 0;
        long restBytes = 0;
        long directBytes = 0;
        for (int i = 0; i < rest.size(); i++) {
            byte[] apiBody = http.send(rest.get(i), HttpResponse.BodyHandlers.ofByteArray()).body();
            byte[] esBody = http.send(direct.get(i), HttpResponse.BodyHandlers.ofByteArray()).body();
            restBytes += apiBody.length;
            directBytes += esBody.length;
            JsonNode api = NewsJson.mapper().readTree(apiBody);
            JsonNode es = NewsJson.mapper().readTree(esBody);
            if (api.path("total").asLong(-1) != es.path("hits").path("total").path("value").asLong(-2)) {
                differing++;
            }
        }
        return new Comparison(differing, restBytes, directBytes);
    }
}
