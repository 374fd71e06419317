package io.newsflow.search.alert.match;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;

import java.util.Map;

/**
 * Turns the free text of a search into the Lucene query Elasticsearch runs for it. {@code /api/search} sends the text
 * as a {@code simple_query_string} over {@link io.newsflow.search.query.SearchRequestFactory#TEXT_FIELD_WEIGHTS}
 * with default operator AND; Elasticsearch parses it with Lucene's {@link SimpleQueryParser} (all operators on) and
 * builds each word, phrase, prefix and fuzzy term per field with that field's search analyzer, the fields joined by
 * "any". This does the same with the same parser, so the same text gives a query that matches the same articles
 * (scores aside, which alerts do not use).
 */
final class TextQueryCompiler {
    private final Analyzer searchAnalyzer;
    private final Map<String, Float> weights;

    TextQueryCompiler(Analyzer searchAnalyzer, Map<String, Float> weights) {
        this.searchAnalyzer = searchAnalyzer;
        this.weights = Map.copyOf(weights);
    }

    /** The query of a non-empty text; Lucene's parser never refuses text (ArticleQuery's checks ran before). */
    Query compile(String text) {
        // a parser per call: it keeps parse state in fields
        SimpleQueryParser parser = new SimpleQueryParser(searchAnalyzer, weights);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        return parser.parse(text);
    }
}
