package io.newsflow.bench.stack;

import java.util.Arrays;

/** Durations collected by any number of threads, with their percentiles (nearest rank) in milliseconds. */
public final class Samples {
    private long[] nanos = new long[1024];
    private int size;

    public synchronized void add(long durationNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = durationNanos;
    }

    /** Adds every duration of {@code other}. */
    public void addAll(Samples other) {
        long[] theirs;
        int count;
        synchronized (other) {
            theirs = other.nanos;
            count = other.size;
        }
        for (int i = 0; i < count; i++) {
            add(theirs[i]);
        }
    }

    public synchronized int count() {
        return size;
    }

    /** The {@code p}-th percentile (0 &lt; p ≤ 100) in ms; NaN when empty. */
    public synchronized double percentileMs(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.clamp(rank - 1, 0, size - 1)] / 1e6;
    }

    public synchronized double meanMs() {
        return size == 0 ? Double.NaN : Arrays.stream(nanos, 0, size).average().orElse(Double.NaN) / 1e6;
    }
}
