package io.newsflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The names dictionary inside a real node: the node copies the given names file into
 * {@code config/newsflow-analysis/names.txt}, the plugin reads it (entitlement policy) and HanLP keeps a
 * listed name as one token, at index and at query time.
 */
class NamesDictionaryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INDEX = "names-it";
    /** HanLP alone splits this name: 叶航|雨. */
    private static final String NAME = "叶航雨";

    private static Path namesDir;
    private static LoneNode es;

    @BeforeAll
    static void startNode() throws Exception {
        // the node's work folder is handed to the node user; the names file stays with this JVM's user
        namesDir = Files.createTempDirectory("newsflow-names-file-");
        Path names = namesDir.resolve("names.txt");
        Files.writeString(names, """
                # test names
                %s nr
                this line is malformed
                """.formatted(NAME), StandardCharsets.UTF_8);
        es = LoneNode.start("newsflow-names-it-", names);
    }

    @AfterAll
    static void stopNode() throws IOException {
        if (es != null) {
            es.close();
        }
        if (namesDir != null) {
            FileTrees.deleteRecursively(namesDir);
        }
    }

    @Test
    void listedNameIsOneTokenOfTheHanlpTokenizer() throws Exception {
        JsonNode response = es.ok("POST", "/_analyze",
                "{\"tokenizer\": \"newsflow_hanlp\", \"text\": \"" + NAME + "主持召开会议\"}");
        List<String> tokens = new ArrayList<>();
        response.get("tokens").forEach(t -> tokens.add(t.get("token").asText() + "/" + t.get("type").asText()));
        assertThat(tokens).containsExactly(NAME + "/nr", "主持/v", "召开/v", "会议/n");
    }

    @Test
    void nameIsOneTermInTheIndexAndInQueries() throws Exception {
        es.ok("PUT", "/" + INDEX, """
                {"settings": {"number_of_shards": 1, "number_of_replicas": 0,
                   "analysis": {"analyzer": {"body_hanlp": {"type": "custom", "tokenizer": "newsflow_hanlp"}}}},
                 "mappings": {"properties": {"body": {"type": "text", "analyzer": "body_hanlp"}}}}""");
        es.ok("PUT", "/" + INDEX + "/_doc/1?refresh=true",
                JSON.writeValueAsString(java.util.Map.of("body", "本报讯 " + NAME + "主持召开会议。")));
        assertThat(hits("{\"query\": {\"match\": {\"body\": \"" + NAME + "\"}}}")).isEqualTo(1);
        // 叶航 is no term of the body any more: the name was indexed whole
        assertThat(hits("{\"query\": {\"match\": {\"body\": \"叶航\"}}}")).isZero();
    }

    @Test
    void nodeLogsTheLoadedFileAndTheSkippedLine() throws Exception {
        Path conf = es.workDir().resolve("config/newsflow-analysis/names.txt");
        assertThat(conf).content(StandardCharsets.UTF_8).contains(NAME + " nr");
        es.ok("POST", "/_analyze", "{\"tokenizer\": \"newsflow_hanlp\", \"text\": \"会议\"}");
        String log = Files.readString(es.workDir().resolve("logs/" + ElasticsearchNode.CLUSTER_NAME + ".log"));
        assertThat(log).contains("added 1 names to HanLP").contains("skipped line 3:");
    }

    @Test
    void pluginInstallerPutsTheShippedNamesFileIntoTheConfigFolder() {
        // the stable-plugin installer copies the zip's config/ into <ES config>/newsflow-analysis/
        assertThat(es.workDir().resolve("es-home/config/newsflow-analysis/names.txt"))
                .content(StandardCharsets.UTF_8).startsWith("# newsflow names dictionary");
    }

    private static int hits(String query) throws Exception {
        return es.ok("POST", "/" + INDEX + "/_search", query).path("hits").path("total").path("value").asInt();
    }
}
