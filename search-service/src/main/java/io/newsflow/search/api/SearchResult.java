package io.newsflow.search.api;

import java.util.List;

/**
 * The answer of {@code GET /api/search}.
 *
 * @param total     number of matching articles (exact)
 * @param tookMs    time Elasticsearch took
 * @param hits      the requested page of matching articles
 * @param facets    most frequent persons, places, ... among all matching articles
 * @param histogram matching articles per event date, days without any left out, oldest first
 */
public record SearchResult(long total, long tookMs, List<SearchHit> hits, Facets facets, List<DayCount> histogram) {
}
