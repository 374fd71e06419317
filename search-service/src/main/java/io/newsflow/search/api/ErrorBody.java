package io.newsflow.search.api;

/** The JSON body of every error answer. */
public record ErrorBody(int status, String error) {
}
