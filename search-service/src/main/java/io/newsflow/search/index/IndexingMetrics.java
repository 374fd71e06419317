package io.newsflow.search.index;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Prometheus metrics of indexing ({@code /q/metrics}): documents sent, bulk latency, dead-lettered documents, and
 * whether (and how long) indexing waits for Elasticsearch with the retries by cause.
 * Consumer lag comes from the Kafka client metrics ({@code kafka_consumer_fetch_manager_records_lag_max}).
 */
@ApplicationScoped
public class IndexingMetrics {
    private final MeterRegistry registry;
    private final Counter indexed;
    private final Counter deadLettered;
    private final Timer bulkLatency;

    public IndexingMetrics(MeterRegistry registry, IndexingState state) {
        this.registry = registry;
        this.indexed = Counter.builder("newsflow.search.documents.indexed").description("documents sent in _bulk requests").register(registry);
        this.deadLettered = Counter.builder("newsflow.search.documents.dead.lettered").description("articles sent to news.articles.dlq").register(registry);
        this.bulkLatency = Timer.builder("newsflow.search.bulk.latency").description("duration of one _bulk request")
                .publishPercentiles(0.5, 0.99).register(registry);
        Gauge.builder("newsflow.search.indexing.waiting", state, s -> s.current().isPresent() ? 1 : 0)
                .description("1 while indexing waits for Elasticsearch (unreachable, refusing or missing the index), else 0")
                .register(registry);
        Gauge.builder("newsflow.search.indexing.waiting.seconds", state, IndexingState::waitingSeconds)
                .description("how long the current wait for Elasticsearch has lasted, 0 when not waiting")
                .register(registry);
    }

    void bulk(int documents, Duration latency) {
        indexed.increment(documents);
        bulkLatency.record(latency);
    }

    /** Articles not written because a newer version of their page is indexed. */
    void superseded(int articles) {
        Counter.builder("newsflow.search.articles.superseded")
                .description("articles not indexed because a newer version of their page (a correction) is indexed")
                .register(registry).increment(articles);
    }

    /** Pages whose older versions' articles were deleted for a newer version. */
    void replaced(int pages) {
        Counter.builder("newsflow.search.pages.replaced")
                .description("pages whose articles were replaced by those of a newer version (a correction)")
                .register(registry).increment(pages);
    }

    void deadLettered() {
        deadLettered.increment();
    }

    /** One more _bulk attempt that Elasticsearch did not take, by cause ({@link RefusalPolicy#cause}, unreachable). */
    void retry(String cause) {
        Counter.builder("newsflow.search.bulk.retries").description("_bulk attempts retried because Elasticsearch did not take them")
                .tag("cause", cause).register(registry).increment();
    }
}
