package io.newsflow.search.api;

import io.newsflow.access.ErrorBody;

import io.micrometer.core.annotation.Timed;
import io.newsflow.search.config.ApiConfig;
import io.newsflow.search.config.SearchConfig;
import io.newsflow.search.query.ArticleQuery;
import io.newsflow.search.query.QueryParameters;
import io.newsflow.search.query.SearchRequestFactory;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The search API over the indexed articles. Numbers and dates are taken as text and parsed by
 * {@link QueryParameters}, so that malformed values answer our 400 JSON with a message. Non-blocking: see
 * {@link RawSearch}.
 */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "search")
public class SearchResource {
    private final RawSearch client;
    private final SearchConfig config;
    private final SearchRequestFactory requests;

    public SearchResource(RawSearch client, SearchConfig config, ApiConfig apiConfig) {
        this.client = client;
        this.config = config;
        this.requests = new SearchRequestFactory(apiConfig.facetSize());
    }

    @GET
    @Operation(summary = "Search articles",
            description = "Free text (segmented like the index; a phrase in double quotes) and exact filters. Repeating "
                    + "person, place, org, reporter or keyword narrows (all values must match); repeating category widens "
                    + "(any). Facets and the per-day histogram count all matching articles.")
    @APIResponse(responseCode = "200", description = "hits of the page, facets and histogram")
    @APIResponse(responseCode = "400", description = "invalid parameter; the message says which",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "Elasticsearch or the index is not available",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @Timed(value = "newsflow.search.latency", extraTags = {"endpoint", "search"}, percentiles = {0.5, 0.99},
            description = "time to answer an API request")
    public Uni<SearchResult> search(
            @Parameter(description = "free text; blank lists the newest articles") @QueryParam("q") String q,
            @Parameter(description = "a person the article names (exact)") @QueryParam("person") List<String> persons,
            @Parameter(description = "a place the article names (exact)") @QueryParam("place") List<String> places,
            @Parameter(description = "an organisation the article names (exact)") @QueryParam("org") List<String> organizations,
            @Parameter(description = "a reporter of the article (exact)") @QueryParam("reporter") List<String> reporters,
            @Parameter(description = "the article's category (exact)") @QueryParam("category") List<String> categories,
            @Parameter(description = "a keyword of the article (exact)") @QueryParam("keyword") List<String> keywords,
            @Parameter(description = "first event date, yyyy-MM-dd", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("from") String from,
            @Parameter(description = "last event date, yyyy-MM-dd", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") String to,
            @Parameter(description = "relevance (default) or date (newest first)",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"relevance", "date"}))
            @QueryParam("sort") String sort,
            @Parameter(description = "page number from 1; page × size at most 10000",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1"))
            @QueryParam("page") String page,
            @Parameter(description = "hits per page, 1 to 100",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "10"))
            @QueryParam("size") String size) {
        ArticleQuery query = QueryParameters.articleQuery(q, persons, places, organizations, reporters, categories,
                keywords, from, to, sort, page, size, 10);
        return client.search(requests.build(query, config.alias())).map(SearchAnswer::toResult);
    }
}
