package io.newsflow.search.query;

import co.elastic.clients.elasticsearch.core.SearchRequest;

/**
 * Builds the {@code more_like_this} search for the articles most like a given one, by the words of headline and
 * body. The article is referenced by index and id, so its text is not sent back and forth; the index is the
 * concrete index the article was read from (Elasticsearch resolves an alias there too, but the concrete name
 * cannot become ambiguous when the alias spans two indices during a re-index).
 */
public final class SimilarRequestFactory {
    /**
     * A word must occur in at least one other article to count: words only this article has match nothing, yet
     * would take the places of the query terms first (they have the highest idf).
     */
    private static final int MIN_DOC_FREQ = 2;
    /** Articles are short; a word once in them is already a signal. */
    private static final int MIN_TERM_FREQ = 1;
    private static final int MAX_QUERY_TERMS = 25;

    /**
     * @param searchIndex  where to search (the alias)
     * @param articleIndex the concrete index holding the article
     * @param articleId    the article's id; it is never among the hits
     * @param size         hits wanted, 1 to {@link ArticleQuery#MAX_SIZE}
     */
    public SearchRequest build(String searchIndex, String articleIndex, String articleId, int size) {
        ArticleQuery.checkSize(size);
        return SearchRequest.of(s -> s.index(searchIndex).size(size)
                .source(src -> src.filter(f -> f.includes(HitSource.FIELDS).excludes(SearchRequestFactory.BODY)))
                .query(q -> q.bool(b -> b
                        .must(m -> m.moreLikeThis(mlt -> mlt.fields("headline", "body")
                                .like(l -> l.document(d -> d.index(articleIndex).id(articleId)))
                                .minTermFreq(MIN_TERM_FREQ).minDocFreq(MIN_DOC_FREQ).maxQueryTerms(MAX_QUERY_TERMS)))
                        // more_like_this leaves the liked document out by default; said here so it stays so
                        .mustNot(n -> n.ids(i -> i.values(articleId))))));
    }
}
