package io.newsflow.enrich.config;

import io.newsflow.enrich.pipeline.EnrichmentPipeline;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Configuration of enrich-service; every property is listed in the README's configuration table. */
@ConfigMapping(prefix = "newsflow.enrich")
public interface EnrichConfig {

    /** Version stamped on every article ({@code pipelineVersion}); defaults to the code's own version. */
    @WithDefault(EnrichmentPipeline.VERSION)
    String pipelineVersion();

    /**
     * How long one attempt waits for Kafka to acknowledge a page's articles (or its dead letter). An attempt that
     * times out is retried, never dead-lettered, and marks Kafka unreachable (readiness down) until a send succeeds.
     */
    @WithDefault("30s")
    Duration sendTimeout();

    /** Pause before the first retry of a delivery Kafka did not acknowledge; it doubles for each further retry. */
    @WithDefault("1s")
    Duration retryBackoff();

    /** Longest pause between two attempts of a delivery, however long Kafka stays away. */
    @WithDefault("30s")
    Duration maxRetryBackoff();

    /**
     * The names dictionary ({@code word nature [frequency]} per line), the same file the index analyzer reads.
     * Unset: the copy of the repository's {@code config/names.txt} built into the service.
     */
    Optional<Path> namesFile();

    /**
     * Pages whose articles may be on their way to Kafka while the next pages are enriched (per process); their
     * articles must fit the channel's buffer of 4096.
     */
    @WithDefault("32")
    int maxPagesInFlight();
}
