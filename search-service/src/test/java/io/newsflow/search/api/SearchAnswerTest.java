package io.newsflow.search.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SearchAnswerTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    /** An answer as Elasticsearch gives it under the search's filter_path (no typed keys). */
    private static final String ANSWER = """
            {"took":7,
             "hits":{"total":{"value":42},"hits":[
               {"_id":"a-1","_score":3.5,
                "_source":{"headline":"杜小刚在宜兴市调研太湖综合治理","lead":"本报讯 12月20日……","issueDate":"2023-12-21",
                           "eventDate":"2023-12-20","persons":["杜小刚"],"places":["宜兴市","太湖"],"category":"politics"},
                "highlight":{"body":["市委书记<em>杜小</em><em>刚</em>来到"]}},
               {"_id":"a-2","_score":null,"_source":{"headline":"无锡召开长江大保护推进会","eventDate":"2023-12-18"}}]},
             "aggregations":{
               "persons":{"buckets":[{"key":"杜小刚","doc_count":5},{"key":"蒋敏","doc_count":2}]},
               "places":{"buckets":[]},
               "histogram":{"buckets":[{"key":1702857600000,"doc_count":1},{"key":1703030400000,"doc_count":4}]}}}
            """;

    @Test
    void turnsTheFilteredAnswerIntoTheApiResult() throws Exception {
        SearchResult result = JSON.readValue(ANSWER, SearchAnswer.class).toResult();

        assertThat(result.total()).isEqualTo(42);
        assertThat(result.tookMs()).isEqualTo(7);
        assertThat(result.hits()).extracting(SearchHit::id).containsExactly("a-1", "a-2");
        SearchHit first = result.hits().get(0);
        assertThat(first.headline()).isEqualTo("杜小刚在宜兴市调研太湖综合治理");
        assertThat(first.eventDate()).isEqualTo(LocalDate.of(2023, 12, 20));
        assertThat(first.persons()).containsExactly("杜小刚");
        assertThat(first.score()).isEqualTo(3.5);
        assertThat(first.highlights().get("body")).containsExactly("市委书记<em>杜小刚</em>来到");
        SearchHit second = result.hits().get(1);
        assertThat(second.score()).isNull();
        assertThat(second.persons()).isEmpty();
        assertThat(second.highlights()).isEmpty();
        assertThat(result.facets().persons()).containsExactly(new FacetValue("杜小刚", 5), new FacetValue("蒋敏", 2));
        assertThat(result.facets().places()).isEmpty();
        assertThat(result.facets().reporters()).isEmpty();
        assertThat(result.histogram()).containsExactly(
                new DayCount(LocalDate.of(2023, 12, 18), 1), new DayCount(LocalDate.of(2023, 12, 20), 4));
    }

    @Test
    void anAnswerWithoutMatchesHasNoHitsFacetsOrDays() throws Exception {
        // filter_path leaves out the empty hits array and bucket lists
        SearchResult result = JSON.readValue("{\"took\":1,\"hits\":{\"total\":{\"value\":0}}}", SearchAnswer.class).toResult();

        assertThat(result.total()).isZero();
        assertThat(result.hits()).isEmpty();
        assertThat(result.facets().persons()).isEmpty();
        assertThat(result.histogram()).isEqualTo(List.of());
    }
}
