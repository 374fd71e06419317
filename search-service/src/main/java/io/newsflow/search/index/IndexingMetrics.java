package io.newsflow.search.index;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Prometheus metrics of indexing ({@code /q/metrics}): documents sent, bulk latency, dead-lettered documents.
 * Consumer lag comes from the Kafka client metrics ({@code kafka_consumer_fetch_manager_records_lag_max}).
 */
@ApplicationScoped
public class IndexingMetrics {
    private final Counter indexed;
    private final Counter deadLettered;
    private final Timer bulkLatency;

    public IndexingMetrics(MeterRegistry registry) {
        this.indexed = Counter.builder("newsflow.search.documents.indexed").description("documents sent in _bulk requests").register(registry);
        this.deadLettered = Counter.builder("newsflow.search.documents.dead.lettered").description("articles sent to news.articles.dlq").register(registry);
        this.bulkLatency = Timer.builder("newsflow.search.bulk.latency").description("duration of one _bulk request")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    void bulk(int documents, Duration latency) {
        indexed.increment(documents);
        bulkLatency.record(latency);
    }

    void deadLettered() {
        deadLettered.increment();
    }
}
