package io.newsflow.search.query;

import java.time.LocalDate;

/**
 * What a search looks for, without paging or order: the free text, the exact filters and the event date range.
 * The rules are {@link ArticleQuery}'s (text length and syntax, filter values, {@code from} not after {@code to}),
 * so a saved search refuses exactly what {@code /api/search} refuses.
 *
 * @param text    free text as {@code /api/search}'s {@code q}, normalised (Chinese quotes become {@code "}); may be empty
 * @param filters exact filters
 * @param from    first event date, or {@code null}
 * @param to      last event date, or {@code null}
 */
public record SearchCriteria(String text, ArticleFilters filters, LocalDate from, LocalDate to) {
    public SearchCriteria {
        ArticleQuery checked = new ArticleQuery(text, filters, from, to, ArticleSort.RELEVANCE, 1, 1);
        text = checked.text();
        filters = checked.filters();
    }

    /** The search for one page of what these criteria find. */
    public ArticleQuery query(ArticleSort sort, int page, int size) {
        return new ArticleQuery(text, filters, from, to, sort, page, size);
    }

    /** True when nothing narrows the search: every article matches. */
    public boolean isEmpty() {
        ArticleFilters f = filters;
        return text.isEmpty() && from == null && to == null && f.persons().isEmpty() && f.places().isEmpty()
                && f.organizations().isEmpty() && f.reporters().isEmpty() && f.categories().isEmpty()
                && f.keywords().isEmpty();
    }
}
