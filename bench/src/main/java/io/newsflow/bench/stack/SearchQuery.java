package io.newsflow.bench.stack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.StringJoiner;

/**
 * One search as a user sends it to {@code GET /api/search}: free text, exact filters, event date range, sort.
 *
 * @param text free text, may be empty
 * @param sort {@code null} (relevance) or {@code date}
 */
record SearchQuery(String text, List<String> persons, List<String> places, List<String> reporters,
                   List<String> categories, LocalDate from, LocalDate to, String sort) {

    SearchQuery {
        persons = List.copyOf(persons);
        places = List.copyOf(places);
        reporters = List.copyOf(reporters);
        categories = List.copyOf(categories);
    }

    /** The query string of the API request. */
    String apiQueryString() {
        StringJoiner query = new StringJoiner("&");
        add(query, "q", text);
        persons.forEach(v -> add(query, "person", v));
        places.forEach(v -> add(query, "place", v));
        reporters.forEach(v -> add(query, "reporter", v));
        categories.forEach(v -> add(query, "category", v));
        add(query, "from", from == null ? null : from.toString());
        add(query, "to", to == null ? null : to.toString());
        add(query, "sort", sort);
        return query.toString();
    }

    private static void add(StringJoiner query, String name, String value) {
        if (value != null && !value.isEmpty()) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
