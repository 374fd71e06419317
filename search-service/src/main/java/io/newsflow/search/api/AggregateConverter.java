package io.newsflow.search.api;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import io.newsflow.search.query.Facet;

import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Instant;
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

    /** The buckets of a per-day date histogram, oldest first. */
    static List<DayCount> days(Map<String, Aggregate> aggregations, String name) {
        Aggregate aggregate = aggregations.get(name);
        if (aggregate == null || !aggregate.isDateHistogram()) {
            return List.of();
        }
        return aggregate.dateHistogram().buckets().array().stream()
                .map(b -> new DayCount(LocalDate.parse(b.keyAsString()), b.docCount()))
                .toList();
    }

    /** The one hit of the top-hits aggregation of the last indexed article; {@code null} when the index is empty. */
    static ArticleStats.LastIndexed lastIndexed(Map<String, Aggregate> aggregations, String name) {
        Aggregate aggregate = aggregations.get(name);
        if (aggregate == null || !aggregate.isTopHits() || aggregate.topHits().hits().hits().isEmpty()) {
            return null;
        }
        Hit<JsonData> hit = aggregate.topHits().hits().hits().get(0);
        if (hit.source() == null) {
            return null;
        }
        JsonObject source = hit.source().toJson().asJsonObject();
        String issueDate = text(source, "issueDate");
        String enrichedAt = text(source, "enrichedAt");
        return new ArticleStats.LastIndexed(hit.id(), text(source, "headline"), text(source, "sourceFile"),
                issueDate == null ? null : LocalDate.parse(issueDate), enrichedAt == null ? null : Instant.parse(enrichedAt));
    }

    private static String text(JsonObject source, String field) {
        JsonValue value = source.get(field);
        return value instanceof jakarta.json.JsonString s ? s.getString() : null;
    }
}
