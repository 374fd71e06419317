package io.newsflow.ingest.budget;

import java.util.Optional;

/**
 * A fixed number of bytes shared by everyone who holds page bytes in memory. {@link #tryAcquire} never waits:
 * a caller that does not get its bytes backs off (a file stays in the inbox, an upload is answered 503), so no
 * thread blocks on the budget and the heap holds at most the budget's worth of pages.
 */
public final class ByteBudget {
    private final long capacity;
    private long used;

    public ByteBudget(long capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("a budget needs bytes, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Bytes reserved until the permit is closed, or empty when they do not fit now (or ever: more than the capacity). */
    public synchronized Optional<Permit> tryAcquire(long bytes) {
        if (bytes < 0 || bytes > capacity - used) {
            return Optional.empty();
        }
        used += bytes;
        return Optional.of(new Permit(bytes));
    }

    public synchronized long used() {
        return used;
    }

    public long capacity() {
        return capacity;
    }

    private synchronized void release(long bytes) {
        used -= bytes;
    }

    /** Holds bytes of the budget; closing it (once or more) gives them back. */
    public final class Permit implements AutoCloseable {
        private final long bytes;
        private boolean closed;

        private Permit(long bytes) {
            this.bytes = bytes;
        }

        public long bytes() {
            return bytes;
        }

        @Override
        public void close() {
            synchronized (ByteBudget.this) {
                if (!closed) {
                    closed = true;
                    release(bytes);
                }
            }
        }
    }
}
