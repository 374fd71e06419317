package io.newsflow.search.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.JsonpUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBufInputStream;
import io.newsflow.search.config.ApiConfig;
import io.newsflow.search.config.ElasticsearchTrust;
import io.newsflow.search.query.SearchRequestFactory;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.stream.JsonParser;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs the search request the typed builders made over {@link SearchTransport}, keeping only the answer fields
 * the API shows ({@link SearchRequestFactory#ANSWER_FIELDS}) and binding them with Jackson ({@link SearchAnswer}).
 * Failures come out as the Uni's failure with their own type, which the error mappers know: Elasticsearch's error
 * answers as the typed client's {@link ElasticsearchException}, everything else (no node reachable, no answer in time,
 * an answer that is no error JSON or cannot be read) as an {@link IOException}.
 */
@ApplicationScoped
public class RawSearch {
    private static final String JSON = "application/json";

    private final SearchTransport transport;
    private final JsonpMapper jsonpMapper;
    private final ObjectMapper objectMapper;
    private final SearchAdmission admission;

    @Inject
    RawSearch(Vertx vertx, ElasticsearchClient client, ObjectMapper objectMapper, ApiConfig config, ElasticsearchTrust trust,
              @ConfigProperty(name = "quarkus.elasticsearch.hosts") List<String> hosts,
              @ConfigProperty(name = "quarkus.elasticsearch.protocol", defaultValue = "http") String protocol,
              @ConfigProperty(name = "quarkus.elasticsearch.username") Optional<String> username,
              @ConfigProperty(name = "quarkus.elasticsearch.password") Optional<String> password,
              @ConfigProperty(name = "quarkus.elasticsearch.connection-timeout", defaultValue = "1s") Duration connectTimeout,
              @ConfigProperty(name = "quarkus.elasticsearch.socket-timeout", defaultValue = "30s") Duration socketTimeout) {
        this(new SearchTransport(vertx, hosts, protocol, trust, username, password, connectTimeout, socketTimeout,
                config.maxConcurrentSearches()), client._jsonpMapper(), objectMapper, config);
    }

    RawSearch(SearchTransport transport, JsonpMapper jsonpMapper, ObjectMapper objectMapper, ApiConfig config) {
        this.transport = transport;
        this.jsonpMapper = jsonpMapper;
        this.objectMapper = objectMapper;
        this.admission = new SearchAdmission(config.maxConcurrentSearches());
    }

    @PreDestroy
    void close() {
        transport.close();
    }

    /**
     * Sends the search without holding a thread: sent, answered, bound and written on the event loop of the API
     * request ({@link SearchTransport}), so a search costs no worker thread and no hand-off between threads.
     */
    public Uni<SearchAnswer> search(SearchRequest search) {
        String path = "/" + String.join(",", search.index()) + "/_search?filter_path="
                + URLEncoder.encode(SearchRequestFactory.ANSWER_FIELDS, StandardCharsets.UTF_8);
        return admission.admit(transport.post(path, JSON, JsonpUtils.toJsonString(search, jsonpMapper))
                .flatMap(answer -> outcome(answer, ok -> read(ok, SearchAnswer.class))));
    }

    /**
     * Sends several searches in one round trip ({@code _msearch}), as a page that shows several lists needs; the
     * answers come in the order of the searches. One failed search fails the whole, as it would alone.
     */
    public Uni<List<SearchAnswer>> searchAll(List<SearchRequest> searches) {
        StringBuilder body = new StringBuilder();
        for (SearchRequest search : searches) {
            body.append("{\"index\":").append(objectMapperString(String.join(",", search.index()))).append("}\n")
                    .append(JsonpUtils.toJsonString(search, jsonpMapper)).append('\n');
        }
        String fields = "responses.error,responses.status," + java.util.Arrays.stream(SearchRequestFactory.ANSWER_FIELDS.split(","))
                .map(field -> "responses." + field).collect(Collectors.joining(","));
        String path = "/_msearch?filter_path=" + URLEncoder.encode(fields, StandardCharsets.UTF_8);
        return admission.admit(transport.post(path, "application/x-ndjson", body.toString())
                .flatMap(answer -> outcome(answer, ok -> {
                    List<SearchAnswer> answers = new ArrayList<>();
                    for (JsonNode item : read(ok, JsonNode.class).path("responses")) {
                        if (item.has("error")) {
                            throw itemError(item);
                        }
                        answers.add(treeToValue(item));
                    }
                    return answers;
                })));
    }

    /** Reads a successful answer; an answer that cannot be read is an {@link IOException}. */
    @FunctionalInterface
    private interface AnswerReader<T> {
        T read(SearchTransport.Answer answer) throws IOException;
    }

    /**
     * The answer read, or the search's failure as the Uni's failure, with its own type: Elasticsearch's error as an
     * {@link ElasticsearchException}, an answer that is no error JSON or cannot be read as an {@link IOException}.
     */
    private <T> Uni<T> outcome(SearchTransport.Answer answer, AnswerReader<T> reader) {
        if (!answer.ok()) {
            return Uni.createFrom().failure(failure(answer));
        }
        try {
            return Uni.createFrom().item(reader.read(answer));
        } catch (IOException | ElasticsearchException e) {
            return Uni.createFrom().failure(e);
        }
    }

    private <T> T read(SearchTransport.Answer answer, Class<T> type) throws IOException {
        try (InputStream in = new ByteBufInputStream(answer.body().getByteBuf())) {
            return objectMapper.readValue(in, type);
        } catch (IOException e) {
            throw new IOException("unreadable answer of Elasticsearch: " + e.getMessage(), e);
        }
    }

    private SearchAnswer treeToValue(JsonNode item) throws IOException {
        try {
            return objectMapper.treeToValue(item, SearchAnswer.class);
        } catch (IOException e) {
            throw new IOException("unreadable answer of a search: " + e.getMessage(), e);
        }
    }

    private String objectMapperString(String text) {
        try {
            return objectMapper.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The error of one search of an {@code _msearch}, as the typed client reports an error answer; an
     * {@link IOException} when it is no error JSON.
     */
    private ElasticsearchException itemError(JsonNode item) throws IOException {
        try (JsonParser parser = jsonpMapper.jsonProvider().createParser(new java.io.StringReader(item.toString()))) {
            return new ElasticsearchException("msearch", ErrorResponse._DESERIALIZER.deserialize(parser, jsonpMapper));
        } catch (RuntimeException unreadable) {
            throw new IOException("unreadable error answer of a search: " + item, unreadable);
        }
    }

    /**
     * Elasticsearch's error answer as the typed client reports it ({@link ElasticsearchException}); an
     * {@link ErrorAnswerException} (an IOException) when the answer is no error JSON.
     */
    private Exception failure(SearchTransport.Answer answer) {
        try (InputStream body = new ByteBufInputStream(answer.body().getByteBuf());
             JsonParser parser = jsonpMapper.jsonProvider().createParser(body)) {
            return new ElasticsearchException("search", ErrorResponse._DESERIALIZER.deserialize(parser, jsonpMapper));
        } catch (IOException | RuntimeException unreadable) {
            String text = answer.body().toString(StandardCharsets.UTF_8);
            return new ErrorAnswerException(answer.status(), text.substring(0, Math.min(200, text.length())));
        }
    }
}
