package io.newsflow.enrich.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The pages whose articles (or dead letter) are on their way to Kafka. The consumer takes the next page only when
 * there is room ({@link #roomForNext()}), without blocking a thread: while Kafka is away, deliveries stop
 * finishing, the window fills, no page is requested any more and the connector pauses the partitions. Thread-safe.
 */
public final class InFlightPages {
    private final int max;
    private final Clock clock;
    private final Map<Long, Instant> started = new HashMap<>();
    private final List<CompletableFuture<Void>> waiting = new ArrayList<>();
    private long nextTicket;

    public InFlightPages(int max, Clock clock) {
        if (max < 1) {
            throw new IllegalArgumentException("at least one page must be allowed in flight, not " + max);
        }
        this.max = max;
        this.clock = clock;
    }

    /** A page starts its way to Kafka; pass the ticket to {@link #finished(long)}. */
    public synchronized long start() {
        long ticket = nextTicket++;
        started.put(ticket, clock.instant());
        return ticket;
    }

    /**
     * The page of this ticket is acknowledged or dead-lettered; lets the waiting consumers go on (one per consumer
     * thread, so the window may be exceeded by that many pages, never deadlocked).
     */
    public void finished(long ticket) {
        List<CompletableFuture<Void>> next = new ArrayList<>();
        synchronized (this) {
            if (started.remove(ticket) == null || started.size() >= max) {
                return;
            }
            next.addAll(waiting);
            waiting.clear();
        }
        next.forEach(room -> room.complete(null));
    }

    /** Completes once fewer than the maximum pages are in flight: at once, or when one of them finishes. */
    public synchronized CompletionStage<Void> roomForNext() {
        if (started.size() < max) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> room = new CompletableFuture<>();
        waiting.add(room);
        return room;
    }

    public synchronized int count() {
        return started.size();
    }

    /** How long the page that has been on its way the longest has been; zero when none is. */
    public synchronized Duration oldest() {
        Instant now = clock.instant();
        return started.values().stream().min(Instant::compareTo).map(first -> Duration.between(first, now)).orElse(Duration.ZERO);
    }
}
