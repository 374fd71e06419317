package io.newsflow.search.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.search.config.ApiConfig;
import io.newsflow.search.query.SearchRequestFactory;
import org.apache.http.HttpHost;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The raw search over HTTP: what it sends, and how Elasticsearch's answers and errors come out. */
class RawSearchTest {
    private HttpServer server;
    private RestClient restClient;
    private RawSearch search;
    private final AtomicReference<String> requested = new AtomicReference<>();
    private volatile int status;
    private volatile String answer;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requested.set(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + "?"
                    + URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8));
            exchange.getRequestBody().readAllBytes();
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.startsWith("{") ? "application/json" : "text/html");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        restClient = RestClient.builder(new HttpHost("127.0.0.1", server.getAddress().getPort())).build();
        ElasticsearchClient client = new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
        search = new RawSearch(restClient, client, new ObjectMapper().registerModule(new JavaTimeModule()), new ApiConfig() {
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
    void stop() throws IOException {
        restClient.close();
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
                .hasCauseInstanceOf(ResponseException.class);
    }
}
