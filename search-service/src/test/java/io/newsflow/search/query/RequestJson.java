package io.newsflow.search.query;

import co.elastic.clients.json.JsonpSerializable;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON a typed request sends to Elasticsearch, as text and as a tree to point into. */
final class RequestJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RequestJson() {
    }

    static String text(JsonpSerializable request) {
        return JsonpUtils.toJsonString(request, new JacksonJsonpMapper());
    }

    static JsonNode tree(JsonpSerializable request) {
        try {
            return MAPPER.readTree(text(request));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
