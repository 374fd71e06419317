package io.newsflow.search.alert.match;

import io.newsflow.model.Article;
import io.newsflow.search.query.ArticleFilters;
import io.newsflow.search.query.SearchCriteria;
import io.newsflow.search.query.SearchRequestFactory;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Matches each new article against every saved search, with the rule the tests hold it to: a saved search matches
 * an article exactly when {@code /api/search} with its criteria returns that article.
 *
 * <p>The free text runs as the query Elasticsearch builds for it ({@link TextQueryCompiler}) over the article indexed
 * alone in memory with the index's own analyzers ({@link ArticleDocument}); the filters and the date range are
 * compared as Elasticsearch's {@code term}, {@code terms} and {@code range} filters compare them. So that an article
 * does not run every saved search, each search is filed under its anchors, values of which a matching article must
 * hold one (an exact filter value, else the words of its text, {@link QueryAnchors}, else its categories); an article
 * runs only the searches filed under one of its words or values, plus the few that have no anchor.
 *
 * <p>Thread-safe: searches may be put and removed while articles are matched.
 */
public final class SavedSearchMatcher {
    private final TextQueryCompiler compiler;
    private final Map<String, Analyzer> fieldAnalyzers;
    private final Map<String, Compiled> searches = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> byAnchor = new ConcurrentHashMap<>();
    private final Set<String> unanchored = ConcurrentHashMap.newKeySet();

    private record Compiled(String id, SearchCriteria criteria, Query text, Set<String> anchors) {
    }

    public SavedSearchMatcher(IndexTextFields fields) {
        this.compiler = new TextQueryCompiler(fields.searchAnalyzer(), SearchRequestFactory.TEXT_FIELD_WEIGHTS);
        this.fieldAnalyzers = fields.indexAnalyzers();
    }

    /** A matcher over the text fields of {@code /api/search}, analysed as the given index definition says. */
    public static SavedSearchMatcher forIndexDefinition(InputStream definition) {
        return new SavedSearchMatcher(IndexTextFields.fromDefinition(definition, SearchRequestFactory.TEXT_FIELD_WEIGHTS.keySet()));
    }

    /** Adds a saved search, or replaces the one with this id. */
    public void put(String id, SearchCriteria criteria) {
        Query text = criteria.text().isEmpty() ? null : compiler.compile(criteria.text());
        Set<String> anchors = anchors(criteria, text);
        Compiled compiled = new Compiled(id, criteria, text, anchors);
        synchronized (this) {
            unfile(searches.put(id, compiled));
            if (anchors == null) {
                unanchored.add(id);
            } else {
                anchors.forEach(a -> byAnchor.computeIfAbsent(a, k -> ConcurrentHashMap.newKeySet()).add(id));
            }
        }
    }

    /** Removes a saved search; false when there was none with this id. */
    public synchronized boolean remove(String id) {
        Compiled removed = searches.remove(id);
        unfile(removed);
        return removed != null;
    }

    public int size() {
        return searches.size();
    }

    /** The ids of the saved searches the article matches, each once, in no particular order. */
    public List<String> matches(Article article) {
        if (searches.isEmpty()) {
            return List.of(); // no analysis at all: indexing costs nothing more while nobody keeps a saved search
        }
        ArticleDocument document = ArticleDocument.of(article, fieldAnalyzers);
        Set<String> candidates = new HashSet<>(unanchored);
        for (String key : document.keys()) {
            Set<String> filed = byAnchor.get(key);
            if (filed != null) {
                candidates.addAll(filed);
            }
        }
        List<String> matched = new ArrayList<>();
        for (String id : candidates) {
            Compiled search = searches.get(id);
            if (search != null && matches(search, document)) {
                matched.add(id);
            }
        }
        return matched;
    }

    /** The same answer as {@link #matches} by running every saved search: the baseline the presearcher is measured against. */
    public List<String> matchesByRunningEverySearch(Article article) {
        ArticleDocument document = ArticleDocument.of(article, fieldAnalyzers);
        List<String> matched = new ArrayList<>();
        for (Compiled search : searches.values()) {
            if (matches(search, document)) {
                matched.add(search.id());
            }
        }
        return matched;
    }

    /** How many saved searches have no anchor and run for every article (a health figure: few is good). */
    public int unanchoredCount() {
        return unanchored.size();
    }

    private static boolean matches(Compiled search, ArticleDocument document) {
        SearchCriteria criteria = search.criteria();
        Article article = document.article();
        if (!FilterKey.passes(article, criteria.filters()) || !inRange(article.eventDate(), criteria.from(), criteria.to())) {
            return false;
        }
        return search.text() == null || document.matches(search.text());
    }

    /** As the range filter: with a range given, an article without an event date is out. */
    private static boolean inRange(LocalDate date, LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return true;
        }
        return date != null && (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }

    private void unfile(Compiled old) {
        if (old == null) {
            return;
        }
        if (old.anchors() == null) {
            unanchored.remove(old.id());
            return;
        }
        for (String anchor : old.anchors()) {
            Set<String> filed = byAnchor.get(anchor);
            if (filed != null) {
                filed.remove(old.id());
                if (filed.isEmpty()) {
                    byAnchor.remove(anchor, filed);
                }
            }
        }
    }

    /**
     * Where a search is filed: the longest exact value it requires (persons, places, organisations, reporters,
     * keywords: the rarest keys), else its text's anchors, else its categories; {@code null} when nothing is required.
     */
    private static Set<String> anchors(SearchCriteria criteria, Query text) {
        ArticleFilters filters = criteria.filters();
        List<String> exact = new ArrayList<>();
        filters.persons().forEach(v -> exact.add(FilterKey.of("persons", v)));
        filters.places().forEach(v -> exact.add(FilterKey.of("places", v)));
        filters.organizations().forEach(v -> exact.add(FilterKey.of("organizations", v)));
        filters.reporters().forEach(v -> exact.add(FilterKey.of("reporters", v)));
        filters.keywords().forEach(v -> exact.add(FilterKey.of("keywords", v)));
        if (!exact.isEmpty()) {
            return Set.of(exact.stream().max(Comparator.comparingInt(String::length)).orElseThrow());
        }
        Set<String> textAnchors = text == null ? null : QueryAnchors.of(text);
        if (textAnchors != null) {
            return textAnchors;
        }
        if (!filters.categories().isEmpty()) {
            Set<String> categories = new HashSet<>();
            filters.categories().forEach(v -> categories.add(FilterKey.of("category", v)));
            return categories;
        }
        return null;
    }
}
