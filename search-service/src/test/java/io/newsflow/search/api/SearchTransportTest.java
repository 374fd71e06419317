package io.newsflow.search.api;

import com.sun.net.httpserver.HttpServer;
import io.newsflow.search.config.ElasticsearchTrust;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which node a search goes to: in turn, past a node that cannot be reached, never twice past one that is silent. */
class SearchTransportTest {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration SOCKET_TIMEOUT = Duration.ofMillis(500);

    private final List<AutoCloseable> opened = new ArrayList<>();
    private Vertx vertx;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable resource : opened.reversed()) {
            resource.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aNodeThatRefusesConnectionsIsSkippedAndEverySearchIsAnswered() throws IOException {
        Node live = node(false);
        SearchTransport transport = transport("127.0.0.1:" + closedPort(), "127.0.0.1:" + live.port());

        for (int i = 0; i < 10; i++) {
            assertThat(post(transport).status()).isEqualTo(200);
        }
        assertThat(live.requests()).hasValue(10);
    }

    @Test
    void aNodeWhoseConnectionsTimeOutIsTriedAtMostOnceWhileAvoided() throws IOException {
        Node live = node(false);
        SearchTransport transport = transport("127.0.0.1:" + unansweredConnectPort(), "127.0.0.1:" + live.port());

        long started = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            assertThat(post(transport).status()).isEqualTo(200);
        }
        // each try of the node that drops connections costs the connect timeout: once, not every other search
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(CONNECT_TIMEOUT.multipliedBy(2));
        assertThat(live.requests()).hasValue(10);
    }

    @Test
    void aSilentNodeFailsItsSearchOnceWithoutARetryElsewhereAndIsThenAvoided() throws IOException {
        Node silent = node(true);
        Node live = node(false);
        SearchTransport transport = transport("127.0.0.1:" + silent.port(), "127.0.0.1:" + live.port());

        assertThatThrownBy(() -> post(transport))
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IOException.class)
                .hasMessageContaining("did not answer within 500 ms");
        assertThat(live.requests()).as("the search that timed out is not sent again").hasValue(0);
        for (int i = 0; i < 3; i++) {
            assertThat(post(transport).status()).isEqualTo(200);
        }
        assertThat(silent.requests()).hasValue(1);
        assertThat(live.requests()).hasValue(3);
    }

    @Test
    void whenNoNodeCanBeReachedTheSearchFailsAtOnceNamingEachNode() throws IOException {
        int first = closedPort();
        int second = closedPort();
        SearchTransport transport = transport("127.0.0.1:" + first, "127.0.0.1:" + second);

        assertThatThrownBy(() -> post(transport))
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IOException.class)
                .hasMessageContaining("127.0.0.1:" + first)
                .hasMessageContaining("127.0.0.1:" + second);
    }

    private SearchTransport.Answer post(SearchTransport transport) {
        return transport.post("/news-articles/_search", "application/json", "{}").await().atMost(Duration.ofSeconds(10));
    }

    private SearchTransport transport(String... hosts) {
        SearchTransport transport = new SearchTransport(vertx, List.of(hosts), "http", ElasticsearchTrust.jvmDefault(), Optional.empty(), Optional.empty(),
                CONNECT_TIMEOUT, SOCKET_TIMEOUT, 4);
        opened.add(transport);
        return transport;
    }

    private record Node(int port, AtomicInteger requests) {
    }

    /** A node that answers every request with an empty search answer, or takes it and never answers. */
    private Node node(boolean silent) throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            if (silent) {
                return;
            }
            byte[] body = "{\"hits\":{\"total\":{\"value\":0},\"hits\":[]}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        opened.add(() -> server.stop(0));
        return new Node(server.getAddress().getPort(), requests);
    }

    /** A port nothing listens on: connections are refused. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * A port whose connections time out: a listener that never accepts, its backlog filled, so the kernel drops every
     * further connection attempt unanswered (as a host that has vanished from the network does).
     */
    private int unansweredConnectPort() throws IOException {
        ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        opened.add(listener);
        for (int i = 0; i < 20; i++) {
            Socket filler = new Socket();
            opened.add(filler);
            try {
                filler.connect(listener.getLocalSocketAddress(), 300);
            } catch (SocketTimeoutException full) {
                return listener.getLocalPort();
            }
        }
        throw new IllegalStateException("the kernel kept accepting connections past the listener's backlog");
    }
}
