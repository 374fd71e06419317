package io.newsflow.search.it;

import io.newsflow.localstack.ElasticsearchNode;
import io.newsflow.localstack.ElasticsearchUsers;
import io.newsflow.localstack.LocalStackResource;
import io.newsflow.search.api.SearchTransport;
import io.newsflow.search.config.ElasticsearchTrust;
import io.newsflow.search.config.ElasticsearchTrustConfig.TrustStoreType;
import io.newsflow.search.config.TestCertificates;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * The service against a node with HTTPS on ({@link HttpsNodeResource}), its certificate signed by a CA of the test's
 * own and naming {@code localhost}: the service trusts that CA through {@code newsflow.search.elasticsearch.trust-store},
 * in both of its clients, with the host name verified. Without that trust, or under another name, the search path
 * fails at once with an error that says what to check.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
@TestProfile(ElasticsearchTlsIT.OverHttps.class)
class ElasticsearchTlsIT {
    @Inject
    Vertx vertx;

    public static class OverHttps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the shared broker's articles stay with the other test classes' service (and out of this node)
            return Map.of("mp.messaging.incoming.articles.group.id", "search-service-tls-it",
                    "mp.messaging.incoming.articles.auto.offset.reset", "latest");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(HttpsNodeResource.class));
        }
    }

    @Test
    void theServiceIndexesAndSearchesOverHttpsTrustingTheConfiguredAuthority() throws Exception {
        ElasticsearchNode node = HttpsNodeResource.node();
        HttpClient https = HttpClient.newBuilder().sslContext(node.sslContext()).connectTimeout(Duration.ofSeconds(5)).build();
        // the service made its index at start-up with the low-level client, over HTTPS
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(https.send(node.request("/news-articles")
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200));
        HttpResponse<String> put = https.send(node.request("/news-articles/_doc/tls-1?refresh=true")
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"id":"tls-1","headline":"加密连接检查","body":"加密连接检查正文","issueDate":"2024-07-27",
                         "eventDate":"2024-07-27","category":"其他"}""")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isBetween(200, 201);

        // and the search path (its own Vert.x client) answers over HTTPS
        given().queryParam("q", "加密连接检查").when().get("/api/search").then().statusCode(200)
                .body("total", equalTo(1))
                .body("hits.id", contains("tls-1"));
    }

    @Test
    void withoutTheTrustStoreTheSearchPathFailsAtOnceSayingWhy() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> search("localhost", ElasticsearchTrust.jvmDefault()))
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IOException.class)
                .hasMessageContaining("TLS with Elasticsearch at localhost:" + port() + " failed, trusting the JVM's default trust store");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void theNodeIsRefusedUnderANameItsCertificateDoesNotGive() {
        ElasticsearchTrust trust = ElasticsearchTrust.of(HttpsNodeResource.certificates().trustStore("PKCS12"),
                TrustStoreType.PKCS12, Optional.of(TestCertificates.PASSWORD));

        assertThat(search("localhost", trust).status()).isIn(200, 404); // trusted: the node answers
        assertThatThrownBy(() -> search("127.0.0.1", trust))
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IOException.class)
                .hasMessageContaining("does the certificate name 127.0.0.1");
    }

    /** One search straight through the search path's transport, as the service's own user, with this trust. */
    private SearchTransport.Answer search(String host, ElasticsearchTrust trust) {
        ElasticsearchNode node = HttpsNodeResource.node();
        try (SearchTransport transport = new SearchTransport(vertx, List.of(host + ":" + port()), "https", trust,
                Optional.of(ElasticsearchUsers.SEARCH), Optional.of(node.users().password(ElasticsearchUsers.SEARCH)),
                Duration.ofSeconds(2), Duration.ofSeconds(5), 1)) {
            return transport.post("/news-articles/_search", "application/json", "{}").await().atMost(Duration.ofSeconds(30));
        }
    }

    private static int port() {
        return URI.create(HttpsNodeResource.node().httpUrl()).getPort();
    }
}
