package io.newsflow.search.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.search.query.Facet;
import io.newsflow.search.query.HitSource;
import io.newsflow.search.query.SearchRequestFactory;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Elasticsearch's answer to a search, bound by Jackson straight from its JSON (the parts
 * {@link SearchRequestFactory#ANSWER_FIELDS} keeps, aggregations under their plain names), and turned into the
 * API's {@link SearchResult}. Binding these few records costs a fraction of the client's generic typed answer,
 * which was a fifth of the service's CPU per search.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SearchAnswer(long took, Hits hits, Map<String, Buckets> aggregations) {
    private static final long MILLIS_PER_DAY = 86_400_000L;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Hits(Total total, List<Hit> hits) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Total(long value) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Hit(@JsonProperty("_id") String id, @JsonProperty("_score") Double score,
               @JsonProperty("_source") HitSource source, Map<String, List<String>> highlight) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Buckets(List<Bucket> buckets) {
    }

    /** A bucket: a term's text, or a day's epoch milliseconds. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Bucket(JsonNode key, @JsonProperty("doc_count") long docCount) {
    }

    public SearchResult toResult() {
        // filter_path drops what is empty: no hits array without hits, no aggregations without buckets
        List<Hit> page = hits == null || hits.hits() == null ? List.of() : hits.hits();
        return new SearchResult(
                hits == null || hits.total() == null ? page.size() : hits.total().value(),
                took,
                page.stream().map(h -> HitConverter.hit(h.id(), h.score(), h.source(), h.highlight())).toList(),
                new Facets(facet(Facet.PERSONS), facet(Facet.PLACES), facet(Facet.ORGANIZATIONS), facet(Facet.REPORTERS),
                        facet(Facet.CATEGORIES), facet(Facet.KEYWORDS)),
                buckets(SearchRequestFactory.HISTOGRAM).stream()
                        .map(b -> new DayCount(day(b.key().asLong()), b.docCount())).toList());
    }

    /**
     * The day of a day bucket, from its key: a calendar-day bucket without a time zone starts at UTC midnight, so
     * its epoch-millisecond key is the day exactly, and parsing a formatted key is saved.
     */
    private static LocalDate day(long key) {
        return LocalDate.ofEpochDay(Math.floorDiv(key, MILLIS_PER_DAY));
    }

    private List<FacetValue> facet(Facet facet) {
        return buckets(facet.aggregationName()).stream().map(b -> new FacetValue(b.key().asText(), b.docCount())).toList();
    }

    private List<Bucket> buckets(String aggregation) {
        Buckets found = aggregations == null ? null : aggregations.get(aggregation);
        return found == null || found.buckets() == null ? List.of() : found.buckets();
    }
}
