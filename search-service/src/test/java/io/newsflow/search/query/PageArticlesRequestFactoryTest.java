package io.newsflow.search.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageArticlesRequestFactoryTest {

    @Test
    void findsTheArticlesOfOnePageInReadingOrderWithoutTheirBodies() {
        JsonNode tree = RequestJson.tree(new PageArticlesRequestFactory().build("news-articles", "a44da1649ee1097e00"));

        assertThat(tree.at("/query/bool/filter/0/term/pageSha256/value").asText()).isEqualTo("a44da1649ee1097e00");
        assertThat(tree.at("/sort/0/ordinal/order").asText()).isEqualTo("asc");
        assertThat(tree.at("/size").asInt()).isEqualTo(PageArticlesRequestFactory.MAX_ARTICLES);
        assertThat(tree.at("/_source/excludes/0").asText()).isEqualTo("body");
    }
}
