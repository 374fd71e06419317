package io.newsflow.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntitySpansTest {

    @Test
    void readsPersonPlaceAndOrganisationSpansWithEndExclusive() {
        List<String> tags = List.of("B-PER", "I-PER", "I-PER", "O", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "O", "O");

        assertThat(EntitySpans.of("杜小刚到无锡市委开会", tags)).containsExactly(
                new EntitySpan("PER", 0, 3, "杜小刚"),
                new EntitySpan("LOC", 4, 6, "无锡"),
                new EntitySpan("ORG", 6, 8, "市委"));
    }

    @Test
    void separatesAdjacentNamesAtEachBegin() {
        List<String> tags = List.of("B-PER", "I-PER", "B-PER", "I-PER", "I-PER");

        assertThat(EntitySpans.of("蒋敏曹佳中", tags)).containsExactly(
                new EntitySpan("PER", 0, 2, "蒋敏"),
                new EntitySpan("PER", 2, 5, "曹佳中"));
    }

    @Test
    void closesSpanAtSentenceEnd() {
        assertThat(EntitySpans.of("去北京", List.of("O", "B-LOC", "I-LOC")))
                .containsExactly(new EntitySpan("LOC", 1, 3, "北京"));
    }

    @Test
    void treatsInsideWithoutMatchingBeginAsNewSpan() {
        List<String> tags = List.of("O", "I-LOC", "I-LOC", "B-PER", "I-ORG");

        assertThat(EntitySpans.of("在北京王局", tags)).containsExactly(
                new EntitySpan("LOC", 1, 3, "北京"),
                new EntitySpan("PER", 3, 4, "王"),
                new EntitySpan("ORG", 4, 5, "局"));
    }

    @Test
    void rejectsTagsThatDoNotMatchTheText() {
        assertThatThrownBy(() -> EntitySpans.of("北京", List.of("B-LOC")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
