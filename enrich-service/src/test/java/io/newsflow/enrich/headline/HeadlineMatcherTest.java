package io.newsflow.enrich.headline;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HeadlineMatcherTest {
    private static final String PARK = "本报讯 3月1日，新吴区湿地公园正式开园，园内建成步道十公里，市民可免费游览湿地风光。";
    private static final String METRO = "本报讯 3月1日，地铁五号线完成全线试运行，沿线车站将于年内开通，方便市民出行。";

    private final HeadlineMatcher matcher = new HeadlineMatcher();

    @Test
    void givesEachBlockToTheArticleItIsAboutNotToItsNeighbour() {
        // Both titles sit together after the second article, in the opposite order of the articles.
        List<List<String>> headlines = matcher.match(List.of(PARK, METRO),
                List.of(List.of(List.of("地铁五号线完成全线试运行"), List.of("新吴区湿地公园正式开园"))));

        assertThat(headlines).containsExactly(List.of("新吴区湿地公园正式开园"), List.of("地铁五号线完成全线试运行"));
    }

    @Test
    void aBlockNextToAnArticlesTitleJoinsItsHeadlineAsSubtitle() {
        List<List<String>> headlines = matcher.match(List.of(PARK, METRO),
                List.of(List.of(List.of("新吴区湿地公园正式开园"), List.of("十公里步道免费游览"), List.of("地铁五号线完成全线试运行"))));

        assertThat(headlines.getFirst()).containsExactly("新吴区湿地公园正式开园", "十公里步道免费游览");
        assertThat(headlines.get(1)).containsExactly("地铁五号线完成全线试运行");
    }

    @Test
    void aLabelSharingNothingWithAnyArticleIsNoHeadline() {
        List<List<String>> headlines = matcher.match(List.of(PARK, METRO),
                List.of(List.of(List.of("二泉月")), List.of(List.of("新吴区湿地公园正式开园"))));

        assertThat(headlines).containsExactly(List.of("新吴区湿地公园正式开园"), List.of());
    }

    @Test
    void anArticleTakesOnlyOneBlockEvenWhenTwoResembleIt() {
        List<List<String>> headlines = matcher.match(List.of(PARK),
                List.of(List.of(List.of("新吴区湿地公园正式开园")), List.of(List.of("湿地公园开园"))));

        assertThat(headlines).containsExactly(List.of("新吴区湿地公园正式开园"));
    }

    @Test
    void aKickerBelongsToTheTitleBelowItEvenWhenItsWordsFitTheHeadlineAbove() {
        // all headlines at the page end: the metro's kicker follows the park's headline
        List<List<String>> headlines = matcher.match(List.of(PARK, METRO), List.of(List.of(
                List.of("新吴区湿地公园正式开园"), List.of("步道十公里"), List.of("湿地公园游客强调"),
                List.of("地铁五号线完成全线试运行"))));

        assertThat(headlines).containsExactly(List.of("新吴区湿地公园正式开园", "步道十公里"),
                List.of("湿地公园游客强调", "地铁五号线完成全线试运行"));
    }

    @Test
    void aDashedSubtitleEndsAHeadlineAndNeverStartsOne() {
        List<List<String>> headlines = matcher.match(List.of(PARK, METRO), List.of(List.of(
                List.of("新吴区湿地公园正式开园"), List.of("——地铁沿线市民免费游览"), List.of("地铁五号线完成全线试运行"))));

        assertThat(headlines.getFirst()).containsExactly("新吴区湿地公园正式开园", "——地铁沿线市民免费游览");
    }

    @Test
    void aTitleSharingNoWordWithItsBodyGoesToTheArticleItStandsNextTo() {
        List<List<String>> headlines = matcher.matchRuns(List.of(PARK, METRO), List.of(
                new HeadlineMatcher.Run(0, List.of(List.of("新吴区湿地公园正式开园"))),
                new HeadlineMatcher.Run(1, List.of(List.of("城市交通迈入新时代")))));

        assertThat(headlines).containsExactly(List.of("新吴区湿地公园正式开园"), List.of("城市交通迈入新时代"));
    }

    @Test
    void ofTwoLinesThatCouldBeTheTitleTheOneNamingTheArticleIs() {
        // the park's subtitle shares more words with the metro, but would push the metro's own title down
        List<List<String>> headlines = matcher.match(List.of(PARK, METRO), List.of(List.of(
                List.of("新吴区湿地公园正式开园"), List.of("方便市民游览"), List.of("地铁五号线完成全线试运行"))));

        assertThat(headlines).containsExactly(List.of("新吴区湿地公园正式开园", "方便市民游览"),
                List.of("地铁五号线完成全线试运行"));
    }
}
