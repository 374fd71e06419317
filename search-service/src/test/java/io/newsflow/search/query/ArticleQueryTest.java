package io.newsflow.search.query;

import co.elastic.clients.json.JsonpUtils;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleQueryTest {

    @Test
    void rejectsSizesOutsideOneToHundred() {
        assertThatThrownBy(() -> new ArticleQuery("杜小刚", 1, 0)).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("size must be between 1 and 100");
        assertThatThrownBy(() -> new ArticleQuery("杜小刚", 1, 101)).isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void refusesDeepPagingWithAClearMessage() {
        assertThatThrownBy(() -> new ArticleQuery("杜小刚", 101, 100)).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("10000");
        assertThat(new ArticleQuery("杜小刚", 100, 100).from()).isEqualTo(9_900);
    }

    @Test
    void userTextOnlyEverBecomesTheTextOfASimpleQueryString() {
        String hostile = "\"}}, \"script\": {\"source\": \"boom\"} 杜小刚";

        String json = JsonpUtils.toJsonString(new SearchRequestFactory().build(new ArticleQuery(hostile, 2, 10), "news-articles"),
                new co.elastic.clients.json.jackson.JacksonJsonpMapper());

        assertThat(json).contains("\"simple_query_string\"").doesNotContain("\"script\":{");
        assertThat(json).contains("\"from\":10").contains("\"size\":10");
        assertThat(json).contains("\"pre_tags\":[\"<em>\"]");
    }

    @Test
    void emptyTextListsNewestArticlesFirst() {
        String json = JsonpUtils.toJsonString(new SearchRequestFactory().build(new ArticleQuery("  ", 1, 10), "news-articles"),
                new co.elastic.clients.json.jackson.JacksonJsonpMapper());

        assertThat(json).contains("\"match_all\"").contains("\"eventDate\"").contains("\"desc\"");
    }
}
