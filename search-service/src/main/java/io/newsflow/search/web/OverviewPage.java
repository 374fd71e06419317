package io.newsflow.search.web;

import io.newsflow.search.api.ArticleStats;
import io.newsflow.search.query.EntityKind;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Turns the index's statistics and the pipeline's state into what the overview page shows. */
final class OverviewPage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private OverviewPage() {
    }

    static Views.OverviewView of(OverviewReadings.Readings readings) {
        ArticleStats stats = readings.stats();
        if (stats == null) {
            return new Views.OverviewView(null, readings.statsProblem(), null, List.of(), null, readings.pipeline(), null, null,
                    readings.alerts());
        }
        PipelineProbe.PipelineState pipeline = readings.pipeline();
        List<RankChart> tops = List.of(
                RankChart.of("最常提及的人物", stats.persons(), n -> n, n -> Views.entityUrl(EntityKind.PERSON, n)),
                RankChart.of("最常提及的地点", stats.places(), n -> n, n -> Views.entityUrl(EntityKind.PLACE, n)),
                RankChart.of("最常提及的机构", stats.organizations(), n -> n, n -> Views.entityUrl(EntityKind.ORG, n)));
        RankChart categories = RankChart.of("各分类文章数", stats.categories(), Labels::category,
                id -> "/?category=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
        return new Views.OverviewView(stats, null, DayChart.of("每日文章数", stats.perDay()), tops, categories, pipeline,
                stats.lastIndexed() == null ? null : Views.articleUrl(stats.lastIndexed().id()),
                stats.lastIndexed() == null || stats.lastIndexed().enrichedAt() == null ? null
                        : TIME.format(stats.lastIndexed().enrichedAt()), readings.alerts());
    }
}
