package io.newsflow.search.web;

import io.newsflow.search.api.FacetValue;
import io.newsflow.search.api.Facets;
import io.newsflow.search.api.SearchResult;
import io.newsflow.search.query.ArticleQuery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a search's result into what the search page shows. */
final class SearchPage {
    private SearchPage() {
    }

    static Views.SearchView of(SearchForm form, ArticleQuery query, SearchResult result) {
        Facets facets = result.facets();
        Map<String, List<FacetValue>> byParameter = new LinkedHashMap<>();
        byParameter.put("person", facets.persons());
        byParameter.put("place", facets.places());
        byParameter.put("org", facets.organizations());
        byParameter.put("reporter", facets.reporters());
        byParameter.put("category", facets.categories());
        byParameter.put("keyword", facets.keywords());
        List<Views.FacetGroup> groups = new ArrayList<>();
        byParameter.forEach((parameter, values) -> {
            if (!values.isEmpty()) {
                groups.add(Views.FacetGroup.of(form, parameter, values));
            }
        });
        return new Views.SearchView(form, null, true, result.total(), result.tookMs(),
                result.hits().stream().map(Views.HitView::of).toList(), groups, active(form),
                DayChart.compact("每日文章数", result.histogram()), paging(form, query.page(), query.size(), result.total()));
    }

    static Views.SearchView invalid(SearchForm form, String message) {
        return new Views.SearchView(form, message, false, 0, 0, List.of(), List.of(), active(form),
                DayChart.of("每日文章数", List.of()), new Views.Paging(1, 1, null, null));
    }

    static List<Views.ActiveFilter> active(SearchForm form) {
        List<Views.ActiveFilter> active = new ArrayList<>();
        for (String parameter : SearchForm.FILTERS) {
            for (String value : form.values(parameter)) {
                active.add(new Views.ActiveFilter(Labels.filter(parameter),
                        "category".equals(parameter) ? Labels.category(value) : value, form.without(parameter, value)));
            }
        }
        return active;
    }

    /** Pages of the result, as many as the result window lets a search reach. */
    static Views.Paging paging(SearchForm form, int page, int size, long total) {
        long reachable = Math.min(total, ArticleQuery.MAX_WINDOW);
        int pages = (int) Math.max(1, (reachable + size - 1) / size);
        return new Views.Paging(page, pages, page > 1 ? form.atPage(page - 1) : null, page < pages ? form.atPage(page + 1) : null);
    }
}
