package io.newsflow.search.api;

import java.util.List;

/** The answer of {@code GET /api/suggest}: known names starting with the prefix, most frequent first. */
public record Suggestions(List<String> persons, List<String> places, List<String> organizations) {
}
