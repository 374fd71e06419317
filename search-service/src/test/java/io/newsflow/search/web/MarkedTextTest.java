package io.newsflow.search.web;

import io.newsflow.search.query.EntityKind;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MarkedTextTest {

    @Test
    void marksEveryOccurrenceOfEachNameWithItsKind() {
        Map<EntityKind, List<String>> names = new LinkedHashMap<>();
        names.put(EntityKind.PERSON, List.of("杜小刚"));
        names.put(EntityKind.PLACE, List.of("宜兴", "宜兴市"));
        names.put(EntityKind.ORG, List.of("市委"));

        List<MarkedText.Paragraph> paragraphs = MarkedText.of("市委书记杜小刚来到宜兴市。\n\n杜小刚强调<b>。", names);

        assertThat(paragraphs).hasSize(2);
        assertThat(paragraphs.get(0).pieces()).containsExactly(
                new MarkedText.Piece("市委", EntityKind.ORG), new MarkedText.Piece("书记", null),
                new MarkedText.Piece("杜小刚", EntityKind.PERSON), new MarkedText.Piece("来到", null),
                new MarkedText.Piece("宜兴市", EntityKind.PLACE), new MarkedText.Piece("。", null));
        // the text stays text: the template escapes it
        assertThat(paragraphs.get(1).pieces()).containsExactly(
                new MarkedText.Piece("杜小刚", EntityKind.PERSON), new MarkedText.Piece("强调<b>。", null));
    }

    @Test
    void aBodyWithoutNamesIsPlainParagraphs() {
        assertThat(MarkedText.of("一段。\n另一段。", Map.of())).extracting(p -> p.pieces().size()).containsExactly(1, 1);
        assertThat(MarkedText.of(null, Map.of())).isEmpty();
    }
}
