package io.newsflow.search.api;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.search.config.ApiConfig;
import io.newsflow.search.config.ElasticsearchTrust;
import io.newsflow.search.query.SearchRequestFactory;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The raw search over HTTP: what it sends, and how Elasticsearch's answers and errors come out. */
class RawSearchTest {
    private HttpServer server;
    private Vertx vertx;
    private RawSearch search;
    private final AtomicReference<String> requested = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private volatile boolean silent;
    private volatile int status;
    private volatile String answer;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requested.set(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + "?"
                    + URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8));
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getRequestBody().readAllBytes();
            if (silent) {
                return; // a frozen node: the request is taken and never answered
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.startsWith("{") ? "application/json" : "text/html");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        vertx = Vertx.vertx();
        SearchTransport transport = new SearchTransport(vertx, List.of("127.0.0.1:" + server.getAddress().getPort()), "http",
                ElasticsearchTrust.jvmDefault(), Optional.of("newsflow-search"), Optional.of("s3cret"), Duration.ofSeconds(1), Duration.ofMillis(500), 4);
        search = new RawSearch(transport, new JacksonJsonpMapper(), new ObjectMapper().registerModule(new JavaTimeModule()), new ApiConfig() {
            @Override
            public int facetSize() {
                return 10;
            }

            @Override
            public int suggestSize() {
                return 10;
            }

            @Override
            public int statsTopSize() {
                return 10;
            }

            @Override
            public int maxConcurrentSearches() {
                return 4;
            }
        });
    }

    @AfterEach
    void stop() {
        search.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        server.stop(0);
    }

    @Test
    void asksForTheAnswerFieldsOnlyAndReadsTheAnswer() {
        status = 200;
        answer = "{\"took\":3,\"hits\":{\"total\":{\"value\":1},\"hits\":[{\"_id\":\"a-1\",\"_score\":1.0,"
                + "\"_source\":{\"headline\":\"无锡召开长江大保护推进会\"}}]}}";

        SearchAnswer found = search.search(SearchRequest.of(s -> s.index("news-articles"))).await().indefinitely();

        assertThat(requested.get()).isEqualTo("POST /news-articles/_search?filter_path="
                + SearchRequestFactory.ANSWER_FIELDS);
        assertThat(found.toResult().hits()).extracting(SearchHit::headline).containsExactly("无锡召开长江大保护推进会");
        assertThat(authorization.get()).isEqualTo("Basic " + java.util.Base64.getEncoder()
                .encodeToString("newsflow-search:s3cret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aNodeThatDoesNotAnswerFailsTheSearchAsAnIoFailureAfterTheSocketTimeout() {
        silent = true;

        assertThatThrownBy(() -> search.search(SearchRequest.of(s -> s.index("news-articles"))).await().atMost(Duration.ofSeconds(10)))
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IOException.class)
                .hasMessageContaining("did not answer");
    }

    @Test
    void aSearchAllReadsEveryAnswerInOrder() {
        status = 200;
        answer = "{\"responses\":[{\"hits\":{\"total\":{\"value\":1},\"hits\":[{\"_id\":\"a-1\",\"_source\":{\"headline\":\"一\"}}]}},"
                + "{\"hits\":{\"total\":{\"value\":1},\"hits\":[{\"_id\":\"b-2\",\"_source\":{\"headline\":\"二\"}}]}}]}";

        List<SearchAnswer> answers = search.searchAll(List.of(SearchRequest.of(s -> s.index("news-articles")),
                SearchRequest.of(s -> s.index("news-articles")))).await().indefinitely();

        assertThat(requested.get()).startsWith("POST /_msearch?filter_path=responses.error,responses.status,responses.");
        assertThat(answers).extracting(a -> a.toResult().hits().get(0).headline()).containsExactly("一", "二");
    }

    @Test
    void anErrorAnswerOfElasticsearchComesOutAsTheTypedClientReportsIt() {
        status = 404;
        answer = "{\"error\":{\"root_cause\":[{\"type\":\"index_not_found_exception\",\"reason\":\"no such index [news-articles]\"}],"
                + "\"type\":\"index_not_found_exception\",\"reason\":\"no such index [news-articles]\"},\"status\":404}";

        assertThatThrownBy(() -> search.search(SearchRequest.of(s -> s.index("news-articles"))).await().indefinitely())
                .isInstanceOfSatisfying(ElasticsearchException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.error().type()).isEqualTo("index_not_found_exception");
                });
    }

    @Test
    void anAnswerThatIsNoErrorJsonStaysAnIoFailure() {
        status = 502;
        answer = "<html>bad gateway</html>";

        assertThatThrownBy(() -> search.search(SearchRequest.of(s -> s.index("news-articles"))).await().indefinitely())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(ErrorAnswerException.class)
                .hasMessageContaining("502");
    }
}
