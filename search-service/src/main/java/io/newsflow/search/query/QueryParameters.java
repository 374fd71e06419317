package io.newsflow.search.query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads request parameters that arrive as text. The API takes numbers and dates as strings and parses them here,
 * so that {@code size=abc} or {@code from=2024-13-01} answer our 400 JSON with a message instead of the
 * framework's bare 404/400.
 */
public final class QueryParameters {
    /** Echoed parameter values are cut to this length, so an error message never carries a huge input back. */
    private static final int ECHO_LIMIT = 40;

    private QueryParameters() {
    }

    /** A whole number, or {@code defaultValue} when the parameter is absent or blank. */
    public static int wholeNumber(String name, String value, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidQueryException(name + " must be a whole number, was \"" + shortened(value) + "\"");
        }
    }

    /** A number of hits per page, 1 to {@link ArticleQuery#MAX_SIZE}, or {@code defaultValue} when absent or blank. */
    public static int size(String value, int defaultValue) {
        int size = wholeNumber("size", value, defaultValue);
        ArticleQuery.checkSize(size);
        return size;
    }

    /** A calendar date {@code yyyy-MM-dd} (strictly: no 2024-02-30), or {@code null} when absent or blank. */
    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            date = null;
        }
        // the index stores yyyy-MM-dd: a year of five digits or a sign would not be read back
        if (date == null || date.getYear() < 1 || date.getYear() > 9999) {
            throw new InvalidQueryException(name + " must be a date yyyy-MM-dd, was \"" + shortened(value) + "\"");
        }
        return date;
    }

    /**
     * The search the parameters of {@code /api/search} (and of the web page, which takes the same ones) ask for.
     *
     * @param defaultSize hits per page when {@code size} is absent
     */
    public static ArticleQuery articleQuery(String q, List<String> persons, List<String> places, List<String> organizations,
                                            List<String> reporters, List<String> categories, List<String> keywords,
                                            String from, String to, String sort, String page, String size, int defaultSize) {
        return new ArticleQuery(q, new ArticleFilters(persons, places, organizations, reporters, categories, keywords),
                date("from", from), date("to", to), ArticleSort.parse(sort), wholeNumber("page", page, 1),
                size(size, defaultSize));
    }

    /** The parameters of {@code /api/search} that say what to find (not how to page or sort it). */
    public static final Set<String> CRITERIA = Set.of("q", "person", "place", "org", "reporter", "category", "keyword", "from", "to");
    private static final Set<String> PAGING = Set.of("sort", "page", "size");

    /**
     * The criteria of {@code /api/search}'s parameters given by name, as a saved search stores them: each value a
     * list, {@code q}, {@code from} and {@code to} at most one value.
     */
    public static SearchCriteria criteria(Map<String, List<String>> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (PAGING.contains(name)) {
                throw new InvalidQueryException("a saved search has no " + name + ": it matches each new article");
            }
            if (!CRITERIA.contains(name)) {
                throw new InvalidQueryException("unknown parameter \"" + shortened(String.valueOf(name)) + "\"; known: "
                        + String.join(", ", CRITERIA.stream().sorted().toList()));
            }
            if (parameter.getValue() != null && parameter.getValue().size() > 1 && Set.of("q", "from", "to").contains(name)) {
                throw new InvalidQueryException(name + " takes one value, was given " + parameter.getValue().size());
            }
        }
        return new SearchCriteria(single(parameters, "q"),
                new ArticleFilters(parameters.get("person"), parameters.get("place"), parameters.get("org"),
                        parameters.get("reporter"), parameters.get("category"), parameters.get("keyword")),
                date("from", single(parameters, "from")), date("to", single(parameters, "to")));
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** The value as an error message may quote it: cut to a few dozen characters. */
    public static String shortened(String value) {
        return value.length() <= ECHO_LIMIT ? value : value.substring(0, ECHO_LIMIT) + "…";
    }
}
