package io.newsflow.enrich.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Configuration of enrich-service; every property is listed in the README's configuration table. */
@ConfigMapping(prefix = "newsflow.enrich")
public interface EnrichConfig {

    /** Version stamped on every article ({@code pipelineVersion}); change it when the enrichment changes. */
    @WithDefault("0.1.0")
    String pipelineVersion();

    /** How long to wait for Kafka to acknowledge a page's articles before the page is retried or dead-lettered. */
    @WithDefault("30s")
    Duration sendTimeout();
}
