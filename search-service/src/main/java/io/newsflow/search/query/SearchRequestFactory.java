package io.newsflow.search.query;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.util.NamedValue;

/**
 * Builds the Elasticsearch request for an {@link ArticleQuery} with the client's typed builders: user text only
 * ever reaches Elasticsearch as the text of a {@code simple_query_string}, never as query DSL.
 */
public final class SearchRequestFactory {
    /** Headline matches weigh most; the bigram sub-fields catch what segmentation splits differently. */
    private static final String[] TEXT_FIELDS = {"headline^3", "subheadlines^2", "body", "headline.bigram^1.5", "body.bigram^0.5"};

    public SearchRequest build(ArticleQuery query, String index) {
        return SearchRequest.of(s -> {
            s.index(index).from(query.from()).size(query.size()).trackTotalHits(t -> t.enabled(true));
            if (query.text().isEmpty()) {
                s.query(Query.of(q -> q.matchAll(m -> m)))
                        .sort(o -> o.field(f -> f.field("eventDate").order(SortOrder.Desc).missing("_last")));
            } else {
                s.query(Query.of(q -> q.simpleQueryString(sq -> sq.query(query.text()).fields(TEXT_FIELDS[0], TEXT_FIELDS)
                                .defaultOperator(Operator.And))))
                        .highlight(h -> h.preTags("<em>").postTags("</em>").requireFieldMatch(false)
                                .fields(NamedValue.of("headline", HighlightField.of(f -> f.numberOfFragments(0))),
                                        NamedValue.of("body", HighlightField.of(f -> f.fragmentSize(120).numberOfFragments(3)))));
            }
            return s;
        });
    }
}
