package io.newsflow.search.query;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch.core.SearchRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the overview search for {@code /api/stats}: no hits, the exact number of articles, the first and last
 * event date, the most frequent values of every {@link Facet} (categories, persons, places, ...), the articles per
 * event day ({@link #PER_DAY}) and the article enriched last ({@link #LAST_INDEXED}, a top hit by {@code enrichedAt}:
 * shows at a glance whether ingestion still delivers).
 */
public final class StatsRequestFactory {
    public static final String FIRST_EVENT_DATE = "firstEventDate";
    public static final String LAST_EVENT_DATE = "lastEventDate";
    public static final String PER_DAY = "perDay";
    public static final String LAST_INDEXED = "lastIndexed";
    /** The fields of the last indexed article the overview shows. */
    public static final List<String> LAST_INDEXED_FIELDS = List.of("id", "headline", "sourceFile", "issueDate", "enrichedAt");

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
        aggregations.put(PER_DAY, Aggregation.of(a -> a.dateHistogram(h -> h.field("eventDate")
                .calendarInterval(CalendarInterval.Day).minDocCount(1).format(SearchRequestFactory.DATE_FORMAT))));
        aggregations.put(LAST_INDEXED, Aggregation.of(a -> a.topHits(t -> t.size(1)
                .source(src -> src.filter(f -> f.includes(LAST_INDEXED_FIELDS)))
                .sort(o -> o.field(f -> f.field("enrichedAt").order(SortOrder.Desc))))));
        for (Facet facet : Facet.values()) {
            aggregations.put(facet.aggregationName(), Aggregation.of(a -> a.terms(t -> t.field(facet.field()).size(topSize))));
        }
        return SearchRequest.of(s -> s.index(index).size(0).trackTotalHits(t -> t.enabled(true))
                .query(q -> q.matchAll(m -> m))
                .aggregations(aggregations));
    }
}
