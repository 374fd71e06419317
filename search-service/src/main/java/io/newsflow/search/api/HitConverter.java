package io.newsflow.search.api;

import co.elastic.clients.elasticsearch.core.search.Hit;
import io.newsflow.search.query.HitSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns Elasticsearch hits into the API's {@link SearchHit}s. */
final class HitConverter {
    private HitConverter() {
    }

    static List<SearchHit> hits(List<Hit<HitSource>> hits) {
        return hits.stream().map(HitConverter::hit).toList();
    }

    static SearchHit hit(Hit<HitSource> hit) {
        return hit(hit.id(), hit.score(), hit.source(), hit.highlight());
    }

    static SearchHit hit(String id, Double score, HitSource a, Map<String, List<String>> highlight) {
        return new SearchHit(id, a.headline(), a.subheadlines(), a.lead(), a.issueDate(), a.eventDate(),
                a.reporters(), a.persons(), a.places(), a.organizations(), a.category(), score, highlights(highlight));
    }

    /**
     * Highlighted fragments with adjacent marks joined: the index segments a phrase into words and marks each
     * ({@code <em>太湖</em><em>综合治理</em>}); the reader should see the phrase marked once.
     */
    static Map<String, List<String>> highlights(Map<String, List<String>> highlights) {
        if (highlights == null || highlights.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> joined = new LinkedHashMap<>();
        highlights.forEach((field, fragments) ->
                joined.put(field, fragments.stream().map(f -> f.replace("</em><em>", "")).toList()));
        return joined;
    }
}
