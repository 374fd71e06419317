package io.newsflow.search.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** One article in a search answer, with its highlighted fragments ({@code <em>} around the matches). */
public record SearchHit(String id, String headline, List<String> subheadlines, String lead, LocalDate issueDate,
                        LocalDate eventDate, List<String> reporters, List<String> persons, List<String> places,
                        List<String> organizations, String category, Double score, Map<String, List<String>> highlights) {
}
