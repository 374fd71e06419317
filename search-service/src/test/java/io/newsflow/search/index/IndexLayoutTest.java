package io.newsflow.search.index;

import co.elastic.clients.elasticsearch._types.mapping.Property;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IndexLayoutTest {

    @Test
    void mappingDifferencesNameEachMissingOrRetypedField() {
        Map<String, Property> expected = Map.of(
                "persons", Property.of(p -> p.keyword(k -> k)),
                "body", Property.of(p -> p.text(t -> t)),
                "eventDate", Property.of(p -> p.date(d -> d)));
        Map<String, Property> actual = Map.of(
                "persons", Property.of(p -> p.text(t -> t)),
                "body", Property.of(p -> p.text(t -> t)));

        assertThat(IndexManager.differences(expected, actual, ""))
                .containsExactlyInAnyOrder("persons is text, expected keyword", "eventDate is missing");
        assertThat(IndexManager.differences(expected, expected, "")).isEmpty();
    }

    @Test
    void theNextIndexCountsTheVersionUp() {
        assertThat(Reindexer.nextIndex("news-articles-v1", "news-articles")).isEqualTo("news-articles-v2");
        assertThat(Reindexer.nextIndex("news-articles-v19", "news-articles")).isEqualTo("news-articles-v20");
        assertThat(Reindexer.nextIndex("legacy", "news-articles")).isEqualTo("news-articles-v2");
    }
}
