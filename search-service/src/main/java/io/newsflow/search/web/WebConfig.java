package io.newsflow.search.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** Configuration of the web page of search-service. */
@ConfigMapping(prefix = "newsflow.search.web")
public interface WebConfig {

    /** How long the overview page waits for each of its questions to Kafka (dead letters, consumer lag). */
    @WithDefault("2s")
    Duration probeTimeout();

    /**
     * How long the overview page waits for all its answers together (the index's statistics, the pipeline's state);
     * what has not answered by then is shown as unknown.
     */
    @WithDefault("5s")
    Duration overviewTimeout();

    /** The dead-letter topic of enrich-service, counted on the overview page (this service reads no page topic). */
    @WithName("pages-dlq.topic")
    String pagesDeadLetterTopic();
}
