package io.newsflow.search.web;

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
    private final ManagedExecutor executor;
    private final Duration timeout;

    public OverviewReadings(ArticleStatsReader statsReader, PipelineProbe pipeline, ManagedExecutor executor, WebConfig config) {
        this.statsReader = statsReader;
        this.pipeline = pipeline;
        this.executor = executor;
        this.timeout = config.overviewTimeout();
    }

    /**
     * @param stats        the index's statistics, or {@code null} when Elasticsearch did not give them in time
     * @param statsProblem why there are no statistics, else {@code null}
     * @param pipeline     the pipeline's state; readings not made in time say so
     */
    public record Readings(ArticleStats stats, String statsProblem, PipelineProbe.PipelineState pipeline) {
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
        return new Readings(articles, problem, pipelineState);
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }
}
