package io.newsflow.search.api;

import java.util.List;

/** The answer of {@code GET /api/search}. */
public record SearchResult(long total, long tookMs, List<SearchHit> hits) {
}
