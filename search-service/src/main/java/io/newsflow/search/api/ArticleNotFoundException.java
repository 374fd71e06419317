package io.newsflow.search.api;

/** No article has the requested id (HTTP 404). */
public class ArticleNotFoundException extends RuntimeException {
    public ArticleNotFoundException(String id) {
        super("no article with id " + id);
    }
}
