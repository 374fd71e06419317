package io.newsflow.search.api;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import io.newsflow.search.query.Facet;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Reads the aggregations of the typed client's answers (stats, suggestions) into facet values and dates. */
final class AggregateConverter {
    private AggregateConverter() {
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
