package io.newsflow.search.api;

import io.newsflow.access.ErrorBody;

import io.micrometer.core.annotation.Timed;
import io.newsflow.search.config.ApiConfig;
import io.newsflow.search.config.SearchConfig;
import io.newsflow.search.query.EntityKind;
import io.newsflow.search.query.EntityRequestFactory;
import io.newsflow.search.query.QueryParameters;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

/**
 * One person, place or organisation: mentions per day, the articles and the names most often mentioned with it,
 * all from one search ({@link EntityRequestFactory}). Non-blocking, like {@link SearchResource}.
 */
@Path("/api/entities/{type}/{name}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "search")
public class EntityResource {
    private final RawSearch client;
    private final SearchConfig config;
    private final EntityRequestFactory requests;

    public EntityResource(RawSearch client, SearchConfig config, ApiConfig apiConfig) {
        this.client = client;
        this.config = config;
        this.requests = new EntityRequestFactory(apiConfig.facetSize());
    }

    @GET
    @Operation(summary = "A person, place or organisation: articles per day, its articles, names mentioned with it",
            description = "The name is exact (as in the person, place and org filters of a search). An unknown name "
                    + "answers 200 with total 0.")
    @APIResponse(responseCode = "200", description = "timeline, articles (newest first) and co-mentions",
            content = @Content(schema = @Schema(implementation = EntityReport.class)))
    @APIResponse(responseCode = "400", description = "unknown type, blank or too long name, invalid page or size",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "Elasticsearch or the index is not available",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @Timed(value = "newsflow.search.latency", extraTags = {"endpoint", "entity"}, percentiles = {0.5, 0.99},
            description = "time to answer an API request")
    public Uni<EntityReport> entity(
            @Parameter(description = "what the name is", schema = @Schema(type = SchemaType.STRING, enumeration = {"person", "place", "org"}))
            @PathParam("type") String type,
            @Parameter(description = "the exact name, at most 100 characters") @PathParam("name") String name,
            @Parameter(description = "page of the articles, from 1", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1"))
            @QueryParam("page") String page,
            @Parameter(description = "articles per page, 1 to 100",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "10"))
            @QueryParam("size") String size) {
        EntityKind kind = EntityKind.parse(type);
        String exact = name.strip();
        return client.search(requests.build(kind, exact, QueryParameters.wholeNumber("page", page, 1),
                        QueryParameters.size(size, 10), config.alias()))
                .map(answer -> EntityReport.of(kind.parameter(), exact, answer.toResult()));
    }
}
