package io.newsflow.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameListsTest {
    private static final List<TaggedSentence> TRAINING = List.of(
            new TaggedSentence("蒋敏会见曹佳中", List.of("B-PER", "I-PER", "O", "O", "B-PER", "I-PER", "I-PER")),
            new TaggedSentence("在无锡", List.of("O", "B-LOC", "I-LOC")));

    @Test
    void listsOnlyTheTrainingPersonsTaggedAsSeparatePersons() {
        List<TaggedSentence> lists = NameLists.generate(TRAINING, 50, 1L);

        assertThat(lists).hasSize(50).allSatisfy(list -> {
            List<EntitySpan> spans = EntitySpans.of(list.text(), list.tags());
            assertThat(spans).hasSizeBetween(2, 8);
            assertThat(spans).allSatisfy(span -> {
                assertThat(span.type()).isEqualTo("PER");
                assertThat(span.text()).isIn("蒋敏", "曹佳中");
            });
        });
        assertThat(lists).anySatisfy(list -> assertThat(list.text()).contains("、"))
                .anySatisfy(list -> assertThat(list.text()).doesNotContain("、"));
    }

    @Test
    void sameSeedGivesSameLists() {
        assertThat(NameLists.generate(TRAINING, 20, 5L)).isEqualTo(NameLists.generate(TRAINING, 20, 5L));
    }

    @Test
    void noPersonsNoLists() {
        assertThat(NameLists.generate(TRAINING.subList(1, 2), 10, 1L)).isEmpty();
    }
}
