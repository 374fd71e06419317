package io.newsflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analysis plugin inside a real Elasticsearch node: segmentation, offsets, phrase and bigram search,
 * highlighting. Starts its own node on a free port in a temporary work folder.
 */
class AnalysisPluginIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String INDEX = "analysis-it";

    private static final String DOC_1 = "本报讯（记者 高美梅）12月20日，市委书记杜小刚主持召开会议，\n研究部署明年经济工作。";
    private static final String DOC_2 = "杜小刚会见客人。会议由市长主持，全体成员参加。";
    private static final String DOC_3 = "ＡＢＣ公司发布新品。";

    private static Path workDir;
    private static ElasticsearchNode node;
    private static Thread killOnExit;

    @BeforeAll
    static void startNode() throws Exception {
        StackArtifacts artifacts = StackArtifacts.fromBuild();
        workDir = Files.createTempDirectory("newsflow-es-it-");
        Path cacheDir = Path.of(System.getProperty("newsflow.cache.dir",
                Path.of(System.getProperty("user.home"), ".cache", "newsflow").toString()));
        // this JVM's own JDK when it is new enough (Maven's, here), else an explicit one
        Path javaHome = Path.of(System.getProperty("newsflow.es.java.home", System.getProperty("java.home")));
        node = ElasticsearchNode.start(new ElasticsearchNode.Options(
                artifacts.elasticsearchDistribution(),
                artifacts.analysisPlugin(),
                cacheDir, workDir, FreePorts.next(), 384, javaHome, null, artifacts.elasticsearchRoles(),
                ElasticsearchUsers.ensure(workDir.resolve("credentials"))));
        // a JVM killed mid-test must not leave a 500 MB node behind
        killOnExit = new Thread(node::stop, "stop-elasticsearch");
        Runtime.getRuntime().addShutdownHook(killOnExit);

        String analysis = """
                {
                  "settings": {
                    "number_of_shards": 1, "number_of_replicas": 0,
                    "analysis": {
                      "analyzer": {
                        "body_hanlp":  {"type": "custom", "tokenizer": "newsflow_hanlp", "filter": ["newsflow_cjk_width", "lowercase"]},
                        "body_bigram": {"type": "custom", "tokenizer": "standard", "filter": ["newsflow_cjk_width", "lowercase", "newsflow_cjk_bigram"]}
                      }
                    }
                  },
                  "mappings": {
                    "properties": {
                      "body": {"type": "text", "analyzer": "body_hanlp",
                               "fields": {"bigram": {"type": "text", "analyzer": "body_bigram"}}}
                    }
                  }
                }""";
        assertOk(send("PUT", "/" + INDEX, analysis));
        int id = 1;
        for (String body : List.of(DOC_1, DOC_2, DOC_3)) {
            assertOk(send("PUT", "/" + INDEX + "/_doc/" + id++, JSON.writeValueAsString(Map.of("body", body))));
        }
        assertOk(send("POST", "/" + INDEX + "/_refresh", null));
    }

    @AfterAll
    static void stopNode() throws IOException {
        if (node != null) {
            node.stop();
            Runtime.getRuntime().removeShutdownHook(killOnExit);
            assertThat(ProcessHandle.of(node.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
        if (workDir != null) {
            FileTrees.deleteRecursively(workDir);
        }
    }

    @Test
    void hanlpTokenizerSegmentsWithOffsets() throws Exception {
        JsonNode tokens = assertOk(send("POST", "/_analyze",
                "{\"tokenizer\": \"newsflow_hanlp\", \"text\": \"市委书记杜小刚主持召开会议\"}")).get("tokens");
        List<String> seen = new ArrayList<>();
        for (JsonNode t : tokens) {
            seen.add(t.get("token").asText() + "@" + t.get("start_offset").asInt() + "-" + t.get("end_offset").asInt()
                    + "#" + t.get("position").asInt());
        }
        assertThat(seen).containsExactly("市委@0-2#0", "书记@2-4#1", "杜小刚@4-7#2", "主持@7-9#3", "召开@9-11#4", "会议@11-13#5");
    }

    @Test
    void filtersWorkInsideTheNode() throws Exception {
        JsonNode width = assertOk(send("POST", "/_analyze",
                "{\"tokenizer\": \"newsflow_hanlp\", \"filter\": [\"newsflow_cjk_width\", \"lowercase\"], \"text\": \"ＡＢＣ公司\"}"));
        assertThat(terms(width)).containsExactly("abc", "公司");

        // also proves that @AnalysisSettings reach the filter
        JsonNode bigrams = assertOk(send("POST", "/_analyze", """
                {"tokenizer": "standard", "filter": [{"type": "newsflow_cjk_bigram", "output_unigrams": true}], "text": "书记"}"""));
        assertThat(terms(bigrams)).containsExactly("书", "书记", "记");
    }

    @Test
    void matchFindsWordsSegmentedByHanlp() throws Exception {
        assertThat(search("{\"query\": {\"match\": {\"body\": \"会议\"}}}")).containsExactlyInAnyOrder("1", "2");
        assertThat(search("{\"query\": {\"match\": {\"body\": \"abc\"}}}")).containsExactly("3");
    }

    @Test
    void matchPhraseFindsOnlyTheDocumentWithThePhrase() throws Exception {
        assertThat(search("{\"query\": {\"match_phrase\": {\"body\": \"杜小刚主持召开会议\"}}}")).containsExactly("1");
        assertThat(search("{\"query\": {\"match_phrase\": {\"body\": \"杜小刚会见\"}}}")).containsExactly("2");
    }

    @Test
    void bigramSubFieldFindsFragmentsAcrossHanlpWords() throws Exception {
        // HanLP makes 书记|杜小刚, so "记杜" is no word of the body field, but it is a bigram of the text
        assertThat(search("{\"query\": {\"match_phrase\": {\"body\": \"记杜\"}}}")).isEmpty();
        assertThat(search("{\"query\": {\"match_phrase\": {\"body.bigram\": \"记杜\"}}}")).containsExactly("1");
        assertThat(search("{\"query\": {\"match_phrase\": {\"body.bigram\": \"小刚会见\"}}}")).containsExactly("2");
    }

    @Test
    void highlightMarksExactlyTheSearchedWords() throws Exception {
        assertHighlighted("杜小刚", "1", DOC_1);
        assertHighlighted("研究", "1", DOC_1);           // after a line break: offsets must not drift
        assertHighlighted("abc", "3", DOC_3, "ＡＢＣ");   // width-folded term, original text highlighted
    }

    private static void assertHighlighted(String query, String id, String original) throws Exception {
        assertHighlighted(query, id, original, query);
    }

    private static void assertHighlighted(String query, String id, String original, String expectedMarked) throws Exception {
        JsonNode response = assertOk(send("POST", "/" + INDEX + "/_search", """
                {"query": {"bool": {"filter": {"ids": {"values": ["%s"]}}, "must": {"match_phrase": {"body": %s}}}},
                 "highlight": {"fields": {"body": {"number_of_fragments": 0}}}}""".formatted(id, JSON.writeValueAsString(query))));
        JsonNode hits = response.path("hits").path("hits");
        assertThat(hits).as("hits for %s", query).hasSize(1);
        String fragment = hits.get(0).path("highlight").path("body").get(0).asText();
        List<String> marked = new ArrayList<>();
        Matcher m = Pattern.compile("<em>(.*?)</em>").matcher(fragment);
        while (m.find()) {
            marked.add(m.group(1));
        }
        assertThat(marked).as("highlight %s", fragment).isNotEmpty().allMatch(expectedMarked::equals);
        assertThat(fragment.replace("<em>", "").replace("</em>", "")).isEqualTo(original);
    }

    private static List<String> search(String body) throws Exception {
        JsonNode response = assertOk(send("POST", "/" + INDEX + "/_search", body));
        List<String> ids = new ArrayList<>();
        response.path("hits").path("hits").forEach(h -> ids.add(h.get("_id").asText()));
        return ids;
    }

    private static List<String> terms(JsonNode analyzeResponse) {
        List<String> terms = new ArrayList<>();
        analyzeResponse.get("tokens").forEach(t -> terms.add(t.get("token").asText()));
        return terms;
    }

    private static HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = node.request(path)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode assertOk(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as("%s %s", response.request().uri(), response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }
}
