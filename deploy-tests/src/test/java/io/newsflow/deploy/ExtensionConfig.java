package io.newsflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Configuration keys Quarkus extensions publish in {@code META-INF/quarkus-config-doc/quarkus-config-model.json}
 * (every extension runtime jar carries one), read from the jars on the test class path.
 */
final class ExtensionConfig {
    private static final String MODEL = "META-INF/quarkus-config-doc/quarkus-config-model.json";

    private ExtensionConfig() {
    }

    static Set<String> publishedKeys() {
        Set<String> keys = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        try {
            for (URL model : Collections.list(ExtensionConfig.class.getClassLoader().getResources(MODEL))) {
                try (InputStream in = model.openStream()) {
                    collect(json.readTree(in), keys);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    /** Every {@code "path": {"property": "quarkus.…"}} in the model, however deeply nested. */
    private static void collect(JsonNode node, Set<String> keys) {
        if (node.isObject() && node.path("path").path("property").isTextual()) {
            keys.add(node.path("path").path("property").asText());
        }
        node.forEach(child -> collect(child, keys));
    }
}
