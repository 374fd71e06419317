package io.newsflow.search.alert.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.analysis.NewsflowAnalyzers;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The analyzer of each text field searched, read from the index definition ({@code news-articles-index.json}, the
 * one source of truth for it), so that an article is analysed in memory exactly as the node analyses it. An analyzer
 * name this class cannot build stops the start: matching with another analysis than the index would silently
 * disagree with {@code /api/search}.
 */
public final class IndexTextFields {
    private static final Map<String, java.util.function.Supplier<Analyzer>> KNOWN = Map.of(
            "newsflow_text", NewsflowAnalyzers::text,
            "newsflow_bigram", NewsflowAnalyzers::bigram);

    private final Map<String, Analyzer> indexAnalyzers;
    private final Map<String, Analyzer> searchAnalyzers;

    private IndexTextFields(Map<String, Analyzer> indexAnalyzers, Map<String, Analyzer> searchAnalyzers) {
        this.indexAnalyzers = Map.copyOf(indexAnalyzers);
        this.searchAnalyzers = Map.copyOf(searchAnalyzers);
    }

    /** Reads the analyzers of {@code fields} (names like {@code body} or {@code body.bigram}) from an index definition. */
    public static IndexTextFields fromDefinition(InputStream definition, Set<String> fields) {
        JsonNode properties;
        try {
            properties = new ObjectMapper().readTree(definition).path("mappings").path("properties");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index definition", e);
        }
        Map<String, Analyzer> built = new LinkedHashMap<>();
        Map<String, Analyzer> index = new LinkedHashMap<>();
        Map<String, Analyzer> search = new LinkedHashMap<>();
        for (String field : fields) {
            int dot = field.indexOf('.');
            JsonNode mapping = dot < 0 ? properties.path(field)
                    : properties.path(field.substring(0, dot)).path("fields").path(field.substring(dot + 1));
            if (!"text".equals(mapping.path("type").asText())) {
                throw new IllegalStateException("field " + field + " is not a text field of the index definition");
            }
            String indexName = mapping.path("analyzer").asText("standard");
            String searchName = mapping.path("search_analyzer").asText(indexName);
            index.put(field, analyzer(indexName, field, built));
            search.put(field, analyzer(searchName, field, built));
        }
        return new IndexTextFields(index, search);
    }

    /** The fields read, with the analyzer that indexes each. */
    public Map<String, Analyzer> indexAnalyzers() {
        return indexAnalyzers;
    }

    /** One analyzer that analyses each field's query text as the node's search analyzer of that field does. */
    public Analyzer searchAnalyzer() {
        return new PerFieldAnalyzerWrapper(NewsflowAnalyzers.text(), searchAnalyzers);
    }

    private static Analyzer analyzer(String name, String field, Map<String, Analyzer> built) {
        var factory = KNOWN.get(name);
        if (factory == null) {
            throw new IllegalStateException("field " + field + " uses analyzer " + name
                    + ", which saved-search matching cannot reproduce; known: " + KNOWN.keySet());
        }
        return built.computeIfAbsent(name, n -> factory.get());
    }
}
