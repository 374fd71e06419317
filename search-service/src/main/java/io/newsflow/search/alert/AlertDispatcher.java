package io.newsflow.search.alert;

import io.newsflow.logging.LogSafe;
import io.newsflow.search.alert.AlertHit.State;
import io.newsflow.search.alert.AlertHits.Stored;
import io.newsflow.search.alert.delivery.FiringRate;
import io.newsflow.search.alert.delivery.RetrySchedule;
import io.newsflow.search.alert.delivery.WebhookClient;
import io.newsflow.search.alert.delivery.WebhookOutcome;
import io.newsflow.search.alert.delivery.WebhookSignature;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Posts hits to their saved searches' webhooks. A new hit is taken at once by the instance that matched it; every
 * {@code sweep-interval} each instance also looks in the hits index for deliveries that are due (a retry), left
 * unfinished (an instance died within its lease) or held for a digest. Taking a delivery is a compare-and-set on its
 * document, so no two instances post it at once; the result is written back the same way.
 *
 * <p>Receivers are independent: a post is asynchronous with its own timeouts and a cap of connections per receiver
 * ({@link WebhookClient}), so a slow or dead receiver delays only its own deliveries, and matching never waits for any.
 * A saved search that fires more than {@code digest-after} times a minute has its further hits held and sent as one
 * digest when its minute has room again ({@link FiringRate}).
 */
public final class AlertDispatcher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AlertDispatcher.class);
    private static final int SWEEP_SIZE = 500;
    private static final int DIGEST_SIZE = 100;

    private final AlertHits hits;
    private final SavedSearches searches;
    private final WebhookClient client;
    private final RetrySchedule retries;
    private final FiringRate rate;
    private final WebhookPayloads payloads;
    private final AlertMetrics metrics;
    private final AlertEvents events;
    private final Duration lease;
    private final Clock clock;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "alert-sweep");
        thread.setDaemon(true);
        return thread;
    });
    /** Deliveries this instance is handling now: a sweep leaves them alone. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /** Saved searches this instance holds hits of for a digest. */
    private final Set<String> holding = ConcurrentHashMap.newKeySet();

    AlertDispatcher(AlertHits hits, SavedSearches searches, WebhookClient client, RetrySchedule retries, FiringRate rate,
                    WebhookPayloads payloads, AlertMetrics metrics, AlertEvents events, Duration lease, Clock clock) {
        this.hits = hits;
        this.searches = searches;
        this.client = client;
        this.retries = retries;
        this.rate = rate;
        this.payloads = payloads;
        this.metrics = metrics;
        this.events = events;
        this.lease = lease;
        this.clock = clock;
    }

    void start(Duration sweepInterval) {
        timer.scheduleWithFixedDelay(this::sweep, sweepInterval.toMillis(), sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Hits just written by this instance: those with a webhook go out now (or are held for a digest). */
    void fresh(List<Stored> created) {
        for (Stored stored : created) {
            if (stored.hit().state() == State.PENDING) {
                inFlight.add(stored.hit().deliveryId());
                workers.execute(() -> take(stored));
            }
        }
    }

    /** One look for work in the hits index; also sends the digests whose minute has room. */
    void sweep() {
        try {
            Instant now = clock.instant();
            Set<String> heldSearches = new HashSet<>();
            Map<String, Long> backlog = new HashMap<>();
            for (Stored stored : hits.due(now, SWEEP_SIZE)) {
                AlertHit hit = stored.hit();
                receiver(hit).ifPresent(r -> backlog.merge(r, 1L, Long::sum));
                if (hit.state() == State.HELD) {
                    heldSearches.add(hit.savedSearchId());
                } else if (inFlight.add(hit.deliveryId())) {
                    workers.execute(() -> take(stored));
                }
            }
            metrics.backlog(backlog);
            Set<String> digests = new HashSet<>(rate.dueDigests(now));
            // held by an instance that is gone (or by this one before a restart): nothing here will release them
            heldSearches.stream().filter(id -> !holding.contains(id)).forEach(digests::add);
            for (String savedSearchId : digests) {
                holding.remove(savedSearchId);
                workers.execute(() -> digest(savedSearchId));
            }
        } catch (Exception e) {
            LOG.warnf("outcome=sweep-failed reason=\"%s\"", LogSafe.text(String.valueOf(e.getMessage())));
        }
    }

    private Optional<String> receiver(AlertHit hit) {
        return searches.get(hit.savedSearchId()).map(SavedSearch::webhook).map(w -> {
            URI uri = URI.create(w.url());
            return uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80);
        });
    }

    private void take(Stored stored) {
        AlertHit hit = stored.hit();
        try {
            Optional<SavedSearch> search = searches.get(hit.savedSearchId());
            if (search.isEmpty() || search.get().webhook() == null) {
                // deleted, or its webhook removed since it matched: nothing to post
                hits.replace(stored, hit.withState(State.NO_WEBHOOK, hit.attempts(), null, null, hit.lastStatus(),
                        hit.lastAnswer(), null, null)).ifPresent(s -> events.publish(s.hit()));
                inFlight.remove(hit.deliveryId());
                return;
            }
            Instant now = clock.instant();
            if (hit.attempts() == 0 && rate.admit(hit.savedSearchId(), now) == FiringRate.Admission.HOLD) {
                holding.add(hit.savedSearchId());
                hits.replace(stored, hit.withState(State.HELD, 0, null, null, null, null, null, null))
                        .ifPresent(s -> events.publish(s.hit()));
                metrics.delivery("held");
                inFlight.remove(hit.deliveryId());
                return;
            }
            Optional<Stored> claimed = hits.replace(stored, hit.withState(State.SENDING, hit.attempts(),
                    hit.nextAttemptAt(), now.plus(lease), hit.lastStatus(), hit.lastAnswer(), null, null));
            if (claimed.isEmpty()) {
                inFlight.remove(hit.deliveryId());
                return; // another instance took it
            }
            byte[] body = payloads.single(search.get(), hit);
            post(search.get(), hit.deliveryId(), body).whenComplete((outcome, failure) -> workers.execute(() ->
                    finish(List.of(claimed.get()), null, outcome, failure)));
        } catch (Exception e) {
            inFlight.remove(hit.deliveryId());
            LOG.warnf("delivery=%s outcome=not-taken reason=\"%s\"", hit.deliveryId(), LogSafe.text(String.valueOf(e.getMessage())));
        }
    }

    private void digest(String savedSearchId) {
        try {
            Optional<SavedSearch> search = searches.get(savedSearchId);
            List<Stored> held = hits.held(savedSearchId, DIGEST_SIZE);
            if (held.isEmpty()) {
                return;
            }
            if (search.isEmpty() || search.get().webhook() == null) {
                for (Stored stored : held) {
                    AlertHit hit = stored.hit();
                    hits.replace(stored, hit.withState(State.NO_WEBHOOK, hit.attempts(), null, null, null, null, null, null));
                }
                return;
            }
            Instant now = clock.instant();
            List<Stored> claimed = new ArrayList<>();
            for (Stored stored : held) {
                AlertHit hit = stored.hit();
                hits.replace(stored, hit.withState(State.SENDING, hit.attempts(), null, now.plus(lease), null, null, null, null))
                        .ifPresent(claimed::add);
            }
            if (claimed.isEmpty()) {
                return;
            }
            List<AlertHit> carried = claimed.stream().map(Stored::hit).toList();
            String digestId = "digest-" + AlertHit.deliveryIdOf(savedSearchId,
                    String.join(",", carried.stream().map(AlertHit::deliveryId).sorted().toList()));
            claimed.forEach(s -> inFlight.add(s.hit().deliveryId()));
            byte[] body = payloads.digest(digestId, search.get(), carried);
            post(search.get(), digestId, body).whenComplete((outcome, failure) -> workers.execute(() ->
                    finish(claimed, digestId, outcome, failure)));
        } catch (Exception e) {
            LOG.warnf("saved-search=%s outcome=digest-not-sent reason=\"%s\"", savedSearchId, LogSafe.text(String.valueOf(e.getMessage())));
        }
    }

    private java.util.concurrent.CompletableFuture<WebhookOutcome> post(SavedSearch search, String deliveryId, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Newsflow-Delivery", deliveryId);
        headers.put(WebhookSignature.HEADER, WebhookSignature.header(search.webhook().secret(), clock.instant().getEpochSecond(), body));
        return client.send(URI.create(search.webhook().url()), body, headers);
    }

    /** Writes the outcome of a post back to each hit it carried; a retry is rescheduled, or given up past retry-for. */
    private void finish(List<Stored> carried, String digestId, WebhookOutcome outcome, Throwable failure) {
        Instant now = clock.instant();
        for (Stored stored : carried) {
            AlertHit hit = stored.hit();
            int attempts = hit.attempts() + 1;
            AlertHit done;
            String counted;
            if (failure != null || outcome == null) {
                String reason = failure == null ? "no outcome" : String.valueOf(failure.getMessage());
                done = retryOrGiveUp(hit, attempts, now, 0, reason, Optional.empty());
                counted = done.state() == State.FAILED ? "gave-up" : "retry";
            } else {
                switch (outcome.kind()) {
                    case DELIVERED -> {
                        done = hit.withState(State.DELIVERED, attempts, null, null, outcome.status(), outcome.answer(), now, digestId);
                        counted = "delivered";
                    }
                    case REJECTED -> {
                        done = hit.withState(State.FAILED, attempts, null, null, outcome.status(), outcome.answer(), null, digestId);
                        counted = "rejected";
                    }
                    default -> {
                        done = retryOrGiveUp(hit, attempts, now, outcome.status(), outcome.answer(), outcome.retryAfter());
                        counted = done.state() == State.FAILED ? "gave-up" : "retry";
                    }
                }
            }
            if (digestId == null || stored == carried.getFirst()) {
                metrics.delivery(counted);
            }
            try {
                hits.replace(stored, done).ifPresentOrElse(s -> events.publish(s.hit()), () ->
                        LOG.warnf("delivery=%s outcome=changed-meanwhile", hit.deliveryId()));
            } catch (Exception e) {
                // left as sending: once its lease runs out, a sweep takes it again (the receiver may see it twice)
                LOG.warnf("delivery=%s outcome=not-recorded state=%s reason=\"%s\"", hit.deliveryId(), done.state(),
                        LogSafe.text(String.valueOf(e.getMessage())));
            } finally {
                inFlight.remove(hit.deliveryId());
            }
            if (!"delivered".equals(counted)) {
                LOG.infof("delivery=%s saved-search=%s outcome=%s status=%d answer=\"%s\"", hit.deliveryId(), hit.savedSearchId(),
                        counted, done.lastStatus() == null ? 0 : done.lastStatus(), LogSafe.text(String.valueOf(done.lastAnswer())));
            }
        }
    }

    private AlertHit retryOrGiveUp(AlertHit hit, int attempts, Instant now, int status, String answer, Optional<Duration> retryAfter) {
        Optional<Instant> next = retries.nextAttempt(hit.matchedAt(), attempts, now, retryAfter);
        return next.isPresent()
                ? hit.withState(State.PENDING, attempts, next.get(), null, status, answer, null, null)
                : hit.withState(State.FAILED, attempts, null, null, status, answer, null, null);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
        client.close();
    }
}
