package io.newsflow.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorBodyTest {

    @Test
    void everyAnswerGetsItsOwnShortId() {
        ErrorBody first = new ErrorBody(503, "the search index is not reachable right now");
        ErrorBody second = new ErrorBody(503, "the search index is not reachable right now");
        assertThat(first.id()).matches("[0-9a-f]{12}");
        assertThat(second.id()).matches("[0-9a-f]{12}").isNotEqualTo(first.id());
        assertThat(first.status()).isEqualTo(503);
    }
}
