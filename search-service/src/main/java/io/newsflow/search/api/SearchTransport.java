package io.newsflow.search.api;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP of the search path: Vert.x's own client, so that a search is sent, answered and written back on the event
 * loop that took the API request. The profile of the service under load found a quarter of its CPU in the
 * Elasticsearch low-level client (Apache's asynchronous HTTP client) and in handing every answer from its I/O thread
 * back to the event loop; indexing, the index's management and the overview keep that client.
 *
 * <p>The same node, user and timeouts as the low-level client ({@code quarkus.elasticsearch.*}); the nodes are used
 * in turn. A node that does not answer within the socket timeout, or cannot be reached, fails the search with an
 * {@link IOException}, as the low-level client did.
 */
public final class SearchTransport implements AutoCloseable {

    /** The node's answer: its status and body. */
    public record Answer(int status, Buffer body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private record Node(String host, int port) {
    }

    private final HttpClient client;
    private final List<Node> nodes;
    private final Optional<String> authorization;
    private final long timeoutMillis;
    private final AtomicInteger next = new AtomicInteger();

    /**
     * @param hosts       {@code host:port} of each node
     * @param connections most connections open at once, per node (searches beyond wait for one)
     */
    public SearchTransport(Vertx vertx, List<String> hosts, String protocol, Optional<String> username, Optional<String> password,
                           Duration connectTimeout, Duration socketTimeout, int connections) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("no Elasticsearch host configured");
        }
        this.nodes = hosts.stream().map(SearchTransport::node).toList();
        this.authorization = username.map(user -> "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password.orElse("")).getBytes(StandardCharsets.UTF_8)));
        this.timeoutMillis = socketTimeout.toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                        .setSsl("https".equalsIgnoreCase(protocol))
                        .setKeepAlive(true)
                        .setTcpNoDelay(true)
                        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis())),
                new PoolOptions().setHttp1MaxSize(connections));
    }

    /** POSTs {@code body} to {@code pathAndQuery} of the next node. */
    public Uni<Answer> post(String pathAndQuery, String contentType, String body) {
        Node node = nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(node.host())
                .setPort(node.port())
                .setURI(pathAndQuery)
                .setIdleTimeout(timeoutMillis)
                .putHeader(HttpHeaders.CONTENT_TYPE, contentType);
        authorization.ifPresent(value -> request.putHeader(HttpHeaders.AUTHORIZATION, value));
        return Uni.createFrom().completionStage(() -> client.request(request)
                        .compose(sent -> sent.send(body))
                        .compose(response -> response.body().map(answer -> new Answer(response.statusCode(), answer)))
                        .toCompletionStage())
                // a timeout or a closed connection is the node's silence, as the low-level client reported it
                .onFailure(failure -> !(failure instanceof IOException))
                .transform(failure -> new IOException("Elasticsearch at " + node.host() + ":" + node.port()
                        + " did not answer: " + failure.getMessage(), failure));
    }

    @Override
    public void close() {
        client.close();
    }

    private static Node node(String hostPort) {
        String trimmed = hostPort.strip();
        int colon = trimmed.lastIndexOf(':');
        if (colon <= 0) {
            return new Node(trimmed, 9200);
        }
        return new Node(trimmed.substring(0, colon), Integer.parseInt(trimmed.substring(colon + 1)));
    }
}
