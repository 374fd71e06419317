package io.newsflow.search.query;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * Exact-value filters on the keyword fields of an article, as the repeatable request parameters give them.
 * Blank values are dropped and repeated ones counted once.
 *
 * <p>Repeating a multi-valued filter narrows: {@code person=A&person=B} finds the articles that name A <em>and</em>
 * B, like adding a second term to a query. Categories are the exception: an article has one category, so
 * {@code category=A&category=B} finds the articles of A <em>or</em> B (AND could never match).
 *
 * @param persons       values of {@code person}, matched against {@code persons}
 * @param places        values of {@code place}, matched against {@code places}
 * @param organizations values of {@code org}, matched against {@code organizations}
 * @param reporters     values of {@code reporter}, matched against {@code reporters}
 * @param categories    values of {@code category}, matched against {@code category}
 * @param keywords      values of {@code keyword}, matched against {@code keywords}
 */
public record ArticleFilters(List<String> persons, List<String> places, List<String> organizations,
                             List<String> reporters, List<String> categories, List<String> keywords) {
    /** More values than this in one filter is no search a person types; refused rather than sent on. */
    public static final int MAX_VALUES = 20;
    public static final int MAX_VALUE_LENGTH = 100;

    public static final ArticleFilters NONE = new ArticleFilters(null, null, null, null, null, null);

    public ArticleFilters {
        persons = clean("person", persons);
        places = clean("place", places);
        organizations = clean("org", organizations);
        reporters = clean("reporter", reporters);
        categories = clean("category", categories);
        keywords = clean("keyword", keywords);
    }

    private static List<String> clean(String parameter, List<String> values) {
        if (values == null) {
            return List.of();
        }
        LinkedHashSet<String> kept = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            String stripped = value.strip();
            if (stripped.length() > MAX_VALUE_LENGTH) {
                throw new InvalidQueryException(parameter + " values are at most " + MAX_VALUE_LENGTH + " characters long");
            }
            kept.add(stripped);
        }
        if (kept.size() > MAX_VALUES) {
            throw new InvalidQueryException("at most " + MAX_VALUES + " " + parameter + " values, were " + kept.size());
        }
        return List.copyOf(kept);
    }
}
