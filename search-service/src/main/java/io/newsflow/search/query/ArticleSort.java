package io.newsflow.search.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Order of the hits: best match first, or newest event first. */
public enum ArticleSort {
    /** Best match first (newest first when there is no free text to match). */
    RELEVANCE,
    /** Newest event date first; articles without an event date last. */
    DATE;

    /** The sort named by the {@code sort} request parameter (case-insensitive); {@code null} or blank means relevance. */
    public static ArticleSort parse(String value) {
        if (value == null || value.isBlank()) {
            return RELEVANCE;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("sort must be one of " + names() + ", was \"" + QueryParameters.shortened(value) + "\"");
        }
    }

    private static String names() {
        return Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" | "));
    }
}
