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

    /** How long to wait for Kafka to acknowledge a page's articles before the page is retried or dead-lettered. */
    @WithDefault("30s")
    Duration sendTimeout();

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
