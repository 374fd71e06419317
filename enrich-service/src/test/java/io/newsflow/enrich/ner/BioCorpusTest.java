package io.newsflow.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class BioCorpusTest {

    @Test
    void readsTabOrSpaceSeparatedSentencesSplitByBlankLines() throws IOException {
        String file = "去\tO\n北\tB-LOC\n京\tI-LOC\n\n\n李 B-PER\n华 I-PER\n";

        assertThat(BioCorpus.read(new StringReader(file), "t")).containsExactly(
                new TaggedSentence("去北京", List.of("O", "B-LOC", "I-LOC")),
                new TaggedSentence("李华", List.of("B-PER", "I-PER")));
    }

    @Test
    void rejectsUnknownTagsWithTheLineNumber() {
        assertThatThrownBy(() -> BioCorpus.read(new StringReader("去\tO\n北\tB-GPE\n"), "t"))
                .hasMessageContaining("B-GPE");
    }
}
