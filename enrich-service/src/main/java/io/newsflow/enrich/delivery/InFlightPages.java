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
 * finishing, the window fills, no page is requested any more and the connector pauses the partitions. The window
 * counts pages and their articles: the articles of every page in flight must fit the emitter's buffer, whatever
 * mix of small and large pages arrives. Thread-safe.
 */
public final class InFlightPages {
    /** A page in flight: since when, with how many articles. */
    private record Page(Instant since, int articles) {
    }

    private final int max;
    private final int maxArticles;
    private final Clock clock;
    private final Map<Long, Page> started = new HashMap<>();
    private int articles;
    private final List<CompletableFuture<Void>> waiting = new ArrayList<>();
    private long nextTicket;

    /**
     * @param max         pages in flight
     * @param maxArticles articles of the pages in flight; the next page is read only while fewer are
     */
    public InFlightPages(int max, int maxArticles, Clock clock) {
        if (max < 1 || maxArticles < 1) {
            throw new IllegalArgumentException("at least one page and one article must be allowed in flight, not "
                    + max + " and " + maxArticles);
        }
        this.max = max;
        this.maxArticles = maxArticles;
        this.clock = clock;
    }

    /** A page without articles (a dead letter) starts its way to Kafka; pass the ticket to {@link #finished(long)}. */
    public long start() {
        return start(0);
    }

    /** A page with this many articles starts its way to Kafka; pass the ticket to {@link #finished(long)}. */
    public synchronized long start(int pageArticles) {
        long ticket = nextTicket++;
        started.put(ticket, new Page(clock.instant(), pageArticles));
        articles += pageArticles;
        return ticket;
    }

    /**
     * The page of this ticket is acknowledged or dead-lettered; lets the waiting consumers go on (one per consumer
     * thread, so the window may be exceeded by that many pages, never deadlocked).
     */
    public void finished(long ticket) {
        List<CompletableFuture<Void>> next = new ArrayList<>();
        synchronized (this) {
            Page page = started.remove(ticket);
            if (page == null) {
                return;
            }
            articles -= page.articles();
            if (!hasRoom()) {
                return;
            }
            next.addAll(waiting);
            waiting.clear();
        }
        next.forEach(room -> room.complete(null));
    }

    /** Completes once fewer than the maximum pages are in flight: at once, or when one of them finishes. */
    public synchronized CompletionStage<Void> roomForNext() {
        if (hasRoom()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> room = new CompletableFuture<>();
        waiting.add(room);
        return room;
    }

    private boolean hasRoom() {
        return started.size() < max && articles < maxArticles;
    }

    public synchronized int count() {
        return started.size();
    }

    /** Articles of the pages in flight. */
    public synchronized int articles() {
        return articles;
    }

    /** How long the page that has been on its way the longest has been; zero when none is. */
    public synchronized Duration oldest() {
        Instant now = clock.instant();
        return started.values().stream().map(Page::since).min(Instant::compareTo).map(first -> Duration.between(first, now)).orElse(Duration.ZERO);
    }
}
