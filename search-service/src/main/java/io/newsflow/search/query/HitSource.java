package io.newsflow.search.query;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The part of an article's {@code _source} a search hit shows. Searches ask Elasticsearch for exactly these fields
 * ({@link #FIELDS}), so that neither the body nor the other long lists (keywords, dates, …) travel, get parsed and
 * are thrown away on every search.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HitSource(String headline, List<String> subheadlines, String lead, LocalDate issueDate,
                        LocalDate eventDate, List<String> reporters, List<String> persons, List<String> places,
                        List<String> organizations, String category) {

    /** A list the document lacks is empty, as in {@code Article}. */
    public HitSource {
        subheadlines = orEmpty(subheadlines);
        reporters = orEmpty(reporters);
        persons = orEmpty(persons);
        places = orEmpty(places);
        organizations = orEmpty(organizations);
    }

    /** The {@code _source} fields to fetch: the components of this record, named like the index's fields. */
    public static final List<String> FIELDS = Arrays.stream(HitSource.class.getRecordComponents())
            .map(RecordComponent::getName).toList();

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
