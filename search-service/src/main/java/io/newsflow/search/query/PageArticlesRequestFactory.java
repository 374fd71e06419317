package io.newsflow.search.query;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchRequest;

/**
 * Builds the search for all articles of one newspaper page (same {@code pageSha256}) in reading order, so an
 * article can be shown with its neighbours on the page it came from.
 */
public final class PageArticlesRequestFactory {
    /** More articles than this on one page is no newspaper page; the rest is left out. */
    public static final int MAX_ARTICLES = 100;

    public SearchRequest build(String index, String pageSha256) {
        if (pageSha256 == null || pageSha256.isBlank()) {
            throw new IllegalArgumentException("page sha256 is required");
        }
        return SearchRequest.of(s -> s.index(index).size(MAX_ARTICLES)
                .source(src -> src.filter(f -> f.includes(HitSource.FIELDS).excludes(SearchRequestFactory.BODY)))
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("pageSha256").value(pageSha256)))))
                .sort(o -> o.field(f -> f.field("ordinal").order(SortOrder.Asc))));
    }
}
