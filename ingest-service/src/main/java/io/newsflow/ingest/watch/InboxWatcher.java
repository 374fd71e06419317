package io.newsflow.ingest.watch;

import io.newsflow.ingest.budget.ByteBudget;
import io.newsflow.ingest.budget.PageMemory;
import io.newsflow.ingest.config.IngestConfig;
import io.newsflow.logging.LogSafe;
import io.newsflow.ingest.process.FileIngestor;
import io.newsflow.ingest.process.FileReports;
import io.newsflow.ingest.process.IngestMetrics;
import io.newsflow.ingest.process.IngestOutcome;
import io.newsflow.ingest.publish.KafkaAvailability;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Drives ingestion: on file-system events, while files are settling, and at every rescan interval it scans the
 * inbox, claims each file that stopped changing and hands it to {@link FileIngestor}. While Kafka is unreachable
 * nothing is claimed: files wait in the inbox.
 * <p>
 * The scan loop never waits for a file: it hands files to the workers (at most {@code concurrency} in work) and
 * collects their outcomes at later ticks, so one file that takes long cannot stop the others; a loop or a file
 * that stops making progress shows in readiness ({@link #stalled()}).
 * <p>
 * The loop runs on a thread of its own every {@value #TICK_MILLIS} ms, and at once whenever a worker finishes, so a
 * full inbox is taken as fast as the workers go. (Quarkus's scheduler cannot run a job more often than once a
 * second: with it, ingest took at most {@code concurrency} files a second.)
 * <p>
 * A scan lists the whole inbox, so a finished worker takes the next file from the settled files the last scan
 * found instead of scanning again: with a thousand files dropped at once, a scan for every finished file made
 * listing the inbox a third of ingest's work. Those files are listed again at the latest at the next rescan, and at
 * once when something in the inbox is written.
 */
@ApplicationScoped
public class InboxWatcher {
    private static final Logger LOG = Logger.getLogger(InboxWatcher.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final long TICK_MILLIS = 250;

    private record InWork(Future<IngestOutcome> outcome, Instant since) {
    }

    private final IngestConfig config;
    private final FileIngestor ingestor;
    private final KafkaAvailability kafka;
    private final PageMemory memory;
    private final IngestMetrics metrics;
    private final InboxFolders folders;
    private final InboxScanner scanner = new InboxScanner();
    private final StabilityTracker tracker;
    private final RetryBackoff retryBackoff;
    private final Map<Path, InWork> inWork = new ConcurrentHashMap<>();
    /** Files that could neither be claimed nor moved to failed/, as they were when reported; skipped until they change. */
    private final Map<Path, StabilityTracker.FileState> leftAlone = new ConcurrentHashMap<>();
    /** Settled files of the last scan not handed out yet, oldest first; the loop's thread only. */
    private final Map<Path, StabilityTracker.FileState> settled = new LinkedHashMap<>();
    private final Clock clock = Clock.systemUTC();
    private final ScanProgress progress;
    private final ExecutorService workers;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("inbox-scan").daemon().factory());
    /** A tick asked for by a finished worker and not run yet: many finishing at once ask for one tick. */
    private final AtomicBoolean tickRequested = new AtomicBoolean();
    private volatile InboxEvents events;
    private volatile Instant nextRescan = Instant.MIN;

    public InboxWatcher(IngestConfig config, FileIngestor ingestor, KafkaAvailability kafka, InstanceId instanceId,
                        PageMemory memory, IngestMetrics metrics) {
        this.config = config;
        this.ingestor = ingestor;
        this.kafka = kafka;
        this.memory = memory;
        this.metrics = metrics;
        this.folders = new InboxFolders(config, instanceId.value());
        this.tracker = new StabilityTracker(config.minFileAge());
        this.retryBackoff = new RetryBackoff(FIRST_RETRY, config.maxRetryBackoff());
        this.progress = new ScanProgress(config.stallTimeout(), clock.instant());
        this.workers = Executors.newFixedThreadPool(Math.max(1, config.concurrency()),
                Thread.ofPlatform().name("ingest-", 1).daemon().factory());
    }

    void onStart(@Observes StartupEvent event) throws IOException {
        folders.create();
        int recovered = folders.recoverClaims();
        events = new InboxEvents(config.inbox());
        progress.scanCompleted(clock.instant());
        loop.scheduleWithFixedDelay(this::tickSafely, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        LOG.infof("watching inbox=\"%s\" recovered-claims=%d", LogSafe.text(config.inbox().toAbsolutePath()), recovered);
    }

    void onStop(@Observes ShutdownEvent event) throws IOException {
        loop.shutdownNow();
        if (events != null) {
            events.close();
        }
        workers.shutdown();
    }

    /** Why the scan loop counts as stalled, or empty while it makes progress. */
    public Optional<String> stalled() {
        return progress.stalled(clock.instant());
    }

    /** When the scan loop last went through (a scan, or the finding that none was due). */
    public Instant lastScanCompleted() {
        return progress.lastScanCompleted();
    }

    /** The loop's body: a failure is logged and the next tick comes all the same (a periodic task would stop). */
    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.errorf("inbox scan failed: %s", LogSafe.text(e));
        }
    }

    /** A worker finished: hand out the next files now instead of at the next tick. */
    private void requestTick() {
        if (tickRequested.compareAndSet(false, true)) {
            try {
                loop.execute(() -> {
                    tickRequested.set(false);
                    tickSafely();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                tickRequested.set(false); // shutting down
            }
        }
    }

    /** Runs often and cheaply, on the loop's thread only: it scans when something may have changed or the rescan is due. */
    void tick() {
        Instant now = clock.instant();
        boolean finished = collectFinished();
        boolean eventSeen = events != null && events.takeChanged();
        if (eventSeen || tracker.hasPending() || !now.isBefore(nextRescan) || finished && settled.isEmpty()) {
            scan(now);
        }
        handOut();
        reportWork();
        progress.scanCompleted(clock.instant());
    }

    /** Lists the inbox and replaces the settled files with what it found ready. */
    private void scan(Instant now) {
        nextRescan = now.plus(config.rescanInterval());
        Map<Path, StabilityTracker.FileState> scan;
        try {
            scan = scanner.scan(config.inbox());
        } catch (IOException e) {
            inboxUnusable(e);
            return;
        }
        if (progress.inboxProblem().isPresent()) {
            inboxUsableAgain();
        }
        Set<Path> present = new HashSet<>(scan.keySet());
        present.addAll(inWork.keySet());
        retryBackoff.retainOnly(present);
        leftAlone.keySet().retainAll(scan.keySet());
        scan.keySet().removeAll(inWork.keySet());
        scan.entrySet().removeIf(file -> file.getValue().equals(leftAlone.get(file.getKey())));
        settled.clear();
        for (Path file : tracker.observe(scan, now)) {
            settled.put(file, scan.get(file));
        }
    }

    /**
     * The inbox cannot be scanned: it is no folder (replaced by a file, removed) or cannot be read. Nothing is
     * taken, and nothing is moved, until it is a folder again; readiness says why, the log says it once.
     */
    private void inboxUnusable(IOException e) {
        String reason = e instanceof InboxScanner.NotAFolderException ? e.getMessage()
                : "cannot scan inbox \"" + config.inbox() + "\": " + e;
        settled.clear();
        if (!reason.equals(progress.inboxProblem().orElse(null))) {
            LOG.errorf("inbox=\"%s\" outcome=not-ready reason=\"%s\"", LogSafe.text(config.inbox()), LogSafe.text(reason));
        }
        progress.inboxUnusable(reason);
    }

    /** A folder again (perhaps a new one): its file-system events are watched anew, since those of the old one ended. */
    private void inboxUsableAgain() {
        progress.inboxUsable();
        try {
            if (events != null) {
                events.close();
            }
            events = new InboxEvents(config.inbox());
        } catch (IOException e) {
            LOG.warnf("file-system events of inbox=\"%s\" not watched, periodic rescans continue: %s", LogSafe.text(config.inbox()),
                    LogSafe.text(e.getMessage()));
        }
        LOG.infof("inbox=\"%s\" outcome=ready reason=\"the inbox is a folder again\"", LogSafe.text(config.inbox()));
    }

    /** Gives settled files to the free workers, oldest first. */
    private void handOut() {
        if (!settled.isEmpty() && !kafka.isAvailable()) {
            LOG.debugf("kafka unavailable: %d files wait in the inbox", settled.size());
            settled.clear(); // the tracker forgot them as ready: the next scans see them again, still settled
            return;
        }
        int free = Math.max(1, config.concurrency()) - inWork.size();
        var next = settled.entrySet().iterator();
        while (free > 0 && next.hasNext()) {
            var entry = next.next();
            next.remove();
            Path file = entry.getKey();
            StabilityTracker.FileState state = entry.getValue();
            inWork.put(file, new InWork(workers.submit(() -> {
                try {
                    return ingest(file, state);
                } finally {
                    requestTick();
                }
            }), clock.instant()));
            free--;
        }
    }

    /** Outcomes of the files whose work ended; a file to retry is held back for a growing while. */
    private boolean collectFinished() {
        boolean any = false;
        for (var work : List.copyOf(inWork.entrySet())) {
            if (!work.getValue().outcome().isDone()) {
                continue;
            }
            any = true;
            Path file = work.getKey();
            inWork.remove(file);
            if (outcome(work.getValue().outcome(), file) == IngestOutcome.RETRY_LATER) {
                tracker.holdUntil(file, clock.instant().plus(retryBackoff.failed(file)));
            } else {
                retryBackoff.done(file);
            }
        }
        return any;
    }

    private void reportWork() {
        Optional<Map.Entry<Path, InWork>> oldest = inWork.entrySet().stream()
                .min(Comparator.comparing(work -> work.getValue().since()));
        progress.oldestWork(oldest.map(work -> LogSafe.text(work.getKey().getFileName())).orElse(null),
                oldest.map(work -> work.getValue().since()).orElse(null));
    }

    /**
     * Claims and ingests one file; {@code null} when another instance took it, or the memory budget has no room
     * for it now (it stays in the inbox and comes again at the next scan).
     */
    private IngestOutcome ingest(Path file, StabilityTracker.FileState state) {
        Optional<ByteBudget.Permit> permit = memory.tryAcquire(Math.min(state.size(), config.maxFileSize().asLongValue()));
        if (permit.isEmpty()) {
            LOG.debugf("file=\"%s\" waits: the memory budget is in use", LogSafe.text(file.getFileName()));
            return null;
        }
        try (ByteBudget.Permit held = permit.get()) {
            Optional<ClaimedFile> claim;
            try {
                claim = folders.claim(file);
            } catch (IOException e) {
                return failUnclaimed(file, state, e);
            }
            if (claim.isEmpty()) {
                return null; // another instance took it
            }
            return ingestor.ingest(claim.get(), folders);
        } catch (IOException e) {
            // the service's own folders failed (disk full, permissions of processing/): not the file's fault
            LOG.errorf("file=\"%s\" outcome=error reason=\"%s\"", LogSafe.text(file.getFileName()), LogSafe.text(e));
            LOG.debug("ingest error", e);
            return null;
        }
    }

    /**
     * A file that cannot be claimed (its name is too long for a move, it may not be renamed) goes straight to
     * {@code failed/} under a name that fits, its original name in the report. When even that move fails, moving it
     * is not possible or not safe: it is left where it is, reported once, and skipped until it changes.
     */
    private IngestOutcome failUnclaimed(Path file, StabilityTracker.FileState state, IOException claimError) {
        String reason = "unclaimable";
        String message = "the file cannot be claimed: " + describe(claimError);
        Path relative = config.inbox().relativize(file);
        try {
            Path failed = folders.failUnclaimed(file, name -> FileReports.error(name, reason, message, state.size(), "unknown",
                    relative, clock.instant()));
            metrics.failed(reason);
            LOG.warnf("file=\"%s\" outcome=failed reason=%s message=\"%s\" failed=\"%s\"", LogSafe.text(relative), reason,
                    LogSafe.text(message), LogSafe.text(failed.getFileName()));
            return IngestOutcome.FAILED;
        } catch (IOException moveError) {
            leftAlone.put(file, state);
            metrics.leftAlone();
            LOG.warnf("file=\"%s\" outcome=left-alone reason=\"%s; nor can it be moved to failed/: %s\"", LogSafe.text(relative),
                    LogSafe.text(message), LogSafe.text(describe(moveError)));
            return null;
        }
    }

    /** What went wrong, without the paths a file-system exception's message carries. */
    private static String describe(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getClass().getSimpleName();
    }

    private static IngestOutcome outcome(Future<IngestOutcome> future, Path file) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            LOG.errorf(e.getCause(), "file=\"%s\" outcome=error reason=\"%s\"", LogSafe.text(file.getFileName()),
                    LogSafe.text(e.getCause().getMessage()));
            return null;
        }
    }
}
