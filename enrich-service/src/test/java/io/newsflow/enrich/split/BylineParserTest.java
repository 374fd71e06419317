package io.newsflow.enrich.split;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BylineParserTest {
    private final BylineParser parser = new BylineParser();

    @Test
    void readsOneReporterInFullWidthParens() {
        assertThat(parser.parse("（王拓）")).hasValueSatisfying(byline -> {
            assertThat(byline.reporters()).containsExactly("王拓");
            assertThat(byline.start()).isZero();
        });
    }

    @Test
    void readsSeveralReportersInHalfWidthParensAtTheEndOfAProseLine() {
        String line = "交出以学促干的过硬答卷。(高美梅、惠晓婧)";

        assertThat(parser.parse(line)).hasValueSatisfying(byline -> {
            assertThat(byline.reporters()).containsExactly("高美梅", "惠晓婧");
            assertThat(line.substring(0, byline.start())).isEqualTo("交出以学促干的过硬答卷。");
        });
    }

    @Test
    void ignoresBracketedTextThatIsNoByline() {
        assertThat(parser.parse("《无锡市人大常委会2024年立法计划（草案）》")).isEmpty();
        assertThat(parser.parse("审议通过（草案）。")).isEmpty();
    }

    @Test
    void aBracketAfterUnfinishedTextIsPartOfTheSentenceEvenAtALineEnd() {
        assertThat(parser.parse("研究了行动计划（讨论稿）")).isEmpty();
        assertThat(parser.parse("（讨论稿）", "会议研究了行动计划")).isEmpty();
        assertThat(parser.parse("（王拓）", "省有关部门负责同志参加。")).isPresent();
        assertThat(parser.parse("（王拓）", "")).isPresent();
        assertThat(parser.parse("参加。（高美梅、惠晓婧）")).isPresent();
    }

    @Test
    void readsReportersInLenticularBrackets() {
        assertThat(parser.parse("交出过硬答卷。【陈菁菁】")).hasValueSatisfying(byline ->
                assertThat(byline.reporters()).containsExactly("陈菁菁"));
    }

    @Test
    void joinsABylineTheExtractionBrokeAcrossLines() {
        assertThat(parser.joinBroken(List.of("全力做好各项工作。（", "王拓）")))
                .containsExactly("全力做好各项工作。（王拓）");
        assertThat(parser.joinBroken(List.of("全力做好各项工作。 【高美梅、", "惠晓婧】", "")))
                .containsExactly("全力做好各项工作。 【高美梅、惠晓婧】", "");
        // a column break between the parts
        assertThat(parser.joinBroken(List.of("全力做好各项工作。(", "", "陈菁菁)")))
                .containsExactly("全力做好各项工作。(陈菁菁)");
        // the bracket alone at a line start, the sentence on the line before
        assertThat(parser.joinBroken(List.of("全力做好各项工作。", "（", "王拓）")))
                .containsExactly("全力做好各项工作。", "（王拓）");
    }

    @Test
    void leavesABracketAfterUnfinishedTextAlone() {
        List<String> lines = List.of("会议研究了行动计划（", "讨论稿）和实施方案。");

        assertThat(parser.joinBroken(lines)).isEqualTo(lines);
        assertThat(parser.joinBroken(List.of("审议通过行动计划（", "草案）"))).containsExactly("审议通过行动计划（", "草案）");
    }
}
