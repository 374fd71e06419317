package io.newsflow.search.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer of {@code GET /api/stats}: what the index holds.
 *
 * @param articles       number of articles
 * @param firstEventDate earliest event date, {@code null} when no article has one
 * @param lastEventDate  latest event date, {@code null} when no article has one
 * @param categories     articles per category, most frequent first
 * @param perDay         articles per event day, days without any left out, oldest first
 * @param lastIndexed    the article enriched most recently, {@code null} when the index is empty
 */
public record ArticleStats(long articles, LocalDate firstEventDate, LocalDate lastEventDate, List<FacetValue> categories,
                           List<FacetValue> persons, List<FacetValue> places, List<FacetValue> organizations,
                           List<FacetValue> reporters, List<FacetValue> keywords, List<DayCount> perDay,
                           LastIndexed lastIndexed) {

    /** The newest article by enrichment time: whether ingestion still delivers, at a glance. */
    public record LastIndexed(String id, String headline, String sourceFile, LocalDate issueDate, Instant enrichedAt) {
    }
}
