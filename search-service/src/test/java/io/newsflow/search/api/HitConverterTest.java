package io.newsflow.search.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HitConverterTest {

    @Test
    void marksAPhraseSegmentedIntoWordsOnce() {
        Map<String, List<String>> highlights = HitConverter.highlights(Map.of(
                "body", List.of("调研<em>太湖</em><em>综合治理</em>进展。<em>太湖</em>水质")));

        assertThat(highlights.get("body")).containsExactly("调研<em>太湖综合治理</em>进展。<em>太湖</em>水质");
    }

    @Test
    void hasNoHighlightsWithoutFreeText() {
        assertThat(HitConverter.highlights(null)).isEmpty();
    }
}
