package io.newsflow.search.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatsRequestFactoryTest {

    @Test
    void countsAllArticlesTheirEventDateRangeAndTopValuesWithoutHits() {
        JsonNode tree = RequestJson.tree(new StatsRequestFactory(3).build("news-articles"));

        assertThat(tree.get("size").asInt()).isZero();
        assertThat(tree.get("track_total_hits").asBoolean()).isTrue();
        assertThat(tree.at("/aggregations/firstEventDate/min/field").asText()).isEqualTo("eventDate");
        assertThat(tree.at("/aggregations/lastEventDate/max/field").asText()).isEqualTo("eventDate");
        assertThat(tree.at("/aggregations/categories/terms/field").asText()).isEqualTo("category");
        assertThat(tree.at("/aggregations/persons/terms/size").asInt()).isEqualTo(3);
    }

    @Test
    void countsArticlesPerDayAndFindsTheArticleEnrichedLast() {
        JsonNode aggregations = RequestJson.tree(new StatsRequestFactory(3).build("news-articles")).get("aggregations");

        assertThat(aggregations.at("/perDay/date_histogram/field").asText()).isEqualTo("eventDate");
        assertThat(aggregations.at("/perDay/date_histogram/calendar_interval").asText()).isEqualTo("day");
        assertThat(aggregations.at("/lastIndexed/top_hits/size").asInt()).isEqualTo(1);
        assertThat(aggregations.at("/lastIndexed/top_hits/sort/0/enrichedAt/order").asText()).isEqualTo("desc");
        assertThat(aggregations.at("/lastIndexed/top_hits/_source/includes").toString()).doesNotContain("body");
        assertThat(aggregations.at("/keywords/terms/field").asText()).isEqualTo("keywords");
    }
}
