package io.newsflow.search.query;

import java.time.LocalDate;

/**
 * A validated search request. Invalid values throw {@link InvalidQueryException} with a message for the caller.
 *
 * @param text    free text (Chinese, segmented like the index; a phrase in double quotes), may be blank
 * @param filters exact filters on persons, places, organisations, reporters, category and keywords
 * @param from    first event date to include, or {@code null}
 * @param to      last event date to include, or {@code null}; not before {@code from}
 * @param sort    order of the hits
 * @param page    1-based page number
 * @param size    hits per page, 1 to {@link #MAX_SIZE}
 */
public record ArticleQuery(String text, ArticleFilters filters, LocalDate from, LocalDate to, ArticleSort sort,
                           int page, int size) {
    public static final int MAX_SIZE = 100;
    public static final int MAX_TEXT_LENGTH = 500;
    /** Elasticsearch's default {@code index.max_result_window}: deeper pages are refused, not silently empty. */
    public static final int MAX_WINDOW = 10_000;

    public ArticleQuery {
        text = QueryText.normalized(text);
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidQueryException("q is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        QueryText.checkSyntax(text);
        filters = filters == null ? ArticleFilters.NONE : filters;
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidQueryException("from (" + from + ") must not be after to (" + to + ")");
        }
        sort = sort == null ? ArticleSort.RELEVANCE : sort;
        checkSize(size);
        if (page < 1) {
            throw new InvalidQueryException("page starts at 1, was " + page);
        }
        if ((long) page * size > MAX_WINDOW) {
            throw new InvalidQueryException("page * size must not exceed " + MAX_WINDOW + "; narrow the query instead of paging deeper");
        }
    }

    /** Free text only: no filters, any date, by relevance. */
    public ArticleQuery(String text, int page, int size) {
        this(text, ArticleFilters.NONE, null, null, ArticleSort.RELEVANCE, page, size);
    }

    /** Offset of the first hit of the page. */
    public int offset() {
        return (page - 1) * size;
    }

    static void checkSize(int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidQueryException("size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
    }
}
