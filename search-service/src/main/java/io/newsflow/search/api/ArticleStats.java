package io.newsflow.search.api;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer of {@code GET /api/stats}: what the index holds.
 *
 * @param articles       number of articles
 * @param firstEventDate earliest event date, {@code null} when no article has one
 * @param lastEventDate  latest event date, {@code null} when no article has one
 * @param categories     articles per category, most frequent first
 */
public record ArticleStats(long articles, LocalDate firstEventDate, LocalDate lastEventDate, List<FacetValue> categories,
                           List<FacetValue> persons, List<FacetValue> places, List<FacetValue> organizations,
                           List<FacetValue> reporters) {
}
