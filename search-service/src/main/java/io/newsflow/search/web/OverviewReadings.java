package io.newsflow.search.web;

import io.newsflow.search.alert.AlertHits;
import io.newsflow.search.alert.SavedSearches;
import java.util.Map;

import io.newsflow.logging.LogSafe;
import io.newsflow.search.api.ArticleStats;
import io.newsflow.search.api.ArticleStatsReader;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the overview page shows, asked of Elasticsearch and of the pipeline at the same time and waited for no longer
 * than {@code newsflow.search.web.overview-timeout}: a node or broker (or ingest-service) that accepts connections and
 * never answers turns its part of the page into "unknown" instead of holding the page (and the person looking) for
 * the client's socket timeout.
 */
@ApplicationScoped
public class OverviewReadings {
    private static final Logger LOG = Logger.getLogger(OverviewReadings.class);

    private final ArticleStatsReader statsReader;
    private final PipelineProbe pipeline;
    private final AlertHits alertHits;
    private final SavedSearches savedSearches;
    private final ManagedExecutor executor;
    private final Duration timeout;

    public OverviewReadings(ArticleStatsReader statsReader, PipelineProbe pipeline, AlertHits alertHits,
                            SavedSearches savedSearches, ManagedExecutor executor, WebConfig config) {
        this.statsReader = statsReader;
        this.pipeline = pipeline;
        this.alertHits = alertHits;
        this.savedSearches = savedSearches;
        this.executor = executor;
        this.timeout = config.overviewTimeout();
    }

    /**
     * Alert delivery: the saved searches this instance matches with, and the hits of all of them by delivery state
     * ({@code null} with {@code problem} when Elasticsearch did not say in time).
     */
    public record Alerts(int savedSearches, Map<String, Long> hitsByState, String problem) {
        public long hits(String state) {
            return hitsByState == null ? 0 : hitsByState.getOrDefault(state, 0L);
        }

        /** Hits waiting for their first attempt or a retry, or being posted now. */
        public long waiting() {
            return hits("PENDING") + hits("SENDING");
        }
    }

    /**
     * @param stats        the index's statistics, or {@code null} when Elasticsearch did not give them in time
     * @param statsProblem why there are no statistics, else {@code null}
     * @param pipeline     the pipeline's state; readings not made in time say so
     */
    public record Readings(ArticleStats stats, String statsProblem, PipelineProbe.PipelineState pipeline, Alerts alerts) {
    }

    public Readings look() {
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<ArticleStats> stats = executor.supplyAsync(() -> {
            try {
                return statsReader.read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        CompletableFuture<PipelineProbe.PipelineState> state = executor.supplyAsync(pipeline::look);
        CompletableFuture<Map<String, Long>> delivery = executor.supplyAsync(() -> {
            try {
                return alertHits.countByState();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        ArticleStats articles = null;
        String problem = null;
        try {
            articles = stats.get(remaining(deadline), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            problem = "Elasticsearch did not answer within " + timeout.toMillis() + " ms";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof UncheckedIOException io ? io.getCause() : e.getCause();
            problem = "Elasticsearch: " + cause.getClass().getSimpleName() + " " + cause.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        }
        if (problem != null) {
            stats.cancel(true);
            LOG.infof("probe=elasticsearch outcome=unknown reason=\"%s\"", LogSafe.text(problem));
        }
        PipelineProbe.PipelineState pipelineState;
        try {
            pipelineState = state.get(remaining(deadline), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            state.cancel(true);
            pipelineState = pipeline.unanswered("Kafka or ingest-service did not answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pipelineState = pipeline.unanswered("interrupted");
        }
        Alerts alerts;
        try {
            alerts = new Alerts(savedSearches.size(), delivery.get(remaining(deadline), TimeUnit.NANOSECONDS), null);
        } catch (TimeoutException | ExecutionException e) {
            delivery.cancel(true);
            alerts = new Alerts(savedSearches.size(), null, "Elasticsearch did not say within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            alerts = new Alerts(savedSearches.size(), null, "interrupted");
        }
        return new Readings(articles, problem, pipelineState, alerts);
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }
}
