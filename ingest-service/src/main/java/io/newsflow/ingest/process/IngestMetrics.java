package io.newsflow.ingest.process;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/** Prometheus metrics of ingest ({@code /q/metrics}): files seen, published, failed by reason, duplicates, changed, bytes, latency. */
@ApplicationScoped
public class IngestMetrics {
    private final MeterRegistry registry;
    private final Counter seen;
    private final Counter published;
    private final Counter duplicates;
    private final Counter retries;
    private final Counter changed;
    private final Counter bytes;
    private final Timer publishLatency;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.seen = Counter.builder("newsflow.ingest.files.seen").description("files claimed from the inbox").register(registry);
        this.published = Counter.builder("newsflow.ingest.files.published").description("pages Kafka acknowledged").register(registry);
        this.duplicates = Counter.builder("newsflow.ingest.files.duplicates").description("files whose content was published before").register(registry);
        this.retries = Counter.builder("newsflow.ingest.files.retried").description("files put back into the inbox after a failed publication").register(registry);
        this.changed = Counter.builder("newsflow.ingest.files.changed").description("files that changed after their claim, put back into the inbox").register(registry);
        this.bytes = Counter.builder("newsflow.ingest.bytes.published").baseUnit("bytes").description("bytes of published pages").register(registry);
        this.publishLatency = Timer.builder("newsflow.ingest.publish.latency").description("time from send to Kafka's acknowledgement")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    void seen() {
        seen.increment();
    }

    void published(long sizeBytes, Duration latency) {
        published.increment();
        bytes.increment(sizeBytes);
        publishLatency.record(latency);
    }

    void duplicate() {
        duplicates.increment();
    }

    void retried() {
        retries.increment();
    }

    void changed() {
        changed.increment();
    }

    /** A file that could neither be claimed nor moved to failed/: left where it is, reported once. */
    public void leftAlone() {
        Counter.builder("newsflow.ingest.files.left.alone").description("files that could not be moved out of the inbox")
                .register(registry).increment();
    }

    /** An upload answered with an error status; {@code reason} is the status's short name. */
    public void uploadRefused(String reason) {
        Counter.builder("newsflow.ingest.uploads.refused").description("uploads refused").tag("reason", reason)
                .register(registry).increment();
    }

    public void failed(String reason) {
        Counter.builder("newsflow.ingest.files.failed").description("files moved to failed/").tag("reason", reason)
                .register(registry).increment();
    }
}
