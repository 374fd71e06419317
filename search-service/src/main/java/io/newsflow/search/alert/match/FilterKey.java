package io.newsflow.search.alert.match;

import io.newsflow.model.Article;
import io.newsflow.search.query.ArticleFilters;

import java.util.Collection;
import java.util.List;

/**
 * The presearcher's key of an exact filter value: the field and the value, joined by a control character that no
 * indexed word holds, so that {@code persons} 杜小刚 and the word 杜小刚 are different keys.
 */
final class FilterKey {
    private static final char SEPARATOR = '\u001F';

    private FilterKey() {
    }

    static String of(String field, String value) {
        return field + SEPARATOR + value;
    }

    /** Adds the keys of every filterable value of the article. */
    static void addAll(Article article, Collection<String> keys) {
        add("persons", article.persons(), keys);
        add("places", article.places(), keys);
        add("organizations", article.organizations(), keys);
        add("reporters", article.reporters(), keys);
        add("keywords", article.keywords(), keys);
        if (article.category() != null) {
            keys.add(of("category", article.category()));
        }
    }

    /** True when the article passes every filter of a search: the exact values and the event date range. */
    static boolean passes(Article article, ArticleFilters filters) {
        return article.persons().containsAll(filters.persons())
                && article.places().containsAll(filters.places())
                && article.organizations().containsAll(filters.organizations())
                && article.reporters().containsAll(filters.reporters())
                && article.keywords().containsAll(filters.keywords())
                && (filters.categories().isEmpty() || filters.categories().contains(article.category()));
    }

    private static void add(String field, List<String> values, Collection<String> keys) {
        for (String value : values) {
            keys.add(of(field, value));
        }
    }
}
