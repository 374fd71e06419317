package io.newsflow.search.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.JsonpUtils;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * Runs the search request the typed builders made through the low-level client, keeping only the answer fields
 * the API shows ({@link SearchRequestFactory#ANSWER_FIELDS}) and binding them with Jackson ({@link SearchAnswer}).
 * Elasticsearch's errors come out as the typed client's {@link ElasticsearchException}, so the error mappers
 * treat them alike.
 */
@ApplicationScoped
class RawSearch {
    private final RestClient restClient;
    private final JsonpMapper jsonpMapper;
    private final ObjectMapper objectMapper;

    RawSearch(RestClient restClient, ElasticsearchClient client, ObjectMapper objectMapper) {
        this.restClient = restClient;
        this.jsonpMapper = client._jsonpMapper();
        this.objectMapper = objectMapper;
    }

    /**
     * Sends the search without holding a thread: the answer is bound on the client's I/O thread and the API's
     * answer is written from there, so a search costs no worker thread and no hand-offs between threads.
     */
    Uni<SearchAnswer> search(SearchRequest search) {
        Request request = new Request("POST", "/" + String.join(",", search.index()) + "/_search");
        request.addParameter("filter_path", SearchRequestFactory.ANSWER_FIELDS);
        request.setJsonEntity(JsonpUtils.toJsonString(search, jsonpMapper));
        return Uni.createFrom().emitter(answer -> restClient.performRequestAsync(request, new ResponseListener() {
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
        }));
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
