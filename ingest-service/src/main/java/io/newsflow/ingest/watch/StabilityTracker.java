package io.newsflow.ingest.watch;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides when a file has stopped changing: it is ready once its modification time is at least {@code minAge} old
 * and its size and modification time did not change since the last scan (or, when the modification time lies in
 * the future, once two observations {@code minAge} apart saw the same). A file held back after a failed publication is not ready before its time.
 * Not thread-safe: one scanner uses it.
 */
public final class StabilityTracker {
    /** What a scan saw of one file. */
    public record FileState(long size, FileTime modified) {
    }

    private record Observation(FileState state, Instant since) {
    }

    private final Duration minAge;
    private final Map<Path, Observation> observed = new HashMap<>();
    private final Map<Path, Instant> heldUntil = new HashMap<>();

    public StabilityTracker(Duration minAge) {
        this.minAge = minAge;
    }

    /** Records one scan of the inbox and returns the files that are ready, in the order given. */
    public List<Path> observe(Map<Path, FileState> scan, Instant now) {
        observed.keySet().retainAll(scan.keySet());
        heldUntil.values().removeIf(until -> !until.isAfter(now));
        List<Path> ready = new ArrayList<>();
        scan.forEach((file, state) -> {
            Observation previous = observed.get(file);
            boolean changed = previous != null && !previous.state().equals(state);
            if (previous == null || changed) {
                observed.put(file, new Observation(state, now));
            }
            // Every write moves the modification time, so a file not modified for minAge is finished, even at first
            // sight; seeing it unchanged for minAge is the fallback for a modification time in the future.
            boolean untouched = !state.modified().toInstant().plus(minAge).isAfter(now)
                    || previous != null && !changed && !previous.since().plus(minAge).isAfter(now);
            if (!changed && untouched && !heldUntil.containsKey(file)) {
                ready.add(file);
            }
        });
        ready.forEach(observed::remove);
        return ready;
    }

    /** Whether a file seen is still waiting to become ready (so the next scan should come soon). */
    public boolean hasPending() {
        return !observed.isEmpty();
    }

    /** Keeps the file back until {@code until}, e.g. after its publication failed. */
    public void holdUntil(Path file, Instant until) {
        heldUntil.put(file, until);
    }
}
