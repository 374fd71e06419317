package io.newsflow.enrich.entities;

import io.newsflow.enrich.ner.PerceptronTagger;
import io.newsflow.enrich.pipeline.EnrichmentPipeline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The person rules on invented sentences of the pages' kind (none of them from the samples). */
class EntityExtractorTest {
    private static PerceptronTagger tagger;

    @BeforeAll
    static void loadModel() throws Exception {
        try (InputStream model = EnrichmentPipeline.class.getResourceAsStream(EnrichmentPipeline.MODEL)) {
            tagger = PerceptronTagger.load(model, EnrichmentPipeline.MODEL);
        }
    }

    @Test
    void aNameAfterATitleOrBeforeASpeechVerbIsAPerson() {
        List<String> persons = persons(NamesDictionary.empty(),
                "本报讯 3月5日，区委书记方立新来到梁溪区调研。方立新强调，要抓好安全生产。").getFirst();

        assertThat(persons).containsExactly("方立新");
    }

    @Test
    void everyNameOfAListAfterATitleIsAPersonEvenWhenTheTaggerMissesSome() {
        List<String> persons = persons(NamesDictionary.empty(),
                "会议由副市长郑晓光主持。市领导顾明远、韩雪梅、钱志平参加会议。").getFirst();

        assertThat(persons).contains("郑晓光", "顾明远", "韩雪梅", "钱志平");
    }

    @Test
    void aNameFollowedByACompanyWordIsNoPersonAnywhereOnThePage() {
        List<List<String>> persons = persons(NamesDictionary.empty(),
                "本报讯 副市长郑晓光会见了康达瑞公司总裁一行。",
                "康达瑞将在无锡建设研发中心，康达瑞表示将加大投资。");

        assertThat(persons.get(0)).containsExactly("郑晓光");
        assertThat(persons.get(1)).doesNotContain("康达瑞");
    }

    @Test
    void wordsThatMerelyStartWithASurnameAreNoPersons() {
        List<String> persons = persons(NamesDictionary.empty(),
                "各地代表齐聚一堂。市委书记强调，要推进碳达峰碳中和，领导干部要带头。").getFirst();

        assertThat(persons).isEmpty();
    }

    @Test
    void theNamesDictionaryVouchesForANameWithoutContext() {
        NamesDictionary names = NamesDictionary.parse("司马青岚 nr\n梁溪 ns\n", "test");
        names.addToSegmenter();

        EntityExtractor.Entities entities = extract(names, "司马青岚的新书在梁溪首发。").getFirst();

        assertThat(entities.persons()).containsExactly("司马青岚");
        assertThat(entities.places()).contains("梁溪");
    }

    private static List<List<String>> persons(NamesDictionary names, String... articles) {
        return extract(names, articles).stream().map(EntityExtractor.Entities::persons).toList();
    }

    private static List<EntityExtractor.Entities> extract(NamesDictionary names, String... articles) {
        List<EntityExtractor.Analysed> analysed = java.util.Arrays.stream(articles).map(text -> {
            var words = tagger.segment(text);
            return new EntityExtractor.Analysed(text, words, tagger.entities(text, words));
        }).toList();
        return new EntityExtractor(names).extract(analysed);
    }
}
