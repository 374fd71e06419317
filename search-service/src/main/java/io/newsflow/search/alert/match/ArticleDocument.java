package io.newsflow.search.alert.match;

import io.newsflow.model.Article;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One article as a one-document index in memory, its text fields analysed as the article index analyses them, and
 * the set of keys the presearcher looks saved searches up by: every indexed word of every text field, and each
 * exact filter value as {@link FilterKey} writes it.
 */
final class ArticleDocument {
    private final Article article;
    private final IndexSearcher searcher;
    private final Set<String> keys;

    private ArticleDocument(Article article, IndexSearcher searcher, Set<String> keys) {
        this.article = article;
        this.searcher = searcher;
        this.keys = keys;
    }

    static ArticleDocument of(Article article, Map<String, Analyzer> fieldAnalyzers) {
        MemoryIndex index = new MemoryIndex();
        for (Map.Entry<String, Analyzer> field : fieldAnalyzers.entrySet()) {
            for (String value : values(article, field.getKey())) {
                index.addField(field.getKey(), value, field.getValue());
            }
        }
        index.freeze();
        IndexSearcher searcher = index.createSearcher();
        Set<String> keys = new HashSet<>();
        try {
            LeafReader reader = (LeafReader) searcher.getIndexReader().leaves().getFirst().reader();
            for (String field : fieldAnalyzers.keySet()) {
                Terms terms = reader.terms(field);
                if (terms == null) {
                    continue;
                }
                TermsEnum words = terms.iterator();
                for (BytesRef word = words.next(); word != null; word = words.next()) {
                    keys.add(word.utf8ToString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading an index held in memory", e); // cannot happen in memory
        }
        FilterKey.addAll(article, keys);
        return new ArticleDocument(article, searcher, keys);
    }

    Article article() {
        return article;
    }

    /** Words and filter values the presearcher looks up. */
    Set<String> keys() {
        return keys;
    }

    boolean matches(Query query) {
        try {
            return searcher.count(query) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("searching an index held in memory", e);
        }
    }

    /** The values an article holds in a field of the index (a sub-field such as {@code body.bigram} reads its parent). */
    private static List<String> values(Article article, String field) {
        int dot = field.indexOf('.');
        String parent = dot < 0 ? field : field.substring(0, dot);
        List<String> values = switch (parent) {
            case "headline" -> article.headline() == null ? List.of() : List.of(article.headline());
            case "subheadlines" -> article.subheadlines();
            case "body" -> article.body() == null ? List.of() : List.of(article.body());
            default -> throw new IllegalArgumentException("no article field " + parent + " for " + field);
        };
        return values;
    }
}
