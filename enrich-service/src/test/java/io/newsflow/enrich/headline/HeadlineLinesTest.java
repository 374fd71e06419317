package io.newsflow.enrich.headline;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HeadlineLinesTest {
    private final HeadlineLines lines = new HeadlineLines();

    @Test
    void kickerEndingWithAColonOrReportingVerbIsNotTheTitle() {
        assertThat(lines.of(List.of("市长在座谈会上强调", "以高水平合作开创新局面")))
                .isEqualTo(new HeadlineLines.Headline("以高水平合作开创新局面", List.of("市长在座谈会上强调")));
        assertThat(lines.of(List.of("市委书记：", "在新使命中扛起责任", "在新篇章中增添华彩")).title())
                .isEqualTo("在新使命中扛起责任");
    }

    @Test
    void subtitleWithClausesIsNotTheTitle() {
        assertThat(lines.of(List.of("分析上半年形势，部署下阶段工作", "市委常委会召开会议")).title()).isEqualTo("市委常委会召开会议");
    }

    @Test
    void titleWrappedBeforeAConjunctionIsJoined() {
        assertThat(lines.of(List.of("连云港经济技术开发区", "与长电科技签署战略合作协议")))
                .isEqualTo(new HeadlineLines.Headline("连云港经济技术开发区与长电科技签署战略合作协议", List.of()));
    }

    @Test
    void dashedSubtitleIsNotTheTitle() {
        assertThat(lines.of(List.of("——记全市优秀社区工作者", "扎根社区二十年")).title()).isEqualTo("扎根社区二十年");
    }
}
