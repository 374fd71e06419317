package io.newsflow.search.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuggestRequestFactoryTest {
    private final SuggestRequestFactory factory = new SuggestRequestFactory(5);

    @Test
    void completesPersonsPlacesAndOrganisationsStartingWithThePrefix() {
        JsonNode tree = RequestJson.tree(factory.build("杜", "news-articles"));

        assertThat(tree.get("size").asInt()).isZero();
        assertThat(tree.at("/aggregations/persons/terms/field").asText()).isEqualTo("persons");
        assertThat(tree.at("/aggregations/persons/terms/include").asText()).isEqualTo("杜.*");
        assertThat(tree.at("/aggregations/persons/terms/size").asInt()).isEqualTo(5);
        assertThat(tree.at("/aggregations/places/terms/include").asText()).isEqualTo("杜.*");
        assertThat(tree.at("/aggregations/organizations/terms/include").asText()).isEqualTo("杜.*");
        assertThat(tree.at("/query/bool/should/0/prefix/persons/value").asText()).isEqualTo("杜");
        assertThat(tree.at("/query/bool/should")).hasSize(3);
        assertThat(tree.at("/query/bool/minimum_should_match").asText()).isEqualTo("1");
    }

    @Test
    void escapesEveryRegexOperatorOfThePrefix() {
        String hostile = ".*|杜(\"a\"){2}[x]~#@&<>\\?+";

        JsonNode tree = RequestJson.tree(factory.build(hostile, "news-articles"));

        String include = tree.at("/aggregations/persons/terms/include").asText();
        assertThat(include).isEqualTo("\\.\\*\\|杜\\(\\\"a\\\"\\)\\{2\\}\\[x\\]\\~\\#\\@\\&\\<\\>\\\\\\?\\+.*");
        // read by a regex engine of the same escaping rules, it matches the prefix literally and nothing else
        assertThat(Pattern.matches(include, hostile + "刚")).isTrue();
        assertThat(Pattern.matches(include, "杜小刚")).isFalse();
    }

    @Test
    void leavesLettersAndDigitsUnescapedSoThatNoneBecomesACharacterClass() {
        assertThat(LuceneRegex.literal("d1w")).isEqualTo("d1w");
        assertThat(LuceneRegex.literal("a b")).isEqualTo("a\\ b");
    }

    @Test
    void refusesAMissingOrOverlongPrefix() {
        assertThatThrownBy(() -> factory.build(null, "news-articles")).isInstanceOf(InvalidQueryException.class)
                .hasMessage("prefix must have at least 1 character");
        assertThatThrownBy(() -> factory.build("  ", "news-articles")).hasMessage("prefix must have at least 1 character");
        assertThatThrownBy(() -> factory.build("杜".repeat(51), "news-articles")).hasMessage("prefix is longer than 50 characters");
    }
}
