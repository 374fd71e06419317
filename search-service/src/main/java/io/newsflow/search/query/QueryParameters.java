package io.newsflow.search.query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

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

    /** The value as an error message may quote it: cut to a few dozen characters. */
    public static String shortened(String value) {
        return value.length() <= ECHO_LIMIT ? value : value.substring(0, ECHO_LIMIT) + "…";
    }
}
