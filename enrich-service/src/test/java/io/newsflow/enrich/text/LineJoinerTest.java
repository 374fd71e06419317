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

    @Test
    void blankLineAfterAQuotedWordIsAColumnBreakNotAParagraphEnd() {
        List<String> lines = List.of(
                "省委、省政府主要领导多次专题研究、",
                "提出具体要求，细化了工作“施工图”",
                "",
                "“任务书”。全市上下务必牢记嘱托。");

        assertThat(joiner.paragraphs(lines)).containsExactly(
                "省委、省政府主要领导多次专题研究、提出具体要求，细化了工作“施工图”“任务书”。全市上下务必牢记嘱托。");
    }

    @Test
    void longUnwrappedLinesEachEndTheirParagraphAtASentenceEnd() {
        List<String> lines = List.of(
                "本报讯 12月20日，市委书记杜小刚来到宜兴市主要入湖河流整治现场，调研太湖综合治理进展。",
                "地处太湖上游、流域下游，宜兴有9条主要入太湖河道、11个国考断面、20个省考断面，其中国考断面殷村港全长20.3公里。",
                "随后，杜小刚主持召开座谈会，听取汇报。",
                "他强调，太湖治理是“国之大者”。");

        assertThat(joiner.paragraphs(lines)).hasSize(4);
    }
}
