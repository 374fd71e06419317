package io.newsflow.search.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Configuration of the web page of search-service. */
@ConfigMapping(prefix = "newsflow.search.web")
public interface WebConfig {

    /**
     * How long the overview page waits for each of its questions to Kafka (dead letters, consumer lag) and to
     * ingest-service (its inbox).
     */
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

    /** ingest-service, asked by the overview page for the files in its inbox and {@code failed/} ({@code GET /api/inbox}). */
    @WithDefault("http://localhost:8081")
    URI ingestUrl();

    /**
     * The user the overview page asks ingest-service as; needed when ingest's reading is protected
     * ({@code newsflow.security.read-protected}: role reader). No credentials are sent without user and password.
     */
    Optional<String> ingestUser();

    /** The password of {@link #ingestUser()}: given at run time (compose: a secret), never built in. */
    Optional<String> ingestPassword();
}
