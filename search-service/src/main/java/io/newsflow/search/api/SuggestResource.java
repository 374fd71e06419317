package io.newsflow.search.api;

import io.newsflow.access.ErrorBody;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.micrometer.core.annotation.Timed;
import io.newsflow.search.config.ApiConfig;
import io.newsflow.search.config.SearchConfig;
import io.newsflow.search.query.Facet;
import io.newsflow.search.query.SuggestRequestFactory;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.util.Map;

/** Completion of people, places and organisations as a user types them. */
@Path("/api/suggest")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "search")
@Blocking
public class SuggestResource {
    private final ElasticsearchClient client;
    private final SearchConfig config;
    private final SuggestRequestFactory requests;

    public SuggestResource(ElasticsearchClient client, SearchConfig config, ApiConfig apiConfig) {
        this.client = client;
        this.config = config;
        this.requests = new SuggestRequestFactory(apiConfig.suggestSize());
    }

    @GET
    @Operation(summary = "Persons, places and organisations starting with a prefix, most frequent first")
    @APIResponse(responseCode = "200", description = "completions per kind")
    @APIResponse(responseCode = "400", description = "prefix missing or too long",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @Timed(value = "newsflow.search.latency", extraTags = {"endpoint", "suggest"}, percentiles = {0.5, 0.99},
            description = "time to answer an API request")
    public Suggestions suggest(@Parameter(description = "the start of a name, at least 1 character", required = true)
                               @QueryParam("prefix") String prefix) throws IOException {
        SearchResponse<Void> response = client.search(requests.build(prefix, config.alias()), Void.class);
        Map<String, Aggregate> aggregations = response.aggregations();
        return new Suggestions(AggregateConverter.values(aggregations, Facet.PERSONS),
                AggregateConverter.values(aggregations, Facet.PLACES),
                AggregateConverter.values(aggregations, Facet.ORGANIZATIONS));
    }
}
