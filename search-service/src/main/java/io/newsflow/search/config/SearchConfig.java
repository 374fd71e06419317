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

    /**
     * How long the readiness check waits for Elasticsearch to answer before it answers DOWN (a frozen node accepts
     * connections and never answers; the client's socket timeout is far longer).
     */
    @WithDefault("2s")
    Duration readinessTimeout();

    /** Re-indexing ({@code POST /api/admin/reindex}). */
    Reindex reindex();

    interface Reindex {
        /**
         * Older versioned indices kept after a successful re-index swapped the alias (to switch back by hand);
         * older ones are deleted. 0 keeps only the index the alias points at.
         */
        @WithDefault("1")
        int keepPrevious();
    }
}
