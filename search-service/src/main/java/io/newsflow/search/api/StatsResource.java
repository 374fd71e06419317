package io.newsflow.search.api;

import io.micrometer.core.annotation.Timed;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;

/** An overview of the index: how many articles, which days, which categories and names occur most. */
@Path("/api/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "search")
@Blocking
public class StatsResource {
    private final ArticleStatsReader reader;

    public StatsResource(ArticleStatsReader reader) {
        this.reader = reader;
    }

    @GET
    @Operation(summary = "Article count, event date range, articles per category and per day, the most frequent names "
            + "and the article indexed last")
    @Timed(value = "newsflow.search.latency", extraTags = {"endpoint", "stats"}, percentiles = {0.5, 0.99},
            description = "time to answer an API request")
    public ArticleStats stats() throws IOException {
        return reader.read();
    }
}
