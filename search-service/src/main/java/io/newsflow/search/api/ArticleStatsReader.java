package io.newsflow.search.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.newsflow.search.config.ApiConfig;
import io.newsflow.search.config.SearchConfig;
import io.newsflow.search.query.Facet;
import io.newsflow.search.query.StatsRequestFactory;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.Map;

/** Reads the overview of the index ({@link StatsRequestFactory}, one search): for {@code /api/stats} and the overview page. */
@ApplicationScoped
public class ArticleStatsReader {
    private final ElasticsearchClient client;
    private final SearchConfig config;
    private final StatsRequestFactory requests;

    public ArticleStatsReader(ElasticsearchClient client, SearchConfig config, ApiConfig apiConfig) {
        this.client = client;
        this.config = config;
        this.requests = new StatsRequestFactory(apiConfig.statsTopSize());
    }

    public ArticleStats read() throws IOException {
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
                AggregateConverter.facet(aggregations, Facet.REPORTERS),
                AggregateConverter.facet(aggregations, Facet.KEYWORDS),
                AggregateConverter.days(aggregations, StatsRequestFactory.PER_DAY),
                AggregateConverter.lastIndexed(aggregations, StatsRequestFactory.LAST_INDEXED));
    }
}
