package io.newsflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelJsonTest {

    private static final String SHA = "d79d82bd7f5a97080123456789abcdef0123456789abcdef0123456789abcdef";

    @Test
    void pageRoundTripsThroughJsonWithContractFieldNames() throws Exception {
        Page page = new Page(SHA, "2023-12-21.txt", LocalDate.of(2023, 12, 21), IssueDateSource.FILENAME,
                "UTF-8", "本报讯 12月20日……", 8815, Instant.parse("2023-12-21T08:00:00Z"));

        String json = NewsJson.mapper().writeValueAsString(page);
        JsonNode tree = NewsJson.mapper().readTree(json);

        assertThat(tree.get("issueDate").asText()).isEqualTo("2023-12-21");
        assertThat(tree.get("issueDateSource").asText()).isEqualTo("filename");
        assertThat(tree.get("receivedAt").asText()).isEqualTo("2023-12-21T08:00:00Z");
        assertThat(tree.fieldNames()).toIterable().containsExactly(
                "sha256", "fileName", "issueDate", "issueDateSource", "charset", "text", "sizeBytes", "receivedAt");
        assertThat(NewsJson.mapper().readValue(json, Page.class)).isEqualTo(page);
    }

    @Test
    void articleRoundTripsThroughJsonWithContractFieldNames() throws Exception {
        Article article = new Article(Article.idOf(SHA, 2), 2, SHA, "000.txt", LocalDate.of(2023, 12, 21),
                "市委常委会召开会议", List.of("学习贯彻"), "本报讯 12月19日，市委书记杜小刚主持召开会议。", "本报讯 12月19日，市委书记杜小刚主持召开会议。",
                LocalDate.of(2023, 12, 19), List.of(LocalDate.of(2023, 12, 19)), List.of("高美梅"), List.of("杜小刚"), List.of("无锡"), List.of("市委"),
                List.of("会议"), "politics", 24, Instant.parse("2023-12-21T08:00:01Z"), "0.1.0");

        String json = NewsJson.mapper().writeValueAsString(article);
        JsonNode tree = NewsJson.mapper().readTree(json);

        assertThat(tree.get("id").asText()).isEqualTo("d79d82bd7f5a9708-2");
        assertThat(tree.get("eventDate").asText()).isEqualTo("2023-12-19");
        assertThat(tree.fieldNames()).toIterable().containsExactly(
                "id", "ordinal", "pageSha256", "sourceFile", "issueDate", "headline", "subheadlines", "body", "lead",
                "eventDate", "dates", "reporters", "persons", "places", "organizations", "keywords", "category", "charCount",
                "enrichedAt", "pipelineVersion");
        assertThat(NewsJson.mapper().readValue(json, Article.class)).isEqualTo(article);
    }

    @Test
    void missingDatesAndListsReadAsNullAndEmpty() throws Exception {
        Article article = NewsJson.mapper().readValue("{\"id\":\"abc-1\",\"ordinal\":1,\"futureField\":true}", Article.class);

        assertThat(article.issueDate()).isNull();
        assertThat(article.persons()).isEmpty();
        assertThat(article.subheadlines()).isEmpty();
    }

    @Test
    void articleIdIsFirstSixteenHexOfPageHashAndOrdinal() {
        assertThat(Article.idOf(SHA, 7)).isEqualTo("d79d82bd7f5a9708-7");
        assertThatThrownBy(() -> Article.idOf("abc", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Article.idOf(SHA, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
