package io.newsflow.search.alert.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The digest throttle: a saved search delivers at most {@code perMinute} times in any minute. A hit beyond that is
 * held (the caller gathers it); the held hits go out together as one digest once the minute of the oldest counted
 * delivery has passed, and that digest counts as one delivery. While a search has hits held, its new hits join them,
 * so nothing overtakes the digest. A search idle for more than a minute is forgotten: memory stays bounded by the
 * searches that fired within the last minute. Time is the caller's (an explicit clock); all methods are thread-safe.
 */
public final class FiringRate {
    /** The rolling window the limit counts in. */
    public static final Duration WINDOW = Duration.ofMinutes(1);

    public enum Admission {
        /** Deliver this hit now; it is counted. */
        SEND,
        /** Hold this hit for the search's next digest ({@link #dueDigests}). */
        HOLD
    }

    private final int perMinute;
    // in the order the searches were first seen, so that digests come out in a stable order
    private final Map<String, Search> searches = new LinkedHashMap<>();
    private Instant lastSweep = Instant.MIN;

    public FiringRate(int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("digest-after must be at least 1 delivery a minute: " + perMinute);
        }
        this.perMinute = perMinute;
    }

    /** Whether a hit of the saved search is sent now (and counted) or held for a digest. */
    public synchronized Admission admit(String savedSearchId, Instant now) {
        sweepIfDue(now);
        Search search = searches.computeIfAbsent(savedSearchId, id -> new Search());
        search.forgetBefore(now);
        if (search.holding) {
            return Admission.HOLD;
        }
        if (search.sent.size() < perMinute) {
            search.sent.addLast(now);
            return Admission.SEND;
        }
        search.holding = true;
        return Admission.HOLD;
    }

    /**
     * The saved searches whose held hits are to go out now as one digest each, because their window has room again;
     * each digest is counted as one delivery and the search no longer holds.
     */
    public synchronized List<String> dueDigests(Instant now) {
        List<String> due = new ArrayList<>();
        for (Iterator<Map.Entry<String, Search>> entries = searches.entrySet().iterator(); entries.hasNext(); ) {
            Map.Entry<String, Search> entry = entries.next();
            Search search = entry.getValue();
            search.forgetBefore(now);
            if (search.holding && search.sent.size() < perMinute) {
                search.holding = false;
                search.sent.addLast(now);
                due.add(entry.getKey());
            } else if (search.idle()) {
                entries.remove();
            }
        }
        lastSweep = now;
        return due;
    }

    /** When the earliest held digest becomes due ({@code now} when one already is); empty when nothing is held. */
    public synchronized Optional<Instant> nextDigestAt(Instant now) {
        Instant earliest = null;
        for (Search search : searches.values()) {
            if (!search.holding) {
                continue;
            }
            search.forgetBefore(now);
            Instant due = search.sent.size() < perMinute ? now : roomAt(search);
            if (earliest == null || due.isBefore(earliest)) {
                earliest = due;
            }
        }
        return Optional.ofNullable(earliest);
    }

    /** Forgets a saved search (deleted): its count and whether it holds hits. */
    public synchronized void forget(String savedSearchId) {
        searches.remove(savedSearchId);
    }

    /** How many saved searches are remembered (for tests of the bound). */
    synchronized int remembered() {
        return searches.size();
    }

    /** When the count falls below the limit: once the delivery that keeps it at the limit is a minute old. */
    private Instant roomAt(Search search) {
        int keepingFull = search.sent.size() - perMinute;
        Iterator<Instant> sent = search.sent.iterator();
        for (int i = 0; i < keepingFull; i++) {
            sent.next();
        }
        return sent.next().plus(WINDOW);
    }

    /** A full pass over the remembered searches at most once a window, so admit stays cheap. */
    private void sweepIfDue(Instant now) {
        if (!now.isBefore(lastSweep.plus(WINDOW))) {
            searches.values().removeIf(search -> {
                search.forgetBefore(now);
                return search.idle();
            });
            lastSweep = now;
        }
    }

    private static final class Search {
        /** The counted deliveries of the last minute, oldest first. */
        final ArrayDeque<Instant> sent = new ArrayDeque<>();
        boolean holding;

        /** A delivery a minute old or older no longer counts. */
        void forgetBefore(Instant now) {
            Instant windowStart = now.minus(WINDOW);
            while (!sent.isEmpty() && !sent.peekFirst().isAfter(windowStart)) {
                sent.removeFirst();
            }
        }

        boolean idle() {
            return !holding && sent.isEmpty();
        }
    }
}
