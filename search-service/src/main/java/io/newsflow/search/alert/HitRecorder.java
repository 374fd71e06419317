package io.newsflow.search.alert;

import io.newsflow.logging.LogSafe;
import io.newsflow.model.Article;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Matches the articles of an indexed batch against the saved searches and writes their hits, before the batch is
 * acknowledged: a hit is recorded durably once for each saved search and article (its delivery id), and only after
 * the article is searchable, so its link opens. Elasticsearch refusing the hits is waited out like an outage of the
 * index; the batch stays unacknowledged meanwhile.
 */
public final class HitRecorder {
    private static final Logger LOG = Logger.getLogger(HitRecorder.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

    private final SavedSearches searches;
    private final AlertHits hits;
    private final AlertDispatcher dispatcher;
    private final AlertEvents events;
    private final AlertMetrics metrics;
    private final Duration maxBackoff;
    private final Clock clock;

    HitRecorder(SavedSearches searches, AlertHits hits, AlertDispatcher dispatcher, AlertEvents events,
                AlertMetrics metrics, Duration maxBackoff, Clock clock) {
        this.searches = searches;
        this.hits = hits;
        this.dispatcher = dispatcher;
        this.events = events;
        this.metrics = metrics;
        this.maxBackoff = maxBackoff;
        this.clock = clock;
    }

    /** Completes once the hits of these (indexed) articles are written; waits for the saved searches to be read first. */
    public Uni<Void> record(List<Article> indexed) {
        if (indexed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return searches.whenLoaded()
                .chain(() -> Uni.createFrom().item(() -> match(indexed)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .chain(matched -> matched.isEmpty() ? Uni.createFrom().voidItem() : write(matched));
    }

    private List<AlertHit> match(List<Article> articles) {
        List<AlertHit> matched = new ArrayList<>();
        Instant now = clock.instant();
        for (Article article : articles) {
            long started = System.nanoTime();
            List<SavedSearches.Match> found = searches.matching(article);
            for (SavedSearches.Match match : found) {
                SavedSearch search = match.search();
                List<String> what = HitDescription.matched(match.criteria(), article);
                matched.add(new AlertHit(AlertHit.deliveryIdOf(search.id(), article.id()), search.id(), search.owner(),
                        article.id(), article.headline(), article.lead(), article.issueDate(), article.eventDate(), what,
                        HitDescription.highlights(what, article), now,
                        search.webhook() == null ? AlertHit.State.NO_WEBHOOK : AlertHit.State.PENDING, 0,
                        search.webhook() == null ? null : now, null, null, null, null, null));
            }
            metrics.matched(found.size(), Duration.ofNanos(System.nanoTime() - started));
        }
        return matched;
    }

    private Uni<Void> write(List<AlertHit> matched) {
        return Uni.createFrom().item(() -> {
                    try {
                        return hits.create(matched);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().invoke(e -> LOG.warnf("outcome=hits-waiting hits=%d reason=\"%s\"", matched.size(),
                        LogSafe.text(String.valueOf(e.getMessage()))))
                .onFailure().retry().withBackOff(FIRST_BACKOFF, maxBackoff).indefinitely()
                .invoke(created -> {
                    created.forEach(s -> events.publish(s.hit()));
                    dispatcher.fresh(created);
                    if (!created.isEmpty()) {
                        LOG.debugf("outcome=hits-recorded hits=%d already=%d", created.size(), matched.size() - created.size());
                    }
                })
                .replaceWithVoid();
    }
}
