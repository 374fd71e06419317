package io.newsflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The fields of search-service's index definition, by path ({@code headline.bigram} for a multi-field). */
final class IndexMapping {
    static final String FILE = "search-service/src/main/resources/elasticsearch/news-articles-index.json";
    /** Field types Elasticsearch aggregates and sorts on with doc values. */
    private static final Set<String> AGGREGATABLE = Set.of("keyword", "constant_keyword", "date", "date_nanos", "boolean",
            "byte", "short", "integer", "long", "unsigned_long", "float", "half_float", "double", "scaled_float", "ip");

    private record Field(String type, boolean docValues, boolean fielddata) {
    }

    private final Map<String, Field> fields = new TreeMap<>();

    private IndexMapping(JsonNode properties) {
        collect("", properties);
    }

    static IndexMapping load() {
        try {
            return new IndexMapping(new ObjectMapper().readTree(Repo.read(FILE)).path("mappings").path("properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Set<String> fields() {
        return fields.keySet();
    }

    Optional<String> type(String field) {
        return Optional.ofNullable(fields.get(field)).map(Field::type);
    }

    boolean isAggregatable(String field) {
        Field f = fields.get(field);
        return f != null && ((AGGREGATABLE.contains(f.type()) && f.docValues()) || ("text".equals(f.type()) && f.fielddata()));
    }

    private void collect(String prefix, JsonNode properties) {
        properties.properties().forEach(entry -> {
            String path = prefix + entry.getKey();
            JsonNode definition = entry.getValue();
            String type = definition.path("type").asText(definition.has("properties") ? "object" : "");
            fields.put(path, new Field(type, definition.path("doc_values").asBoolean(true), definition.path("fielddata").asBoolean(false)));
            collect(path + ".", definition.path("properties"));
            collect(path + ".", definition.path("fields"));
        });
    }
}
