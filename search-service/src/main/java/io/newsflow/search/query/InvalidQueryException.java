package io.newsflow.search.query;

/** The caller's request cannot be answered as asked; the message says why (HTTP 400). */
public class InvalidQueryException extends RuntimeException {
    public InvalidQueryException(String message) {
        super(message);
    }
}
