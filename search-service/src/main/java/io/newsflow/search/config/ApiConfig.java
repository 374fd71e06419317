package io.newsflow.search.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the REST API of search-service; every property is listed in the README's configuration table. */
@ConfigMapping(prefix = "newsflow.search.api")
public interface ApiConfig {

    /** Most frequent values per facet (persons, places, organizations, reporters, categories) in a search answer. */
    @WithDefault("10")
    int facetSize();

    /** Completions per kind (persons, places, organizations) answered by {@code /api/suggest}. */
    @WithDefault("10")
    int suggestSize();

    /** Most frequent values per facet (categories, persons, places, organizations, reporters) in {@code /api/stats}. */
    @WithDefault("10")
    int statsTopSize();

    /**
     * Searches in flight to Elasticsearch at once (API and web page); one more is answered 503 with Retry-After at once
     * rather than queued, so a flood of clients cannot pile work on the node or this service's memory.
     */
    @WithDefault("64")
    int maxConcurrentSearches();
}
