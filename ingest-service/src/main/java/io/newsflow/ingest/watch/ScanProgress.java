package io.newsflow.ingest.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the scan loop is making progress: whether it can scan the inbox at all, when a scan last completed, and
 * since when the oldest file in work has been in work. Written by the scan loop, read by readiness. Pure logic, the
 * clock is the caller's.
 */
public final class ScanProgress {
    private final Duration stallTimeout;
    private volatile Instant lastScanCompleted;
    private volatile Instant oldestWorkStarted;
    private volatile String oldestWorkFile = "";
    private volatile String inboxProblem;

    public ScanProgress(Duration stallTimeout, Instant startedAt) {
        this.stallTimeout = stallTimeout;
        this.lastScanCompleted = startedAt; // the first scan has until the timeout, like any other
    }

    public void scanCompleted(Instant at) {
        lastScanCompleted = at;
    }

    /** The file in work the longest ({@code file} as it may be logged), or null for none. */
    public void oldestWork(String file, Instant since) {
        oldestWorkFile = file == null ? "" : file;
        oldestWorkStarted = since;
    }

    /** The inbox cannot be scanned (it is no folder, it cannot be read): why, as readiness tells it. */
    public void inboxUnusable(String reason) {
        inboxProblem = reason;
    }

    /** The inbox was scanned. */
    public void inboxUsable() {
        inboxProblem = null;
    }

    public Optional<String> inboxProblem() {
        return Optional.ofNullable(inboxProblem);
    }

    public Instant lastScanCompleted() {
        return lastScanCompleted;
    }

    /** Why the loop counts as stalled at {@code now} (or cannot scan the inbox), or empty while it makes progress. */
    public Optional<String> stalled(Instant now) {
        String problem = inboxProblem;
        if (problem != null) {
            return Optional.of(problem);
        }
        if (lastScanCompleted.plus(stallTimeout).isBefore(now)) {
            return Optional.of("no inbox scan completed since " + lastScanCompleted + " (stall timeout " + stallTimeout + ")");
        }
        Instant started = oldestWorkStarted;
        if (started != null && started.plus(stallTimeout).isBefore(now)) {
            return Optional.of("file \"" + oldestWorkFile + "\" in work since " + started + " (stall timeout " + stallTimeout + ")");
        }
        return Optional.empty();
    }
}
