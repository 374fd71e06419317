package io.newsflow.search.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Configuration of search-service; every property is listed in the README's configuration table. */
@ConfigMapping(prefix = "newsflow.search")
public interface SearchConfig {

    /** The alias searches and writes go through; it points at the current versioned index. */
    @WithDefault("news-articles")
    String alias();

    /** The versioned index created behind the alias when none exists ({@code <alias>-v<N>}). */
    @WithDefault("news-articles-v1")
    String initialIndex();

    /** Longest pause between retries while Elasticsearch is unreachable or overloaded. */
    @WithDefault("30s")
    Duration maxRetryBackoff();

    /** How long to wait for Kafka to acknowledge a dead-lettered article. */
    @WithDefault("30s")
    Duration deadLetterTimeout();
}
