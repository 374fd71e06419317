package io.newsflow.search.api;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.newsflow.search.config.ElasticsearchTrust;
import io.newsflow.search.config.ElasticsearchTrustConfig.TrustStoreType;
import io.newsflow.search.config.TestCertificates;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The search path over HTTPS against a node whose certificate a CA of the test's own signed for {@code localhost}:
 * trusted through the configured trust store, refused with the JVM's default one, refused under another host name.
 */
class SearchTransportTlsTest {
    @TempDir
    static Path certificatesDir;
    private static TestCertificates certificates;

    private HttpsServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private Vertx vertx;
    private SearchTransport transport;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certificates = TestCertificates.create(certificatesDir);
    }

    @BeforeEach
    void start() throws Exception {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(certificates.serverContext()));
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"hits\":{\"total\":{\"value\":0},\"hits\":[]}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        if (transport != null) {
            transport.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().join();
        server.stop(0);
    }

    @Test
    void aNodeWhoseAuthorityIsInTheConfiguredTrustStoreIsReachedOverHttps() {
        transport = transport("localhost", configuredTrust());

        assertThat(post().status()).isEqualTo(200);
        assertThat(requests).hasValue(1);
    }

    @Test
    void withTheJvmDefaultTrustTheNodeIsRefusedAtOnceSayingWhatToCheck() {
        transport = transport("localhost", ElasticsearchTrust.jvmDefault());

        long started = System.nanoTime();
        assertThatThrownBy(this::post)
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IOException.class)
                .hasMessageContaining("TLS with Elasticsearch at localhost:" + port() + " failed")
                .hasMessageContaining("the JVM's default trust store");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(requests).hasValue(0);
    }

    @Test
    void aCertificateThatDoesNotNameTheHostIsRefusedThoughItsAuthorityIsTrusted() {
        transport = transport("127.0.0.1", configuredTrust());

        assertThatThrownBy(this::post)
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IOException.class)
                .hasMessageContaining("does the certificate name 127.0.0.1");
        assertThat(requests).hasValue(0);
    }

    private static ElasticsearchTrust configuredTrust() {
        return ElasticsearchTrust.of(certificates.trustStore("PKCS12"), TrustStoreType.PKCS12, Optional.of(TestCertificates.PASSWORD));
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private SearchTransport.Answer post() {
        return transport.post("/news-articles/_search", "application/json", "{}").await().atMost(Duration.ofSeconds(10));
    }

    private SearchTransport transport(String host, ElasticsearchTrust trust) {
        return new SearchTransport(vertx, List.of(host + ":" + port()), "https", trust, Optional.empty(), Optional.empty(),
                Duration.ofSeconds(1), Duration.ofSeconds(2), 4);
    }
}
