package io.newsflow.search.api;

import java.util.List;

/** The most frequent values of each facet among all matching articles (not only the page shown), most frequent first. */
public record Facets(List<FacetValue> persons, List<FacetValue> places, List<FacetValue> organizations,
                     List<FacetValue> reporters, List<FacetValue> categories, List<FacetValue> keywords) {
}
