package io.newsflow.search.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimilarRequestFactoryTest {
    private final SimilarRequestFactory factory = new SimilarRequestFactory();

    @Test
    void asksForArticlesLikeTheReferencedDocumentButNotItself() {
        JsonNode tree = RequestJson.tree(factory.build("news-articles", "news-articles-v1", "abc-1", 5));

        JsonNode mlt = tree.at("/query/bool/must/0/more_like_this");
        assertThat(mlt.get("fields").toString()).isEqualTo("[\"headline\",\"body\"]");
        assertThat(mlt.at("/like/0/_index").asText()).isEqualTo("news-articles-v1");
        assertThat(mlt.at("/like/0/_id").asText()).isEqualTo("abc-1");
        assertThat(mlt.get("min_doc_freq").asInt()).isEqualTo(2);
        assertThat(tree.at("/query/bool/must_not/0/ids/values/0").asText()).isEqualTo("abc-1");
        assertThat(tree.get("size").asInt()).isEqualTo(5);
        assertThat(tree.at("/_source/excludes/0").asText()).isEqualTo("body");
    }

    @Test
    void refusesSizesOutsideOneToHundred() {
        assertThatThrownBy(() -> factory.build("news-articles", "news-articles-v1", "abc-1", 0))
                .isInstanceOf(InvalidQueryException.class).hasMessage("size must be between 1 and 100, was 0");
    }
}
