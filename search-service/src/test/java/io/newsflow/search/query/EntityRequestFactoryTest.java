package io.newsflow.search.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityRequestFactoryTest {
    private final EntityRequestFactory factory = new EntityRequestFactory(5);

    @Test
    void filtersByTheExactNameAndCountsDaysAndCoMentionsInOneSearch() {
        JsonNode tree = RequestJson.tree(factory.build(EntityKind.PERSON, " 杜小刚 ", 2, 20, "news-articles"));

        assertThat(tree.at("/query/bool/filter/0/term/persons/value").asText()).isEqualTo("杜小刚");
        assertThat(tree.at("/query/bool/must").isMissingNode()).isTrue();
        assertThat(tree.at("/from").asInt()).isEqualTo(20);
        assertThat(tree.at("/size").asInt()).isEqualTo(20);
        assertThat(tree.at("/track_total_hits").asBoolean()).isTrue();
        assertThat(tree.at("/sort/0/eventDate/order").asText()).isEqualTo("desc");
        assertThat(tree.at("/_source/excludes/0").asText()).isEqualTo("body");
        JsonNode aggregations = tree.get("aggregations");
        assertThat(aggregations.at("/histogram/date_histogram/field").asText()).isEqualTo("eventDate");
        assertThat(aggregations.at("/histogram/date_histogram/calendar_interval").asText()).isEqualTo("day");
        assertThat(aggregations.at("/persons/terms/field").asText()).isEqualTo("persons");
        assertThat(aggregations.at("/persons/terms/size").asInt()).isEqualTo(5);
        assertThat(aggregations.at("/places/terms/field").asText()).isEqualTo("places");
        assertThat(aggregations.at("/organizations/terms/field").asText()).isEqualTo("organizations");
    }

    @Test
    void leavesTheEntityItselfOutOfItsOwnKindsCoMentionsOnly() {
        JsonNode aggregations = RequestJson.tree(factory.build(EntityKind.PLACE, "太湖", 1, 10, "news-articles")).get("aggregations");

        assertThat(aggregations.at("/places/terms/exclude").toString()).isEqualTo("[\"太湖\"]");
        assertThat(aggregations.at("/persons/terms/exclude").isMissingNode()).isTrue();
        assertThat(aggregations.at("/organizations/terms/exclude").isMissingNode()).isTrue();
    }

    @Test
    void aNameIsOnlyEverATermValueAndAnExcludedValueNeverAPattern() {
        String hostile = ".*\"}},{\"match_all\":{}}";
        String json = RequestJson.text(factory.build(EntityKind.ORG, hostile, 1, 10, "news-articles"));
        JsonNode tree = RequestJson.tree(factory.build(EntityKind.ORG, hostile, 1, 10, "news-articles"));

        assertThat(tree.at("/query/bool/filter/0/term/organizations/value").asText()).isEqualTo(hostile);
        assertThat(tree.at("/aggregations/organizations/terms/exclude/0").asText()).isEqualTo(hostile);
        assertThat(json).doesNotContain("\"match_all\":{}");
    }

    @Test
    void refusesABlankOrOverlongNameAndAnUnknownKind() {
        assertThatThrownBy(() -> factory.build(EntityKind.PERSON, " ", 1, 10, "news-articles"))
                .isInstanceOf(InvalidQueryException.class).hasMessage("name must have at least 1 character");
        assertThatThrownBy(() -> factory.build(EntityKind.PERSON, "杜".repeat(101), 1, 10, "news-articles"))
                .isInstanceOf(InvalidQueryException.class).hasMessage("name is longer than 100 characters");
        assertThatThrownBy(() -> factory.build(EntityKind.PERSON, "杜小刚", 101, 100, "news-articles"))
                .isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> EntityKind.parse("people"))
                .isInstanceOf(InvalidQueryException.class).hasMessage("type must be one of person | place | org, was \"people\"");
        assertThat(EntityKind.parse("org")).isEqualTo(EntityKind.ORG);
    }
}
