package io.newsflow.search.api;

import java.util.List;

/** The answer of {@code GET /api/articles/{id}/similar}: the articles most like article {@code id}, most alike first. */
public record SimilarArticles(String id, List<SearchHit> hits) {
}
