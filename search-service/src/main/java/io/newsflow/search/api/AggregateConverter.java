package io.newsflow.search.api;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import io.newsflow.search.query.Facet;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Reads the aggregations of a search answer into facet values, day counts and dates. */
final class AggregateConverter {
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private AggregateConverter() {
    }

    static Facets facets(Map<String, Aggregate> aggregations) {
        return new Facets(facet(aggregations, Facet.PERSONS), facet(aggregations, Facet.PLACES),
                facet(aggregations, Facet.ORGANIZATIONS), facet(aggregations, Facet.REPORTERS),
                facet(aggregations, Facet.CATEGORIES));
    }

    /** The buckets of a terms aggregation; none when the field is not mapped in the index at all. */
    static List<FacetValue> facet(Map<String, Aggregate> aggregations, Facet facet) {
        Aggregate aggregate = aggregations.get(facet.aggregationName());
        if (aggregate == null || !aggregate.isSterms()) {
            return List.of();
        }
        return aggregate.sterms().buckets().array().stream()
                .map(b -> new FacetValue(b.key().stringValue(), b.docCount()))
                .toList();
    }

    static List<String> values(Map<String, Aggregate> aggregations, Facet facet) {
        return facet(aggregations, facet).stream().map(FacetValue::value).toList();
    }

    /**
     * The day buckets, read from their keys: a calendar-day bucket without a time zone starts at UTC midnight, so
     * its epoch-millisecond key is the day exactly, and parsing the formatted key of every bucket is saved.
     */
    static List<DayCount> histogram(Map<String, Aggregate> aggregations, String name) {
        Aggregate aggregate = aggregations.get(name);
        if (aggregate == null || !aggregate.isDateHistogram()) {
            return List.of();
        }
        return aggregate.dateHistogram().buckets().array().stream()
                .map(b -> new DayCount(LocalDate.ofEpochDay(Math.floorDiv(b.key(), MILLIS_PER_DAY)), b.docCount()))
                .toList();
    }

    /** The date of a min or max aggregation over a date field; {@code null} when no document has one. */
    static LocalDate date(Map<String, Aggregate> aggregations, String name) {
        Aggregate aggregate = aggregations.get(name);
        String value = null;
        if (aggregate != null && aggregate.isMin()) {
            value = aggregate.min().valueAsString();
        } else if (aggregate != null && aggregate.isMax()) {
            value = aggregate.max().valueAsString();
        }
        return value == null ? null : LocalDate.parse(value);
    }
}
