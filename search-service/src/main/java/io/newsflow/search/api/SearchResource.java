package io.newsflow.search.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.newsflow.model.Article;
import io.newsflow.search.config.SearchConfig;
import io.newsflow.search.query.ArticleQuery;
import io.newsflow.search.query.SearchRequestFactory;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.util.Map;

/** The search API over the indexed articles. */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class SearchResource {
    private final ElasticsearchClient client;
    private final SearchConfig config;
    private final SearchRequestFactory requests = new SearchRequestFactory();

    public SearchResource(ElasticsearchClient client, SearchConfig config) {
        this.client = client;
        this.config = config;
    }

    /**
     * Articles matching the free text {@code q} (all articles, newest first, when it is empty), best first, with
     * highlights.
     */
    @GET
    public SearchResult search(@QueryParam("q") String q,
                               @QueryParam("page") @DefaultValue("1") int page,
                               @QueryParam("size") @DefaultValue("10") int size) throws IOException {
        ArticleQuery query = new ArticleQuery(q, page, size);
        SearchResponse<Article> response = client.search(requests.build(query, config.alias()), Article.class);
        return new SearchResult(
                response.hits().total() == null ? response.hits().hits().size() : response.hits().total().value(),
                response.took(),
                response.hits().hits().stream().map(hit -> {
                    Article a = hit.source();
                    return new SearchHit(hit.id(), a.headline(), a.subheadlines(), a.lead(), a.issueDate(), a.eventDate(),
                            a.reporters(), a.persons(), a.places(), a.organizations(), a.category(), hit.score(),
                            hit.highlight() == null ? Map.of() : hit.highlight());
                }).toList());
    }
}
