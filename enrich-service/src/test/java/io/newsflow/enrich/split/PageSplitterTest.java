package io.newsflow.enrich.split;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageSplitterTest {
    private final PageSplitter splitter = new PageSplitter();

    @Test
    void headlinesBeforeTheirArticlesGoToTheArticlesTheyDescribe() {
        String page = """
                 城市周刊

                新吴区湿地公园正式开园

                本报讯 3月1日，新吴区湿地公
                园正式开园，园内建成步道十公
                里，市民可免费游览。（王拓）

                地铁五号线完成全线试运行
                沿线车站年内开通

                本报讯 3月1日，地铁五号线完
                成全线试运行，沿线车站将于年
                内开通，方便市民出行。

                （高美梅、惠晓婧）
                """;

        List<ArticleText> articles = splitter.split(page);

        assertThat(articles).extracting(ArticleText::headlineLines).containsExactly(
                List.of("新吴区湿地公园正式开园"), List.of("地铁五号线完成全线试运行", "沿线车站年内开通"));
        assertThat(articles).extracting(ArticleText::reporters).containsExactly(List.of("王拓"), List.of("高美梅", "惠晓婧"));
        assertThat(articles.getFirst().body()).isEqualTo("本报讯 3月1日，新吴区湿地公园正式开园，园内建成步道十公里，市民可免费游览。");
    }

    @Test
    void headlinesCollectedAtThePageEndAreMatchedByContentNotByOrder() {
        String page = """
                本报讯 3月1日，新吴区湿地公
                园正式开园，园内建成步道十公
                里，市民可免费游览。（王拓）

                本报讯 3月1日，地铁五号线完
                成全线试运行，沿线车站将于年
                内开通，方便市民出行。(陈菁菁)

                地铁五号线完成全线试运行

                新吴区湿地公园正式开园
                """;

        List<ArticleText> articles = splitter.split(page);

        assertThat(articles).extracting(ArticleText::headlineLines).containsExactly(
                List.of("新吴区湿地公园正式开园"), List.of("地铁五号线完成全线试运行"));
        assertThat(articles).noneMatch(ArticleText::headlineFromLead);
    }

    @Test
    void signedCommentaryWithoutDatelineIsAnArticleAndKeepsItsSectionHeadsInTheBody() {
        String page = """
                市长：
                建设更美的湿地城市

                本报讯 3月1日，地铁五号线完
                成全线试运行。（陈菁菁）

                湿地是城市的绿肺，建设美丽湿
                地城市是全市人民的共同期盼。

                一是守护湿地生态
                筑牢绿色屏障

                我们将加快建设湿地公园，扩大
                湿地面积，

                保护湿地生物多样性。

                地铁五号线完成全线试运行
                """;

        List<ArticleText> articles = splitter.split(page);

        assertThat(articles).hasSize(2);
        ArticleText commentary = articles.get(1);
        assertThat(commentary.reporters()).isEmpty();
        assertThat(commentary.paragraphs()).containsExactly(
                "湿地是城市的绿肺，建设美丽湿地城市是全市人民的共同期盼。",
                "一是守护湿地生态筑牢绿色屏障",
                "我们将加快建设湿地公园，扩大湿地面积，保护湿地生物多样性。");
        assertThat(commentary.headlineLines()).containsExactly("市长：", "建设更美的湿地城市");
        assertThat(articles.getFirst().headlineLines()).containsExactly("地铁五号线完成全线试运行");
    }

    @Test
    void labelMatchingNoArticleIsNeitherArticleNorHeadline() {
        String page = """
                 二泉月

                本报讯 3月1日，新吴区湿地公
                园正式开园。（王拓）
                """;

        List<ArticleText> articles = splitter.split(page);

        assertThat(articles).singleElement().satisfies(article -> {
            assertThat(article.headlineFromLead()).isTrue();
            assertThat(article.body()).isEqualTo("本报讯 3月1日，新吴区湿地公园正式开园。");
        });
    }

    @Test
    void newsWithoutBylineLeavesTheHeadlineAfterItOutOfTheBody() {
        String page = """
                本报讯 3月1日，新吴区湿地公
                园正式开园，园内建成步道十公
                里，市民可免费游览。

                新吴区湿地公园正式开园

                本报讯 3月1日，地铁五号线完
                成全线试运行。（陈菁菁）
                """;

        List<ArticleText> articles = splitter.split(page);

        assertThat(articles.getFirst().body()).isEqualTo("本报讯 3月1日，新吴区湿地公园正式开园，园内建成步道十公里，市民可免费游览。");
        assertThat(articles.getFirst().headlineLines()).containsExactly("新吴区湿地公园正式开园");
    }

    @Test
    void paragraphOpeningCutOffByAColumnBreakIsJoinedNotTakenForAHead() {
        String page = """
                本报讯 3月1日，新吴区湿地公
                园正式开园，园内建成步道十公
                里，市民可以免费游览。

                本次开园的湿地公园位于新
                
                吴区东部，总面积三百公顷，是
                全市最大的湿地。（王拓）
                """;

        assertThat(splitter.split(page).getFirst().paragraphs()).containsExactly(
                "本报讯 3月1日，新吴区湿地公园正式开园，园内建成步道十公里，市民可以免费游览。",
                "本次开园的湿地公园位于新吴区东部，总面积三百公顷，是全市最大的湿地。");
    }

    @Test
    void bylineBrokenAcrossLinesClosesTheArticleAndKeepsItsReporters() {
        String page = """
                本报讯 3月1日，新吴区湿地公
                园正式开园，市民可免费游览。（
                王拓、高美梅）

                新吴区湿地公园正式开园

                本报讯 3月1日，地铁五号线完
                成全线试运行。【
                陈菁菁】
                """;

        List<ArticleText> articles = splitter.split(page);

        assertThat(articles).extracting(ArticleText::reporters)
                .containsExactly(List.of("王拓", "高美梅"), List.of("陈菁菁"));
        assertThat(articles.getFirst().body()).isEqualTo("本报讯 3月1日，新吴区湿地公园正式开园，市民可免费游览。");
        assertThat(articles.getFirst().headlineLines()).containsExactly("新吴区湿地公园正式开园");
    }

    @Test
    void headlineWithClausesAfterACommentaryIsNotPartOfIt() {
        String page = """
                湿地是城市的绿肺，建设美丽湿
                地城市是全市人民的共同期盼。

                市长在会上强调
                地铁五号线完成全线试运行
                沿线车站年内开通，方便市民出行

                本报讯 3月1日，地铁五号线完
                成全线试运行，沿线车站将于年
                内开通，方便市民出行。（陈菁菁）
                """;

        List<ArticleText> articles = splitter.split(page);

        assertThat(articles).hasSize(2);
        assertThat(articles.getFirst().body()).isEqualTo("湿地是城市的绿肺，建设美丽湿地城市是全市人民的共同期盼。");
        assertThat(articles.get(1).headlineLines())
                .containsExactly("市长在会上强调", "地铁五号线完成全线试运行", "沿线车站年内开通，方便市民出行");
    }

    @Test
    void commentaryWhoseFirstSentenceAColumnBreakCutStartsAtItsFirstLine() {
        String page = """
                本报讯 3月1日，地铁五号线完
                成全线试运行。（陈菁菁）

                湿地是城市的绿肺，建设美丽湿
                地城市，守护湿地生物多样性，

                是全市人民的共同期盼。我们将
                加快建设湿地公园。

                地铁五号线完成全线试运行

                建设美丽湿地城市
                """;

        List<ArticleText> articles = splitter.split(page);

        assertThat(articles).hasSize(2);
        assertThat(articles.get(1).body())
                .isEqualTo("湿地是城市的绿肺，建设美丽湿地城市，守护湿地生物多样性，是全市人民的共同期盼。我们将加快建设湿地公园。");
        assertThat(articles.get(1).headlineLines()).containsExactly("建设美丽湿地城市");
    }
}
