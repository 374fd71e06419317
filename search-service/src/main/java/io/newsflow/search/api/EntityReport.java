package io.newsflow.search.api;

import java.util.List;

/**
 * The answer of {@code GET /api/entities/{type}/{name}}: what the index knows of one person, place or organisation.
 *
 * @param type       {@code person}, {@code place} or {@code org}
 * @param name       the exact name
 * @param total      number of articles naming it
 * @param timeline   articles naming it per event day, days without any left out, oldest first
 * @param articles   the requested page of those articles, newest event first
 * @param coMentions the names most often named in the same articles, most frequent first
 */
public record EntityReport(String type, String name, long total, List<DayCount> timeline, List<SearchHit> articles,
                           CoMentions coMentions) {

    /** Persons, places and organisations named together with the entity (never the entity itself), with article counts. */
    public record CoMentions(List<FacetValue> persons, List<FacetValue> places, List<FacetValue> organizations) {
    }

    public static EntityReport of(String type, String name, SearchResult result) {
        return new EntityReport(type, name, result.total(), result.histogram(), result.hits(),
                new CoMentions(result.facets().persons(), result.facets().places(), result.facets().organizations()));
    }
}
