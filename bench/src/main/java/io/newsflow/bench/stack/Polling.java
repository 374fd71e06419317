package io.newsflow.bench.stack;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Waits for a condition the system reaches on its own, checking at a fixed interval. */
final class Polling {
    private static final System.Logger LOG = System.getLogger(Polling.class.getName());
    private static final long PROGRESS_NANOS = 10_000_000_000L;
    /** A condition that may need I/O to check. */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    private Polling() {
    }

    /**
     * Returns {@link System#nanoTime()} at the first check where the condition holds; fails after {@code timeout}
     * with {@code what} and the last progress description.
     */
    static long until(String what, Duration timeout, Duration interval, Condition condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.holds()) {
                return System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(what + " did not happen within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(interval);
        }
    }

    /**
     * Polls a growing count until it reaches {@code expected}; fails when it has not grown for {@code stall}.
     * Returns {@link System#nanoTime()} when the count reached {@code expected}.
     */
    static long untilCount(String what, long expected, Duration stall, Duration interval, CountSource count) throws Exception {
        long last = -1;
        long lastChange = System.nanoTime();
        long started = lastChange;
        long reported = lastChange;
        while (true) {
            long now = count.get();
            if (now >= expected) {
                return System.nanoTime();
            }
            if (System.nanoTime() - reported >= PROGRESS_NANOS) {
                reported = System.nanoTime();
                LOG.log(System.Logger.Level.INFO, "{0}: {1} of {2} ({3}%) after {4} s", what, String.format("%,d", now),
                        String.format("%,d", expected), 100 * now / Math.max(1, expected), (reported - started) / 1_000_000_000L);
            }
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > stall.toNanos()) {
                throw new TimeoutException(what + ": stuck at " + now + " of " + expected + " for " + stall.toSeconds() + " s");
            }
            Thread.sleep(interval);
        }
    }

    @FunctionalInterface
    interface CountSource {
        long get() throws Exception;
    }
}
