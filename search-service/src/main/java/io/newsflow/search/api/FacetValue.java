package io.newsflow.search.api;

/** One value of a facet and the number of matching articles that carry it. */
public record FacetValue(String value, long count) {
}
