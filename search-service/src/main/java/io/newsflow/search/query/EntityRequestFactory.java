package io.newsflow.search.query;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch.core.SearchRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the one search that describes a person, place or organisation: the articles naming it (newest first), how
 * many name it per event day ({@link SearchRequestFactory#HISTOGRAM}) and the persons, places and organisations
 * most often named in the same articles (co-mentions: terms aggregations over exactly those articles, under the
 * {@link Facet} aggregation names, the entity itself excluded from its own kind). The name reaches Elasticsearch
 * only as the value of a {@code term} filter and of an {@code exclude} list, never as a pattern.
 */
public final class EntityRequestFactory {
    /** The kinds whose co-mentions are counted. */
    public static final List<EntityKind> CO_MENTIONED = List.of(EntityKind.values());

    private final int coMentionSize;

    /** @param coMentionSize names per kind among the co-mentions */
    public EntityRequestFactory(int coMentionSize) {
        if (coMentionSize < 1) {
            throw new IllegalArgumentException("co-mention size must be at least 1, was " + coMentionSize);
        }
        this.coMentionSize = coMentionSize;
    }

    /**
     * @param kind  what the name is
     * @param name  the exact name, as the articles' keyword field holds it
     * @param page  1-based page of the articles
     * @param size  articles per page, 1 to {@link ArticleQuery#MAX_SIZE}
     * @param index where to search (the alias)
     */
    public SearchRequest build(EntityKind kind, String name, int page, int size, String index) {
        String exact = checkedName(name);
        // the window limits of a search hold here too
        ArticleQuery window = new ArticleQuery("", ArticleFilters.NONE, null, null, ArticleSort.DATE, page, size);
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        aggregations.put(SearchRequestFactory.HISTOGRAM, Aggregation.of(a -> a.dateHistogram(h -> h.field("eventDate")
                .calendarInterval(CalendarInterval.Day).minDocCount(1).format(SearchRequestFactory.DATE_FORMAT))));
        for (EntityKind other : CO_MENTIONED) {
            aggregations.put(other.facet().aggregationName(), Aggregation.of(a -> a.terms(t -> {
                t.field(other.facet().field()).size(coMentionSize);
                if (other == kind) {
                    t.exclude(e -> e.terms(List.of(exact)));
                }
                return t;
            })));
        }
        return SearchRequest.of(s -> s.index(index).from(window.offset()).size(window.size())
                .trackTotalHits(t -> t.enabled(true))
                .source(src -> src.filter(f -> f.includes(HitSource.FIELDS).excludes(SearchRequestFactory.BODY)))
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field(kind.facet().field()).value(exact)))))
                .sort(o -> o.field(f -> f.field("eventDate").order(SortOrder.Desc).missing("_last")))
                .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)))
                .aggregations(aggregations));
    }

    private static String checkedName(String name) {
        String exact = name == null ? "" : name.strip();
        if (exact.isEmpty()) {
            throw new InvalidQueryException("name must have at least 1 character");
        }
        if (exact.length() > ArticleFilters.MAX_VALUE_LENGTH) {
            throw new InvalidQueryException("name is longer than " + ArticleFilters.MAX_VALUE_LENGTH + " characters");
        }
        return exact;
    }
}
