package io.newsflow.search.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Saved searches and their alerts; each property is described in docs/operations.md ("Saved searches and alerts"). */
@ConfigMapping(prefix = "newsflow.search.alerts")
public interface AlertsConfig {
    /**
     * The names dictionary the Elasticsearch node's analyzer loads ({@code config/names.txt}): new articles are
     * analysed here as the node analyses them, so both must know the same names.
     */
    Optional<Path> namesFile();

    /** Saved searches one user may keep. */
    @WithDefault("1000")
    int maxPerOwner();

    /** Deliveries of one saved search a minute; its further hits in that minute go out together as one digest. */
    @WithDefault("20")
    int digestAfter();

    /** How often deliveries due for a retry, and those an instance left unfinished, are looked for. */
    @WithDefault("5s")
    Duration sweepInterval();

    /** How long an instance may take over a delivery before another instance may take it up again. */
    @WithDefault("2m")
    Duration deliveryLease();

    /** Hits shown with a saved search ({@code GET /api/saved-searches/{id}}, the web page). */
    @WithDefault("20")
    int latestHits();

    /** Entries of a saved search's Atom feed. */
    @WithDefault("50")
    int feedEntries();

    /** The address people reach the web page and the API at, for the links in webhooks and feeds. */
    @WithDefault("http://localhost:8080")
    String publicUrl();
}
