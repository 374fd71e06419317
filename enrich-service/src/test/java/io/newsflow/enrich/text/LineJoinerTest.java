package io.newsflow.enrich.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineJoinerTest {
    private final LineJoiner joiner = new LineJoiner();

    @Test
    void joinsWrappedLinesWithoutSeparatorSoSplitNamesComeOutWhole() {
        List<String> lines = List.of(
                "本报讯 12月19日，市委书记杜",
                "小刚主持召开市委常委会第97次会",
                "议，学习贯彻有关精神。");

        assertThat(joiner.paragraphs(lines)).containsExactly("本报讯 12月19日，市委书记杜小刚主持召开市委常委会第97次会议，学习贯彻有关精神。");
    }

    @Test
    void healsBlankLineInTheMiddleOfASentenceButBreaksAfterASentenceEnd() {
        List<String> lines = List.of(
                "会议指出，习近平总书记在中共",
                "",
                "中央政治局会议上的重要讲话，为我",
                "们扎实做好相关工作注入强大思想。",
                "",
                "会议要求，全市上下要认真学习",
                "领会中央经济工作会议精神。");

        assertThat(joiner.paragraphs(lines)).containsExactly(
                "会议指出，习近平总书记在中共中央政治局会议上的重要讲话，为我们扎实做好相关工作注入强大思想。",
                "会议要求，全市上下要认真学习领会中央经济工作会议精神。");
    }

    @Test
    void shortLineEndingASentenceEndsTheParagraph() {
        List<String> lines = List.of(
                "省政府秘书长吕德明，无锡市委书记",
                "杜小刚，连云港市委书记马士光、市",
                "",
                "参加。",
                "本次签约是无锡市与连云港市",
                "持续深化南北结对帮扶的具体行动。");

        assertThat(joiner.paragraphs(lines)).containsExactly(
                "省政府秘书长吕德明，无锡市委书记杜小刚，连云港市委书记马士光、市参加。",
                "本次签约是无锡市与连云港市持续深化南北结对帮扶的具体行动。");
    }
}
