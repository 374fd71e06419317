package io.newsflow.search.api;

import io.smallrye.mutiny.Uni;

import java.util.concurrent.Semaphore;

/**
 * A bound on the searches in flight to Elasticsearch. A search holds no thread while it waits for the node
 * ({@link RawSearch}), so without a bound a flood of clients would queue any number of searches on the node and on
 * this service's memory; past the bound a search is refused at once ({@link TooManySearchesException}, answered 503
 * with Retry-After) and the searches already admitted keep their speed.
 */
public final class SearchAdmission {
    private final Semaphore permits;
    private final int limit;

    public SearchAdmission(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the limit of concurrent searches must be at least 1, was " + limit);
        }
        this.limit = limit;
        this.permits = new Semaphore(limit);
    }

    /** Runs {@code search} when a permit is free, and gives the permit back however it ends (answer, failure, cancel). */
    public <T> Uni<T> admit(Uni<T> search) {
        return Uni.createFrom().deferred(() -> {
            if (!permits.tryAcquire()) {
                return Uni.createFrom().failure(new TooManySearchesException(limit));
            }
            return search.onTermination().invoke(permits::release);
        });
    }

    /** Searches in flight right now. */
    public int inFlight() {
        return limit - permits.availablePermits();
    }

    /** More searches than {@code limit} would be in flight. */
    public static final class TooManySearchesException extends RuntimeException {
        public TooManySearchesException(int limit) {
            super("too many searches at once (" + limit + " in flight); try again in a moment");
        }
    }
}
