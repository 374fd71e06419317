package io.newsflow.enrich.keywords;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordExtractorTest {
    private static final Segment SEGMENT = HanLP.newSegment().enableNameRecognize(true).enableOffset(true);
    private final KeywordExtractor extractor = new KeywordExtractor();

    @Test
    void ranksTheTopicNounsOfARealArticleFirst() {
        String body = """
                本报讯 记者从市水利局获悉，今年以来，我市持续推进太湖蓝藻防控和水环境治理，累计打捞蓝藻120万吨，\
                新建藻水分离站3座。太湖无锡水域水质连续保持稳定，主要入湖河道断面水质全部达到考核要求。
                市水利局负责同志表示，下一步将加快入湖河道综合整治，强化蓝藻监测预警，确保太湖安全度夏。""";

        List<String> keywords = extractor.keywords("太湖蓝藻防控取得阶段性成效", SEGMENT.seg(body), 8);

        assertThat(keywords).hasSizeLessThanOrEqualTo(8).contains("太湖", "蓝藻", "水质", "河道");
        assertThat(keywords.subList(0, 2)).containsExactlyInAnyOrder("太湖", "蓝藻");
        assertThat(keywords).doesNotContain("本报讯", "记者", "今年", "我市", "负责同志", "要求");
    }

    @Test
    void keepsNounsAndVerbalNounsOnly() {
        List<Term> terms = List.of(term("张小明", Nature.nr), term("视察", Nature.v), term("港口", Nature.n),
                term("建设", Nature.vn), term("码头", Nature.n), term("120", Nature.m), term("港", Nature.n),
                term("APEC", Nature.nx), term("物流", Nature.n), term("书记", Nature.nnt), term("管理", Nature.vn));

        assertThat(extractor.keywords("", terms, 10)).containsExactlyInAnyOrder("港口", "码头", "物流", "管理");
    }

    @Test
    void leavesOutPiecesOfANameTheSegmenterCutOff() {
        List<Term> terms = List.of(term("杜小刚", Nature.nr), term("调研", Nature.vn), term("园区", Nature.n),
                term("杜", Nature.vg), term("小刚", Nature.nz), term("强调", Nature.v), term("园区", Nature.n));

        assertThat(extractor.keywords("杜小刚调研园区", terms, 5)).containsExactly("园区");
    }

    @Test
    void boostsWordsOfTheHeadline() {
        List<Term> terms = terms("港口", "物流", "港口", "物流", "港口", "码头");

        assertThat(extractor.keywords("", terms, 3).getFirst()).isEqualTo("港口");
        assertThat(extractor.keywords("码头扩建工程开工", terms, 3).getFirst()).isEqualTo("码头");
    }

    @Test
    void breaksTiesByFirstPosition() {
        assertThat(extractor.keywords(null, terms("码头", "港口"), 2)).containsExactly("码头", "港口");
        assertThat(extractor.keywords(null, terms("港口", "码头"), 2)).containsExactly("港口", "码头");
    }

    @Test
    void returnsAtMostMax() {
        List<Term> terms = terms("港口", "码头", "物流", "航运", "集装箱", "船舶");

        assertThat(extractor.keywords(null, terms, 4)).hasSize(4);
        assertThat(extractor.keywords(null, terms, 0)).isEmpty();
        assertThat(extractor.keywords(null, List.of(), 8)).isEmpty();
    }

    @Test
    void givesTheSameKeywordsEveryTime() {
        String body = "无锡高新区集成电路产业集群加快发展，芯片设计、制造、封装测试企业集聚，产业链上下游协同创新。";
        List<Term> terms = SEGMENT.seg(body);

        assertThat(extractor.keywords("集成电路产业集群", terms, 8))
                .isEqualTo(extractor.keywords("集成电路产业集群", terms, 8));
    }

    @Test
    void keepsWordsOfTheUserDictionaryWhateverTheirTag() {
        String word = "锡澄同城化";
        CustomDictionary.insert(word, "v 1");
        try {
            assertThat(extractor.keywords(null, List.of(term(word, Nature.v), term("交通", Nature.n)), 5))
                    .contains(word);
        } finally {
            CustomDictionary.remove(word);
        }
    }

    private static List<Term> terms(String... nouns) {
        List<Term> terms = new ArrayList<>();
        for (String noun : nouns) {
            terms.add(term(noun, Nature.n));
        }
        return terms;
    }

    private static Term term(String word, Nature nature) {
        return new Term(word, nature);
    }
}
