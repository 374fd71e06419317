package io.newsflow.search.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormOriginTest {

    @Test
    void aFormOfThisSiteIsTakenAsTheBrowserLabelsIt() {
        assertThat(FormOrigin.sameOrigin("same-origin", "http://localhost:8080", "localhost:8080")).isTrue();
        // no Sec-Fetch-Site over plain http to a host that is not localhost: the Origin tells
        assertThat(FormOrigin.sameOrigin(null, "http://news.example:8080", "news.example:8080")).isTrue();
        assertThat(FormOrigin.sameOrigin(null, "https://News.Example", "news.example:443")).isTrue();
        assertThat(FormOrigin.sameOrigin(null, "http://news.example", "news.example")).isTrue();
    }

    @Test
    void aFormAnotherSiteSentIsRefused() {
        assertThat(FormOrigin.sameOrigin("cross-site", "https://evil.example", "localhost:8080")).isFalse();
        // another port of the same host is another origin (another service of the machine)
        assertThat(FormOrigin.sameOrigin("same-site", "http://localhost:8081", "localhost:8080")).isFalse();
        assertThat(FormOrigin.sameOrigin(null, "http://localhost:8081", "localhost:8080")).isFalse();
        assertThat(FormOrigin.sameOrigin(null, "https://evil.example", "localhost:8080")).isFalse();
        assertThat(FormOrigin.sameOrigin(null, "http://localhost:8080.evil.example", "localhost:8080")).isFalse();
        assertThat(FormOrigin.sameOrigin(null, "null", "localhost:8080")).isFalse();
        assertThat(FormOrigin.sameOrigin(null, "http://localhost:8080", null)).isFalse();
    }

    @Test
    void aClientThatIsNoBrowserSaysNothingAndPasses() {
        assertThat(FormOrigin.sameOrigin(null, null, "localhost:8080")).isTrue();
    }
}
