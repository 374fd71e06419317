package io.newsflow.search.api;

import java.io.IOException;

/**
 * The node (or something in front of it) answered a search with an error status and a body that is no Elasticsearch
 * error: the search failed for a reason of the infrastructure, not of the query.
 */
public final class ErrorAnswerException extends IOException {
    private final int status;

    public ErrorAnswerException(int status, String bodyStart) {
        super("Elasticsearch answered " + status + " without an error of its own: " + bodyStart);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
