package io.newsflow.search.web;

import io.newsflow.model.Article;
import io.newsflow.search.api.ArticleStats;
import io.newsflow.search.api.FacetValue;
import io.newsflow.search.api.SearchHit;
import io.newsflow.search.query.EntityKind;
import io.quarkus.qute.TemplateData;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the templates show, prepared in Java so the templates stay simple and every link is built in one place. */
public final class Views {
    private Views() {
    }

    public static String articleUrl(String id) {
        return "/articles/" + encode(id);
    }

    public static String entityUrl(EntityKind kind, String name) {
        return "/entities/" + kind.parameter() + "/" + encode(name);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * One article in a list.
     *
     * @param headlineHtml the headline with its matches marked, as Elasticsearch's html encoder wrote it (the page's
     *                     text escaped, only {@code <em>} marks as markup); null when nothing in it matched
     * @param fragmentsHtml passages of the body with the matches marked, escaped likewise; empty without free text
     */
    @TemplateData // drawn by the included template hit.html, which declares no types
    public record HitView(String id, String url, String headline, String headlineHtml, List<String> fragmentsHtml,
                          String lead, LocalDate eventDate, LocalDate issueDate, List<String> reporters, String category,
                          boolean current) {

        public static HitView of(SearchHit hit) {
            return of(hit, false);
        }

        public static HitView of(SearchHit hit, boolean current) {
            Map<String, List<String>> highlights = hit.highlights() == null ? Map.of() : hit.highlights();
            List<String> headline = highlights.getOrDefault("headline", List.of());
            return new HitView(hit.id(), articleUrl(hit.id()), hit.headline() == null ? "（无标题）" : hit.headline(),
                    headline.isEmpty() ? null : headline.getFirst(), highlights.getOrDefault("body", List.of()),
                    hit.lead(), hit.eventDate(), hit.issueDate(), hit.reporters(), Labels.category(hit.category()), current);
        }
    }

    /** One value of a facet as a link that adds or removes it. */
    public record FacetLink(String value, String label, long count, boolean selected, String url) {
    }

    public record FacetGroup(String parameter, String label, List<FacetLink> values) {
        static FacetGroup of(SearchForm form, String parameter, List<FacetValue> values) {
            boolean categories = "category".equals(parameter);
            return new FacetGroup(parameter, Labels.filter(parameter), values.stream()
                    .map(v -> new FacetLink(v.value(), categories ? Labels.category(v.value()) : v.value(), v.count(),
                            form.selected(parameter, v.value()), form.toggle(parameter, v.value())))
                    .toList());
        }
    }

    /** A selected filter value, shown above the results with a link that removes it. */
    public record ActiveFilter(String label, String value, String removeUrl) {
    }

    /** @param pages pages there are (at most as many as the result window allows) */
    public record Paging(int page, int pages, String previousUrl, String nextUrl) {
        public boolean needed() {
            return pages > 1;
        }
    }

    public record SearchView(SearchForm form, String error, boolean searched, long total, long tookMs, List<HitView> hits,
                             List<FacetGroup> facets, List<ActiveFilter> active, DayChart histogram, Paging paging) {
        public boolean nothingFound() {
            return error == null && total == 0;
        }
    }

    /** A name marked in the text, or a name in a list, with the link to its entity page. */
    public record NameLink(String name, String kindLabel, String kind, String url) {
    }

    public record ArticleView(Article article, String category, List<MarkedText.Paragraph> paragraphs,
                              List<NameLink> names, List<HitView> pageArticles, List<HitView> similar) {
        /** The link of a name marked in the text. */
        public String nameUrl(MarkedText.Piece piece) {
            return entityUrl(piece.kind(), piece.text());
        }

        public String kindLabel(MarkedText.Piece piece) {
            return Labels.kind(piece.kind());
        }
    }

    public record EntityView(String kind, String kindLabel, String name, long total, DayChart timeline,
                             List<RankChart> coMentions, List<HitView> articles, String searchUrl, Paging paging) {
    }

    /** {@code stats} is null when the index did not answer in time, {@code statsProblem} then says why. */
    public record OverviewView(ArticleStats stats, String statsProblem, DayChart perDay, List<RankChart> tops, RankChart categories,
                               PipelineProbe.PipelineState pipeline, String lastIndexedUrl, String lastIndexedAt,
                               OverviewReadings.Alerts alerts) {
    }

    public record ErrorView(int status, String title, String message) {
    }
}
