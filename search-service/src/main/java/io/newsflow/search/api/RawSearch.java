package io.newsflow.search.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.JsonpUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.search.config.ApiConfig;
import io.newsflow.search.query.SearchRequestFactory;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.stream.JsonParser;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.ResponseListener;
import org.elasticsearch.client.RestClient;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs the search request the typed builders made through the low-level client, keeping only the answer fields
 * the API shows ({@link SearchRequestFactory#ANSWER_FIELDS}) and binding them with Jackson ({@link SearchAnswer}).
 * Elasticsearch's errors come out as the typed client's {@link ElasticsearchException}, so the error mappers
 * treat them alike.
 */
@ApplicationScoped
public class RawSearch {
    private final RestClient restClient;
    private final JsonpMapper jsonpMapper;
    private final ObjectMapper objectMapper;
    private final SearchAdmission admission;

    RawSearch(RestClient restClient, ElasticsearchClient client, ObjectMapper objectMapper, ApiConfig config) {
        this.restClient = restClient;
        this.jsonpMapper = client._jsonpMapper();
        this.objectMapper = objectMapper;
        this.admission = new SearchAdmission(config.maxConcurrentSearches());
    }

    /**
     * Sends the search without holding a thread: the answer is bound on the client's I/O thread and the API's
     * answer is written from there, so a search costs no worker thread and no hand-offs between threads.
     */
    public Uni<SearchAnswer> search(SearchRequest search) {
        Request request = new Request("POST", "/" + String.join(",", search.index()) + "/_search");
        request.addParameter("filter_path", SearchRequestFactory.ANSWER_FIELDS);
        request.setJsonEntity(JsonpUtils.toJsonString(search, jsonpMapper));
        return admission.admit(Uni.createFrom().emitter(answer -> restClient.performRequestAsync(request, new ResponseListener() {
            @Override
            public void onSuccess(Response response) {
                try (InputStream body = response.getEntity().getContent()) {
                    answer.complete(objectMapper.readValue(body, SearchAnswer.class));
                } catch (IOException | RuntimeException e) {
                    answer.fail(e);
                }
            }

            @Override
            public void onFailure(Exception failure) {
                answer.fail(failure instanceof ResponseException e ? elasticsearchError(e) : failure);
            }
        })));
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
        Request request = new Request("POST", "/_msearch");
        request.addParameter("filter_path", "responses.error,responses.status,"
                + java.util.Arrays.stream(SearchRequestFactory.ANSWER_FIELDS.split(","))
                .map(field -> "responses." + field).collect(Collectors.joining(",")));
        request.setEntity(new org.apache.http.entity.StringEntity(body.toString(),
                org.apache.http.entity.ContentType.create("application/x-ndjson", java.nio.charset.StandardCharsets.UTF_8)));
        return admission.admit(Uni.createFrom().emitter(answer -> restClient.performRequestAsync(request, new ResponseListener() {
            @Override
            public void onSuccess(Response response) {
                try (InputStream in = response.getEntity().getContent()) {
                    JsonNode responses = objectMapper.readTree(in).path("responses");
                    List<SearchAnswer> answers = new ArrayList<>();
                    for (JsonNode item : responses) {
                        if (item.has("error")) {
                            answer.fail(itemError(item));
                            return;
                        }
                        answers.add(objectMapper.treeToValue(item, SearchAnswer.class));
                    }
                    answer.complete(answers);
                } catch (IOException | RuntimeException e) {
                    answer.fail(e);
                }
            }

            @Override
            public void onFailure(Exception failure) {
                answer.fail(failure instanceof ResponseException e ? elasticsearchError(e) : failure);
            }
        })));
    }

    private String objectMapperString(String text) {
        try {
            return objectMapper.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The error of one search of an {@code _msearch}, as the typed client reports an error answer. */
    private Exception itemError(JsonNode item) {
        try (JsonParser parser = jsonpMapper.jsonProvider().createParser(new java.io.StringReader(item.toString()))) {
            return new ElasticsearchException("msearch", ErrorResponse._DESERIALIZER.deserialize(parser, jsonpMapper));
        } catch (RuntimeException unreadable) {
            return new IOException("unreadable error answer of a search: " + item, unreadable);
        }
    }

    /**
     * Elasticsearch's error answer as the typed client reports it ({@link ElasticsearchException}); the
     * {@link ResponseException} itself (an IOException) when the answer is no error JSON.
     */
    private Exception elasticsearchError(ResponseException e) {
        ErrorResponse error = errorOf(e);
        return error == null ? e : new ElasticsearchException("search", error);
    }

    /** Elasticsearch's error answer, read as the typed client reads it; null when the answer is no error JSON. */
    private ErrorResponse errorOf(ResponseException e) {
        if (e.getResponse().getEntity() == null) {
            return null;
        }
        try (InputStream body = e.getResponse().getEntity().getContent();
             JsonParser parser = jsonpMapper.jsonProvider().createParser(body)) {
            return ErrorResponse._DESERIALIZER.deserialize(parser, jsonpMapper);
        } catch (IOException | RuntimeException unreadable) {
            e.addSuppressed(unreadable);
            return null;
        }
    }
}
