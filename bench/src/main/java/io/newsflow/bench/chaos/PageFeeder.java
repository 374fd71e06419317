package io.newsflow.bench.chaos;

import io.newsflow.bench.corpus.GeneratedPage;
import io.newsflow.bench.stack.Inbox;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Drops pages into the inbox on its own thread at a steady rate (or all at once), as a scanner or newsroom would. */
final class PageFeeder {
    private final Inbox inbox;
    private final List<GeneratedPage> pages;
    private final double pagesPerSecond;
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Thread thread;

    PageFeeder(Inbox inbox, List<GeneratedPage> pages, double pagesPerSecond) {
        this.inbox = inbox;
        this.pages = pages;
        this.pagesPerSecond = pagesPerSecond;
        this.thread = Thread.ofPlatform().name("chaos-feeder").daemon().unstarted(this::feed);
    }

    PageFeeder start() {
        thread.start();
        return this;
    }

    int dropped() {
        return dropped.get();
    }

    /** Waits until every page is in the inbox; rethrows what stopped the feeding. */
    void finish() throws Exception {
        thread.join();
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private void feed() {
        long started = System.nanoTime();
        try {
            for (GeneratedPage page : pages) {
                if (pagesPerSecond > 0) {
                    long due = started + (long) (dropped.get() * 1e9 / pagesPerSecond);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                inbox.drop(page);
                dropped.incrementAndGet();
            }
        } catch (Exception e) {
            failure.set(e);
        }
    }
}
