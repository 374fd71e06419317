package io.newsflow.search.query;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch.core.SearchRequest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the overview search for {@code /api/stats}: no hits, the exact number of articles, the first and last
 * event date, and the most frequent values of every {@link Facet} (categories, persons, places, ...).
 */
public final class StatsRequestFactory {
    public static final String FIRST_EVENT_DATE = "firstEventDate";
    public static final String LAST_EVENT_DATE = "lastEventDate";

    private final int topSize;

    /** @param topSize values per facet */
    public StatsRequestFactory(int topSize) {
        if (topSize < 1) {
            throw new IllegalArgumentException("stats top size must be at least 1, was " + topSize);
        }
        this.topSize = topSize;
    }

    public SearchRequest build(String index) {
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        aggregations.put(FIRST_EVENT_DATE, Aggregation.of(a -> a.min(m -> m.field("eventDate").format(SearchRequestFactory.DATE_FORMAT))));
        aggregations.put(LAST_EVENT_DATE, Aggregation.of(a -> a.max(m -> m.field("eventDate").format(SearchRequestFactory.DATE_FORMAT))));
        for (Facet facet : Facet.values()) {
            aggregations.put(facet.aggregationName(), Aggregation.of(a -> a.terms(t -> t.field(facet.field()).size(topSize))));
        }
        return SearchRequest.of(s -> s.index(index).size(0).trackTotalHits(t -> t.enabled(true))
                .query(q -> q.matchAll(m -> m))
                .aggregations(aggregations));
    }
}
