package io.newsflow.search.query;

/**
 * A validated search request. Invalid values throw {@link InvalidQueryException} with a message for the caller.
 *
 * @param text free text (Chinese, segmented like the index; a phrase in double quotes), may be blank
 * @param page 1-based page number
 * @param size hits per page, 1 to {@link #MAX_SIZE}
 */
public record ArticleQuery(String text, int page, int size) {
    public static final int MAX_SIZE = 100;
    /** Elasticsearch's default {@code index.max_result_window}: deeper pages are refused, not silently empty. */
    public static final int MAX_WINDOW = 10_000;

    public ArticleQuery {
        text = text == null ? "" : text.strip();
        if (text.length() > 500) {
            throw new InvalidQueryException("q is longer than 500 characters");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidQueryException("size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
        if (page < 1) {
            throw new InvalidQueryException("page starts at 1, was " + page);
        }
        if ((long) page * size > MAX_WINDOW) {
            throw new InvalidQueryException("page * size must not exceed " + MAX_WINDOW + "; narrow the query instead of paging deeper");
        }
    }

    public int from() {
        return (page - 1) * size;
    }
}
