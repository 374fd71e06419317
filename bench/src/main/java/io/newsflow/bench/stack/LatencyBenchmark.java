package io.newsflow.bench.stack;

import io.newsflow.bench.BenchContext;
import io.newsflow.bench.Benchmark;
import io.newsflow.bench.corpus.GeneratedPage;
import io.newsflow.bench.report.Measurement;
import io.newsflow.model.Article;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Item 4: pages dropped into the inbox at a steady rate; for each, the time from its rename into the inbox until
 * all its articles are searchable (one {@code ids} query for every outstanding article every 50 ms). Baseline: the
 * in-process enrichment time of the same pages, which shows what the rest of the path adds.
 */
public final class LatencyBenchmark implements Benchmark {
    static final String NAME = "latency";
    private static final System.Logger LOG = System.getLogger(LatencyBenchmark.class.getName());
    private static final long SEED = 0x1A7E;
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration DRAIN = Duration.ofSeconds(60);

    /** A dropped page whose articles are not all searchable yet. */
    private record Pending(long droppedNanos, Set<String> remaining) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        int count = (int) Math.max(1, Math.round(context.ratePerSecond() * context.latencySeconds()));
        Set<String> used = new HashSet<>();
        context.corpus().pages().forEach(page -> used.add(page.sha256())); // ingest skips content it published before
        List<GeneratedPage> pages = context.corpus(count, SEED).pages().stream()
                .filter(page -> page.articleCount() > 0 && !used.contains(page.sha256())).toList();
        InProcessEnrichment.Pass baseline = InProcessEnrichment.singleThread(pages);

        BenchStack stack = BenchStack.shared(context);
        stack.index().resetAlias();
        List<Path> staged = stack.inbox().stage(pages);
        LOG.log(System.Logger.Level.INFO, "latency: dropping {0} pages at {1}/s", staged.size(), context.ratePerSecond());
        Map<Integer, Pending> pending = new ConcurrentHashMap<>();
        Samples latency = new Samples();
        AtomicInteger dropped = new AtomicInteger();
        ScheduledExecutorService dropper = Executors.newSingleThreadScheduledExecutor();
        try {
            long periodNanos = (long) (1e9 / context.ratePerSecond());
            dropper.scheduleAtFixedRate(() -> {
                int i = dropped.get();
                if (i >= staged.size()) {
                    return;
                }
                try {
                    stack.inbox().release(staged.get(i));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                Set<String> ids = ConcurrentHashMap.newKeySet();
                baseline.articles().get(i).stream().map(Article::id).forEach(ids::add);
                pending.put(i, new Pending(System.nanoTime(), ids));
                dropped.incrementAndGet();
            }, 0, periodNanos, TimeUnit.NANOSECONDS);
            awaitSearchable(stack.index(), staged.size(), dropped, pending, latency);
        } finally {
            dropper.shutdownNow();
        }

        String base = "in-process enrichment of the page";
        return List.of(
                Measurement.ratio(NAME, "drop-to-searchable p50", latency.percentileMs(50), "ms", base + " p50",
                        baseline.perPage().percentileMs(50), "<= 1000 ms", latency.percentileMs(50) <= 1000),
                Measurement.ratio(NAME, "drop-to-searchable p99", latency.percentileMs(99), "ms", base + " p99",
                        baseline.perPage().percentileMs(99), "<= 2000 ms", latency.percentileMs(99) <= 2000),
                Measurement.of(NAME, "drop-to-searchable max", latency.percentileMs(100), "ms"),
                Measurement.of(NAME, "pages", latency.count(), "pages"),
                Measurement.of(NAME, "drop rate", context.ratePerSecond(), "pages/s"));
    }

    /** Polls until every page was dropped and is fully searchable, recording each page's latency. */
    private static void awaitSearchable(Index index, int pages, AtomicInteger dropped, Map<Integer, Pending> pending,
                                        Samples latency) throws Exception {
        long lastProgress = System.nanoTime();
        while (dropped.get() < pages || !pending.isEmpty()) {
            List<String> outstanding = new ArrayList<>();
            pending.values().forEach(p -> outstanding.addAll(p.remaining()));
            Set<String> found = index.searchable(outstanding);
            long now = System.nanoTime();
            for (var entry : pending.entrySet()) {
                entry.getValue().remaining().removeAll(found);
                if (entry.getValue().remaining().isEmpty()) {
                    latency.add(now - entry.getValue().droppedNanos());
                    pending.remove(entry.getKey());
                    lastProgress = now;
                }
            }
            if (now - lastProgress > DRAIN.toNanos()) {
                throw new TimeoutException("no page became searchable for " + DRAIN.toSeconds() + " s; " + dropped.get()
                        + " of " + pages + " dropped, " + pending.size() + " outstanding");
            }
            Thread.sleep(POLL);
        }
    }
}
