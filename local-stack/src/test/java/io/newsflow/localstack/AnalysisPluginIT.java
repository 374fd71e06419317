package io.newsflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
    private static final String INDEX = "analysis-it";

    private static final String DOC_1 = "本报讯（记者 高美梅）12月20日，市委书记杜小刚主持召开会议，\n研究部署明年经济工作。";
    private static final String DOC_2 = "杜小刚会见客人。会议由市长主持，全体成员参加。";
    private static final String DOC_3 = "ＡＢＣ公司发布新品。";

    private static LoneNode es;

    @BeforeAll
    static void startNode() throws Exception {
        es = LoneNode.start("newsflow-es-it-", null);

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
        es.ok("PUT", "/" + INDEX, analysis);
        int id = 1;
        for (String body : List.of(DOC_1, DOC_2, DOC_3)) {
            es.ok("PUT", "/" + INDEX + "/_doc/" + id++, JSON.writeValueAsString(Map.of("body", body)));
        }
        es.ok("POST", "/" + INDEX + "/_refresh", null);
    }

    @AfterAll
    static void stopNode() throws IOException {
        if (es != null) {
            es.close();
            // exited: gone, or a zombie until init collects it (the node was started as a daemon, init is its parent)
            assertThat(ChildProcesses.isAlive(es.pid())).isFalse();
        }
    }

    @Test
    void hanlpTokenizerSegmentsWithOffsets() throws Exception {
        JsonNode tokens = es.ok("POST", "/_analyze",
                "{\"tokenizer\": \"newsflow_hanlp\", \"text\": \"市委书记杜小刚主持召开会议\"}").get("tokens");
        List<String> seen = new ArrayList<>();
        for (JsonNode t : tokens) {
            seen.add(t.get("token").asText() + "@" + t.get("start_offset").asInt() + "-" + t.get("end_offset").asInt()
                    + "#" + t.get("position").asInt());
        }
        assertThat(seen).containsExactly("市委@0-2#0", "书记@2-4#1", "杜小刚@4-7#2", "主持@7-9#3", "召开@9-11#4", "会议@11-13#5");
    }

    @Test
    void filtersWorkInsideTheNode() throws Exception {
        JsonNode width = es.ok("POST", "/_analyze",
                "{\"tokenizer\": \"newsflow_hanlp\", \"filter\": [\"newsflow_cjk_width\", \"lowercase\"], \"text\": \"ＡＢＣ公司\"}");
        assertThat(terms(width)).containsExactly("abc", "公司");

        // also proves that @AnalysisSettings reach the filter
        JsonNode bigrams = es.ok("POST", "/_analyze", """
                {"tokenizer": "standard", "filter": [{"type": "newsflow_cjk_bigram", "output_unigrams": true}], "text": "书记"}""");
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
        JsonNode response = es.ok("POST", "/" + INDEX + "/_search", """
                {"query": {"bool": {"filter": {"ids": {"values": ["%s"]}}, "must": {"match_phrase": {"body": %s}}}},
                 "highlight": {"fields": {"body": {"number_of_fragments": 0}}}}""".formatted(id, JSON.writeValueAsString(query)));
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
        JsonNode response = es.ok("POST", "/" + INDEX + "/_search", body);
        List<String> ids = new ArrayList<>();
        response.path("hits").path("hits").forEach(h -> ids.add(h.get("_id").asText()));
        return ids;
    }

    private static List<String> terms(JsonNode analyzeResponse) {
        List<String> terms = new ArrayList<>();
        analyzeResponse.get("tokens").forEach(t -> terms.add(t.get("token").asText()));
        return terms;
    }
}
