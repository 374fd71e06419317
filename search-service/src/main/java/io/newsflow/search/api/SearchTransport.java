package io.newsflow.search.api;

import io.newsflow.logging.LogSafe;
import io.newsflow.search.config.ElasticsearchTrust;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * The HTTP of the search path: Vert.x's own client, so that a search is sent, answered and written back on the event
 * loop that took the API request. The profile of the service under load found a quarter of its CPU in the
 * Elasticsearch low-level client (Apache's asynchronous HTTP client) and in handing every answer from its I/O thread
 * back to the event loop; indexing, the index's management and the overview keep that client.
 *
 * <p>What the low-level client did for safety, this does too, with the same settings ({@code quarkus.elasticsearch.*}):
 * <ul>
 *   <li>the same nodes, user and timeouts; over HTTPS the same trust ({@link ElasticsearchTrust}: the JVM's default
 *       trust store or the configured one, never trust-all) and the host name verified against the certificate;</li>
 *   <li>the nodes in turn ({@link SearchNodes}); a node that cannot be reached (connection refused, connect timeout)
 *       is skipped and the search sent to the next one; a node that failed is left out for {@link #AVOID_FOR};</li>
 *   <li>a node that takes the connection but does not answer within the socket timeout fails the search with an
 *       {@link IOException}, without a second try elsewhere (the caller would wait twice as long), and is left out
 *       too.</li>
 * </ul>
 * Every failure is an {@link IOException} (the API answers 503), its message naming the node and what went wrong.
 */
public final class SearchTransport implements AutoCloseable {
    /** How long a node that failed is left out before it is tried again. */
    static final Duration AVOID_FOR = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(SearchTransport.class);

    /** The node's answer: its status and body. */
    public record Answer(int status, Buffer body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient client;
    private final SearchNodes nodes;
    private final Optional<String> authorization;
    private final long timeoutMillis;
    private final ElasticsearchTrust trust;

    /**
     * @param hosts       {@code host:port} of each node
     * @param protocol    {@code http} or {@code https}
     * @param trust       whom to trust over HTTPS
     * @param connections most connections open at once, per node (searches beyond wait for one)
     */
    public SearchTransport(Vertx vertx, List<String> hosts, String protocol, ElasticsearchTrust trust,
                           Optional<String> username, Optional<String> password,
                           Duration connectTimeout, Duration socketTimeout, int connections) {
        this.nodes = new SearchNodes(hosts, AVOID_FOR, System::nanoTime);
        this.trust = trust;
        this.authorization = username.map(user -> "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password.orElse("")).getBytes(StandardCharsets.UTF_8)));
        this.timeoutMillis = socketTimeout.toMillis();
        HttpClientOptions options = new HttpClientOptions()
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
        if ("https".equalsIgnoreCase(protocol)) {
            options.setSsl(true).setVerifyHost(true).setTrustAll(false);
            trust.trustOptions().ifPresent(options::setTrustOptions);
        }
        this.client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(connections));
    }

    /** POSTs {@code body} to {@code pathAndQuery} of the next node, or of the one after when that cannot be reached. */
    public Uni<Answer> post(String pathAndQuery, String contentType, String body) {
        return attempt(nodes.forRequest(), 0, new ArrayList<>(), pathAndQuery, contentType, body);
    }

    private Uni<Answer> attempt(List<SearchNodes.Node> order, int index, List<String> unreachable,
                                String pathAndQuery, String contentType, String body) {
        SearchNodes.Node node = order.get(index);
        return send(node, pathAndQuery, contentType, body)
                .invoke(answer -> {
                    if (nodes.answered(node)) {
                        LOG.infof("outcome=node-back node=%s", node);
                    }
                })
                .onFailure().recoverWithUni(failure -> {
                    if (isUnreachable(failure)) {
                        nodes.failed(node);
                        unreachable.add(node + " (" + failure.getMessage() + ")");
                        boolean another = index + 1 < order.size();
                        LOG.warnf("outcome=node-unreachable node=%s action=%s avoidFor=%ds reason=\"%s\"", node,
                                another ? "next-node" : "fail", AVOID_FOR.toSeconds(), LogSafe.text(failure.getMessage()));
                        return another
                                ? attempt(order, index + 1, unreachable, pathAndQuery, contentType, body)
                                : Uni.createFrom().failure(new IOException("no Elasticsearch node could be reached: "
                                        + String.join(", ", unreachable), failure));
                    }
                    return Uni.createFrom().failure(failed(node, failure));
                });
    }

    private Uni<Answer> send(SearchNodes.Node node, String pathAndQuery, String contentType, String body) {
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
                .toCompletionStage());
    }

    /**
     * The failure of a node that was reached, as an {@link IOException} naming it. A refused certificate says what
     * to check; the node is not left out for it (it is the configuration, not the node). Any other failure (silence
     * past the socket timeout, a closed connection) leaves the node out.
     */
    private IOException failed(SearchNodes.Node node, Throwable failure) {
        if (causedBy(failure, SSLException.class)) {
            return new IOException("TLS with Elasticsearch at " + node + " failed, trusting " + trust.description()
                    + " (does it hold the authority that signed the node's certificate, and does the certificate name "
                    + node.host() + "?): " + failure.getMessage(), failure);
        }
        nodes.failed(node);
        if (failure instanceof TimeoutException) {
            return new IOException("Elasticsearch at " + node + " did not answer within " + timeoutMillis + " ms", failure);
        }
        return new IOException("Elasticsearch at " + node + " did not answer: " + failure.getMessage(), failure);
    }

    /** The node could not be reached at all, so the request never reached it: another node may take it. */
    private static boolean isUnreachable(Throwable failure) {
        return causedBy(failure, ConnectException.class) || causedBy(failure, NoRouteToHostException.class)
                || causedBy(failure, UnknownHostException.class);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        client.close();
    }
}
