package io.newsflow.search.query;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the completion search for {@code /api/suggest}: the persons, places and organisations starting with a
 * prefix, most frequent first. The current mapping has no completion field, so this works on the keyword fields:
 * a {@code prefix} query finds the articles naming such an entity, and a terms aggregation per field, restricted
 * by {@code include} to the values starting with the prefix, lists them. The prefix reaches the regular
 * expression only escaped ({@link LuceneRegex}).
 */
public final class SuggestRequestFactory {
    public static final int MAX_PREFIX_LENGTH = 50;
    /** The fields completed, each answered under an aggregation of the same name. */
    public static final List<Facet> COMPLETED = List.of(Facet.PERSONS, Facet.PLACES, Facet.ORGANIZATIONS);

    private final int size;

    /** @param size completions per field */
    public SuggestRequestFactory(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("suggest size must be at least 1, was " + size);
        }
        this.size = size;
    }

    public SearchRequest build(String prefix, String index) {
        String start = prefix == null ? "" : prefix.strip();
        if (start.isEmpty()) {
            throw new InvalidQueryException("prefix must have at least 1 character");
        }
        if (start.length() > MAX_PREFIX_LENGTH) {
            throw new InvalidQueryException("prefix is longer than " + MAX_PREFIX_LENGTH + " characters");
        }
        String include = LuceneRegex.startingWith(start);
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        for (Facet facet : COMPLETED) {
            aggregations.put(facet.aggregationName(), Aggregation.of(a -> a.terms(t -> t.field(facet.field()).size(size)
                    .include(i -> i.regexp(include)))));
        }
        List<Query> anyFieldStartsWith = COMPLETED.stream()
                .map(facet -> Query.of(q -> q.prefix(p -> p.field(facet.field()).value(start))))
                .toList();
        return SearchRequest.of(s -> s.index(index).size(0)
                .query(q -> q.bool(b -> b.should(anyFieldStartsWith).minimumShouldMatch("1")))
                .aggregations(aggregations));
    }
}
