package io.newsflow.search.api;

import io.newsflow.access.ErrorBody;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.micrometer.core.annotation.Timed;
import io.newsflow.model.Article;
import io.newsflow.search.config.SearchConfig;
import io.newsflow.search.query.HitSource;
import io.newsflow.search.query.QueryParameters;
import io.newsflow.search.query.SimilarRequestFactory;
import io.smallrye.common.annotation.Blocking;
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

import java.io.IOException;

/** One article by id, and the articles most like it. */
@Path("/api/articles/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "articles")
@Blocking
public class ArticleResource {
    /** Article ids are {@code <16 hex>-<ordinal>}; anything much longer is no id, and not worth asking for. */
    private static final int MAX_ID_LENGTH = 100;

    private final ElasticsearchClient client;
    private final SearchConfig config;
    private final SimilarRequestFactory similarRequests = new SimilarRequestFactory();

    public ArticleResource(ElasticsearchClient client, SearchConfig config) {
        this.client = client;
        this.config = config;
    }

    @GET
    @Operation(summary = "One article, complete with its body")
    @APIResponse(responseCode = "200", description = "the article", content = @Content(schema = @Schema(implementation = Article.class)))
    @APIResponse(responseCode = "404", description = "no article has this id",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @Timed(value = "newsflow.search.latency", extraTags = {"endpoint", "article"}, percentiles = {0.5, 0.99},
            description = "time to answer an API request")
    public Article article(@Parameter(description = "article id, <page sha256 first 16 hex>-<ordinal>") @PathParam("id") String id)
            throws IOException {
        return find(id).source();
    }

    @GET
    @Path("/similar")
    @Operation(summary = "The articles most like this one (more like this, on headline and body)")
    @APIResponse(responseCode = "200", description = "similar articles, most alike first; never the article itself")
    @APIResponse(responseCode = "404", description = "no article has this id",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @Timed(value = "newsflow.search.latency", extraTags = {"endpoint", "similar"}, percentiles = {0.5, 0.99},
            description = "time to answer an API request")
    public SimilarArticles similar(
            @Parameter(description = "article id") @PathParam("id") String id,
            @Parameter(description = "hits wanted, 1 to 100",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "10"))
            @QueryParam("size") String size) throws IOException {
        int wanted = QueryParameters.size(size, 10);
        GetResponse<Article> article = find(id);
        SearchResponse<HitSource> response = client.search(
                similarRequests.build(config.alias(), article.index(), id, wanted), HitSource.class);
        return new SimilarArticles(id, HitConverter.hits(response.hits().hits()));
    }

    private GetResponse<Article> find(String id) throws IOException {
        if (id.length() > MAX_ID_LENGTH) {
            throw new ArticleNotFoundException(QueryParameters.shortened(id));
        }
        GetResponse<Article> response = client.get(g -> g.index(config.alias()).id(id), Article.class);
        if (!response.found() || response.source() == null) {
            throw new ArticleNotFoundException(id);
        }
        return response;
    }
}
