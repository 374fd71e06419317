package io.newsflow.search.index;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import io.newsflow.search.config.SearchConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ready only when indexing is not waiting for Elasticsearch, the node answers within
 * {@code newsflow.search.readiness-timeout}, the alias exists and its index has the expected mapping.
 *
 * <p>The node is asked by one probe at a time: a frozen node (which accepts connections and never answers) keeps
 * that one probe hanging until the client's socket timeout, and every readiness call meanwhile answers DOWN at once
 * instead of piling up hanging requests.
 */
@Readiness
@ApplicationScoped
public class IndexReadinessCheck implements HealthCheck {
    private final IndexManager indexManager;
    private final IndexingState indexingState;
    private final Duration timeout;
    private final ExecutorService probes = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("elasticsearch-readiness-probe").factory());
    private CompletableFuture<Boolean> probe;
    private Instant probeStarted;

    public IndexReadinessCheck(IndexManager indexManager, IndexingState indexingState, SearchConfig config) {
        this.indexManager = indexManager;
        this.indexingState = indexingState;
        this.timeout = config.readinessTimeout();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("elasticsearch-index").withData("alias", indexManager.alias());
        var waiting = indexingState.current();
        if (waiting.isPresent()) {
            return response.down().withData("reason", waiting.get().describe(indexingState.now())).build();
        }
        CompletableFuture<Boolean> aliasExists = probe();
        try {
            if (!aliasExists.get(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return response.down().withData("reason", "alias " + indexManager.alias() + " does not exist").build();
            }
        } catch (TimeoutException e) {
            return response.down().withData("reason", "Elasticsearch has not answered for "
                    + Duration.between(probeStarted(), Instant.now()).toSeconds() + " s").build();
        } catch (ExecutionException e) {
            Throwable failure = e.getCause() instanceof java.io.UncheckedIOException unchecked ? unchecked.getCause() : e.getCause();
            if (failure instanceof TransportException refused && refused.statusCode() > 0) {
                return response.down().withData("reason", RefusalPolicy.answered(refused.statusCode())).build();
            }
            if (failure instanceof ElasticsearchException refused) {
                return response.down().withData("reason", RefusalPolicy.answered(refused.status())).build();
            }
            return response.down().withData("reason", "Elasticsearch unreachable: " + failure.getMessage()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("reason", "interrupted").build();
        }
        String problem = indexManager.problem();
        return problem.isEmpty() ? response.up().build() : response.down().withData("reason", problem).build();
    }

    /** The probe in flight, or a new one when the last has answered. */
    private synchronized CompletableFuture<Boolean> probe() {
        if (probe == null || probe.isDone()) {
            probeStarted = Instant.now();
            probe = CompletableFuture.supplyAsync(() -> {
                try {
                    return indexManager.aliasExists();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, probes);
        }
        return probe;
    }

    private synchronized Instant probeStarted() {
        return probeStarted;
    }

    @PreDestroy
    void stop() {
        probes.shutdownNow();
    }
}
