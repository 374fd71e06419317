package io.newsflow.search.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.micrometer.core.annotation.Timed;
import io.newsflow.search.config.ApiConfig;
import io.newsflow.search.config.SearchConfig;
import io.newsflow.search.query.Facet;
import io.newsflow.search.query.StatsRequestFactory;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.util.Map;

/** An overview of the index: how many articles, which days, which categories and names occur most. */
@Path("/api/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "search")
@Blocking
public class StatsResource {
    private final ElasticsearchClient client;
    private final SearchConfig config;
    private final StatsRequestFactory requests;

    public StatsResource(ElasticsearchClient client, SearchConfig config, ApiConfig apiConfig) {
        this.client = client;
        this.config = config;
        this.requests = new StatsRequestFactory(apiConfig.statsTopSize());
    }

    @GET
    @Operation(summary = "Article count, event date range, articles per category and the most frequent names")
    @Timed(value = "newsflow.search.latency", extraTags = {"endpoint", "stats"}, percentiles = {0.5, 0.99},
            description = "time to answer an API request")
    public ArticleStats stats() throws IOException {
        SearchResponse<Void> response = client.search(requests.build(config.alias()), Void.class);
        Map<String, Aggregate> aggregations = response.aggregations();
        return new ArticleStats(
                response.hits().total() == null ? 0 : response.hits().total().value(),
                AggregateConverter.date(aggregations, StatsRequestFactory.FIRST_EVENT_DATE),
                AggregateConverter.date(aggregations, StatsRequestFactory.LAST_EVENT_DATE),
                AggregateConverter.facet(aggregations, Facet.CATEGORIES),
                AggregateConverter.facet(aggregations, Facet.PERSONS),
                AggregateConverter.facet(aggregations, Facet.PLACES),
                AggregateConverter.facet(aggregations, Facet.ORGANIZATIONS),
                AggregateConverter.facet(aggregations, Facet.REPORTERS));
    }
}
