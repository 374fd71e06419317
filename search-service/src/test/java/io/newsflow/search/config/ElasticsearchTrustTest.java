package io.newsflow.search.config;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.newsflow.search.config.ElasticsearchTrustConfig.TrustStoreType;
import org.apache.http.HttpHost;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.net.ssl.SSLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The configured trust store, in each format, as the low-level client (indexing, index management) gets it through
 * {@link ElasticsearchClientTrust}: a node whose certificate its CA signed is reached, under the name the certificate
 * gives only; a trust store that cannot be read is refused at once, naming the file.
 */
class ElasticsearchTrustTest {
    @TempDir
    static Path certificatesDir;
    private static TestCertificates certificates;

    private HttpsServer server;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certificates = TestCertificates.create(certificatesDir);
    }

    @BeforeEach
    void start() throws Exception {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(certificates.serverContext()));
        server.createContext("/", exchange -> {
            byte[] body = "{\"cluster_name\":\"newsflow\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @ParameterizedTest
    @EnumSource(TrustStoreType.class)
    void theLowLevelClientReachesTheNodeTrustingTheConfiguredStore(TrustStoreType type) throws IOException {
        ElasticsearchTrust trust = ElasticsearchTrust.of(store(type), type,
                type == TrustStoreType.PEM ? Optional.empty() : Optional.of(TestCertificates.PASSWORD));

        try (RestClient client = lowLevelClient("localhost", trust)) {
            assertThat(client.performRequest(new Request("GET", "/")).getStatusLine().getStatusCode()).isEqualTo(200);
        }
    }

    @Test
    void theLowLevelClientVerifiesTheHostName() throws IOException {
        ElasticsearchTrust trust = ElasticsearchTrust.of(store(TrustStoreType.PKCS12), TrustStoreType.PKCS12,
                Optional.of(TestCertificates.PASSWORD));

        try (RestClient client = lowLevelClient("127.0.0.1", trust)) {
            // the client's copy of the failure may wrap it: the TLS failure is somewhere in the chain
            assertThatThrownBy(() -> client.performRequest(new Request("GET", "/")))
                    .isInstanceOf(IOException.class)
                    .satisfies(e -> assertThat(chain(e)).hasAtLeastOneElementOfType(SSLException.class));
        }
    }

    @Test
    void aTrustStoreThatCannotBeReadIsRefusedNamingTheFile() throws IOException {
        Path store = store(TrustStoreType.PKCS12);
        assertThatThrownBy(() -> ElasticsearchTrust.of(store, TrustStoreType.PKCS12, Optional.of("not-the-password")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read the Elasticsearch trust store " + store)
                .hasMessageContaining("newsflow.search.elasticsearch.trust-store");

        Path noCertificate = Files.writeString(certificatesDir.resolve("empty.pem"), "not a certificate\n");
        assertThatThrownBy(() -> ElasticsearchTrust.of(noCertificate, TrustStoreType.PEM, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(noCertificate.toString());
    }

    private static java.util.List<Throwable> chain(Throwable failure) {
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    private static Path store(TrustStoreType type) {
        return type == TrustStoreType.PEM ? certificates.authorityPem() : certificates.trustStore(type.name());
    }

    private RestClient lowLevelClient(String host, ElasticsearchTrust trust) {
        return RestClient.builder(new HttpHost(host, server.getAddress().getPort(), "https"))
                .setHttpClientConfigCallback(new ElasticsearchClientTrust(trust))
                .build();
    }
}
