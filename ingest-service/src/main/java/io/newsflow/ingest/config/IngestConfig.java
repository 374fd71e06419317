package io.newsflow.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;

/** Configuration of ingest-service; every property is listed in the README's configuration table. */
@ConfigMapping(prefix = "newsflow.ingest")
public interface IngestConfig {

    /** Folder watched for new page files. */
    Path inbox();

    /** Folder a file is moved into (atomically) while it is being published. */
    Path processing();

    /** Published files, under {@code yyyy/MM/dd} of the day they were published. */
    Path archive();

    /** Files that could not be ingested, each with a {@code <name>.error.json} beside it. */
    Path failed();

    /** How often the inbox is scanned. */
    @WithDefault("1s")
    Duration pollInterval();

    /** A file is taken only once it has not been modified for this long, so half-written files are left alone. */
    @WithDefault("1s")
    Duration minFileAge();

    /**
     * How long to wait for Kafka to acknowledge a page before the file goes back to the inbox; longer than the
     * producer's {@code delivery.timeout.ms}, so a page given up on is never delivered afterwards.
     */
    @WithDefault("40s")
    Duration publishTimeout();
}
