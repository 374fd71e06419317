package io.newsflow.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerceptronTaggerTest {
    private static final List<String> UNSEEN = List.of(
            "王小明昨天在上海参观。",
            "记者刘洋从广州报道。",
            "陈红在杭州出生。",
            "国务院总理李强会见了美国客人。");

    private static PerceptronTagger tagger;

    @BeforeAll
    static void trainOnASmallSample() {
        // the first sentences of two training files in data/ner (never the test file)
        Path eval = Path.of(System.getProperty("newsflow.ner.data", "../data/ner"));
        List<TaggedSentence> sample = new java.util.ArrayList<>(BioCorpus.read(eval.resolve("msra_dev_bio.txt.gz")).subList(0, 1500));
        sample.addAll(BioCorpus.read(eval.resolve("pd_dev_bio.txt.gz")).subList(0, 500));
        tagger = PerceptronTagger.train(sample, 5);
    }

    @Test
    void learnsPersonAndPlaceOfAnUnseenSimpleSentence() {
        assertThat(tagger.entities("王小明昨天在上海参观。")).contains(
                new EntitySpan("PER", 0, 3, "王小明"),
                new EntitySpan("LOC", 6, 8, "上海"));
        assertThat(tagger.entities("记者刘洋从广州报道。")).contains(
                new EntitySpan("PER", 2, 4, "刘洋"),
                new EntitySpan("LOC", 5, 7, "广州"));
    }

    @Test
    void tagsEveryCharacterWithALegalSequence() {
        for (String sentence : UNSEEN) {
            List<String> tags = tagger.tag(sentence);
            assertThat(tags).hasSize(sentence.length());
            for (int i = 0; i < tags.size(); i++) {
                int previous = i == 0 ? -1 : BioTags.index(tags.get(i - 1));
                assertThat(BioTags.allowed(previous, BioTags.index(tags.get(i)))).as("%s at %d", tags, i).isTrue();
            }
        }
        assertThat(tagger.tag("")).isEmpty();
    }

    @Test
    void savedAndLoadedModelTagsIdentically(@TempDir Path folder) throws IOException {
        Path model = folder.resolve("ner.bin");
        tagger.save(model);

        PerceptronTagger loaded = PerceptronTagger.load(model);

        for (String sentence : UNSEEN) {
            assertThat(loaded.tag(sentence)).isEqualTo(tagger.tag(sentence));
        }
        assertThat(loaded.featureCount()).isEqualTo(tagger.featureCount());
    }
}
