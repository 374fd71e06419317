package io.newsflow.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** kibana/newsflow.ndjson: Kibana saved objects, one JSON object a line, as the import API takes them. */
final class SavedObjects {
    static final String FILE = "kibana/newsflow.ndjson";
    static final ObjectMapper JSON = new ObjectMapper();

    private SavedObjects() {
    }

    /** Every line parsed; a line that is no JSON object fails with its line number. */
    static List<JsonNode> load() {
        List<JsonNode> objects = new ArrayList<>();
        List<String> lines = Repo.read(FILE).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode node = parse(lines.get(i), FILE + " line " + (i + 1));
            if (!node.isObject()) {
                throw new AssertionError(FILE + " line " + (i + 1) + " is no JSON object");
            }
            objects.add(node);
        }
        return objects;
    }

    static List<JsonNode> ofType(List<JsonNode> objects, String type) {
        return objects.stream().filter(o -> type.equals(o.path("type").asText())).toList();
    }

    static Optional<JsonNode> find(List<JsonNode> objects, String type, String id) {
        return objects.stream().filter(o -> type.equals(o.path("type").asText()) && id.equals(o.path("id").asText())).findFirst();
    }

    /** The reference an object names {@code name} (for example {@code kibanaSavedObjectMeta.searchSourceJSON.index}). */
    static Optional<JsonNode> reference(JsonNode object, String name) {
        for (JsonNode reference : object.path("references")) {
            if (name.equals(reference.path("name").asText())) {
                return Optional.of(reference);
            }
        }
        return Optional.empty();
    }

    /** A JSON document stored as a string attribute, such as {@code visState} or {@code panelsJSON}. */
    static JsonNode parse(String json, String where) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError(where + " is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
