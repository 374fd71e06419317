package io.newsflow.search.web;

import io.newsflow.search.api.EntityReport;
import io.newsflow.search.api.FacetValue;
import io.newsflow.search.query.ArticleQuery;
import io.newsflow.search.query.EntityKind;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Turns an {@link EntityReport} into what the entity page shows. */
final class EntityPage {
    private EntityPage() {
    }

    static Views.EntityView of(EntityKind kind, EntityReport report, int page, int size) {
        String label = Labels.kind(kind);
        List<RankChart> coMentions = List.of(
                chart("常一同出现的人物", EntityKind.PERSON, report.coMentions().persons()),
                chart("常一同出现的地点", EntityKind.PLACE, report.coMentions().places()),
                chart("常一同出现的机构", EntityKind.ORG, report.coMentions().organizations()));
        String self = Views.entityUrl(kind, report.name());
        long reachable = Math.min(report.total(), ArticleQuery.MAX_WINDOW);
        int pages = (int) Math.max(1, (reachable + size - 1) / size);
        Views.Paging paging = new Views.Paging(page, pages, page > 1 ? self + (page == 2 ? "" : "?page=" + (page - 1)) : null,
                page < pages ? self + "?page=" + (page + 1) : null);
        String search = "/?" + kind.parameter() + "=" + URLEncoder.encode(report.name(), StandardCharsets.UTF_8).replace("+", "%20");
        return new Views.EntityView(kind.parameter(), label, report.name(), report.total(),
                DayChart.of(report.name() + " 每日被提及的文章数", report.timeline()),
                coMentions.stream().filter(c -> !c.isEmpty()).toList(),
                report.articles().stream().map(Views.HitView::of).toList(), search, paging);
    }

    private static RankChart chart(String title, EntityKind kind, List<FacetValue> values) {
        return RankChart.of(title, values, name -> name, name -> Views.entityUrl(kind, name));
    }
}
