package io.newsflow.ingest.watch;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.ingest.config.IngestConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * How many files wait in ingest's folders, for {@code GET /api/inbox} and the gauges on {@code /q/metrics}
 * ({@code newsflow_ingest_inbox_files}, {@code newsflow_ingest_processing_files}, {@code newsflow_ingest_failed_files}).
 * Counted by this service, which owns the folders, so that no other service needs to read them. A count is at
 * most {@link #COUNT_LIMIT}; one look serves every question for {@link #FRESH_FOR}, so scrapes and page views
 * never walk the folders more often than that.
 */
@ApplicationScoped
@Startup
public class InboxState {
    private static final Logger LOG = Logger.getLogger(InboxState.class);
    /** No folder is listed beyond this many page files: a count that reaches it means at least that many. */
    public static final int COUNT_LIMIT = 10_000;
    /** The newest refused files named, with their reasons. */
    public static final int NEWEST_FAILED = 5;
    static final Duration FRESH_FOR = Duration.ofSeconds(1);

    private final IngestConfig config;
    private final FolderCensus census = new FolderCensus(COUNT_LIMIT, NEWEST_FAILED);
    private Snapshot last;
    private long lastAt;

    /**
     * @param waiting      page files in the inbox, or {@code null} when they could not be counted
     * @param processing   page files claimed by any instance and not finished, or {@code null}
     * @param failed       files refused into {@code failed/}, or {@code null}
     * @param countLimit   the most any count goes to ({@link #COUNT_LIMIT})
     * @param newestFailed the newest refused files, newest first, at most {@link #NEWEST_FAILED}
     * @param problems     why a count is missing (no server path in them), empty when none is
     */
    public record Snapshot(Long waiting, Long processing, Long failed, int countLimit,
                           List<FolderCensus.FailedFile> newestFailed, List<String> problems) {
    }

    public InboxState(IngestConfig config, MeterRegistry registry) {
        this.config = config;
        gauge(registry, "newsflow.ingest.inbox.files", "page files waiting in the inbox (at most " + COUNT_LIMIT + ")", Snapshot::waiting);
        gauge(registry, "newsflow.ingest.processing.files", "page files being published (at most " + COUNT_LIMIT + ")", Snapshot::processing);
        gauge(registry, "newsflow.ingest.failed.files", "files in failed/ (at most " + COUNT_LIMIT + ")", Snapshot::failed);
    }

    private void gauge(MeterRegistry registry, String name, String description, java.util.function.Function<Snapshot, Long> count) {
        ToDoubleFunction<InboxState> value = state -> {
            Long n = count.apply(state.current());
            return n == null ? Double.NaN : n;
        };
        Gauge.builder(name, this, value).description(description).register(registry);
    }

    /** The folders' state, counted now or at most {@link #FRESH_FOR} ago. */
    public synchronized Snapshot current() {
        if (last == null || System.nanoTime() - lastAt > FRESH_FOR.toNanos()) {
            last = look();
            lastAt = System.nanoTime();
        }
        return last;
    }

    private Snapshot look() {
        List<String> problems = new ArrayList<>();
        Long waiting = count("inbox", config.inbox(), problems);
        Long processing = count("processing", config.processing(), problems);
        Long failed = null;
        List<FolderCensus.FailedFile> newest = List.of();
        try {
            FolderCensus.Refused refused = census.refused(config.failed());
            failed = refused.count();
            newest = refused.newest();
        } catch (IOException e) {
            problems.add("failed: " + problem(e));
        }
        return new Snapshot(waiting, processing, failed, COUNT_LIMIT, newest, List.copyOf(problems));
    }

    private Long count(String name, Path folder, List<String> problems) {
        try {
            return census.pageFiles(folder);
        } catch (IOException e) {
            problems.add(name + ": " + problem(e));
            return null;
        }
    }

    /** The reason without the server's paths: the answer goes to other services and their pages. */
    private static String problem(IOException e) {
        LOG.infof("look=folders outcome=unknown cause=\"%s\"", io.newsflow.logging.LogSafe.text(e.toString()));
        return e instanceof InboxScanner.NotAFolderException ? "not a folder" : "cannot be read (" + e.getClass().getSimpleName() + ")";
    }
}
