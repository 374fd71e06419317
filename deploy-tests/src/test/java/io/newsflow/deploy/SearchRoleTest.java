package io.newsflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * search-service's Elasticsearch role is the same on the local run (the node's file realm reads
 * {@code config/elasticsearch/roles.yml}) and in compose (es-setup creates it through the API): what is tested
 * locally is what production grants.
 */
class SearchRoleTest {

    @Test
    @SuppressWarnings("unchecked")
    void composeGrantsSearchServiceWhatTheLocalStackDoes() throws Exception {
        Map<String, Object> roles = new Yaml().load(Repo.read("config/elasticsearch/roles.yml"));
        Map<String, Object> local = (Map<String, Object>) roles.get("newsflow_search");
        assertThat(local).as("config/elasticsearch/roles.yml defines newsflow_search").isNotNull();
        List<Map<String, Object>> localIndices = (List<Map<String, Object>>) local.get("indices");

        JsonNode compose = KibanaAccessTest.role("newsflow_search");
        assertThat(texts(compose.path("cluster"))).containsExactlyInAnyOrderElementsOf((List<String>) local.get("cluster"));
        assertThat(compose.path("indices")).hasSize(localIndices.size()).hasSize(1);
        assertThat(texts(compose.path("indices").get(0).path("names")))
                .containsExactlyInAnyOrderElementsOf((List<String>) localIndices.get(0).get("names"))
                .containsExactly("news-articles*");
        assertThat(texts(compose.path("indices").get(0).path("privileges")))
                .containsExactlyInAnyOrderElementsOf((List<String>) localIndices.get(0).get("privileges"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
