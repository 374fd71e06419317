package io.newsflow.ingest.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

/** Configuration of ingest-service; every property is listed in the README's configuration table. */
@ConfigMapping(prefix = "newsflow.ingest")
public interface IngestConfig {

    /** Folder watched for new page files (subfolders included). */
    Path inbox();

    /** Folder files are claimed into (atomically renamed) while they are published, one subfolder per instance. */
    Path processing();

    /** Published files, under {@code yyyy/MM/dd} of the day they were taken. */
    Path archive();

    /** Files that could not be ingested, each with a {@code <name>.error.json} beside it. */
    Path failed();

    /** Durable record of the published page hashes, shared by the instances on one folder. */
    Path state();

    /**
     * Name of this instance; instances sharing a folder need distinct, stable names, because each one
     * takes back its own unfinished claims at start-up. Defaults to the host name and HTTP port.
     */
    java.util.Optional<String> instanceId();

    /**
     * A file is taken only once its size and modification time have not changed for this long. Writers that pause
     * longer in the middle of a file should write under an ignored name ({@code .tmp}, {@code .part}) and rename.
     */
    @WithDefault("500ms")
    Duration minFileAge();

    /** Files published at the same time (each waits for Kafka's acknowledgement; the waits overlap). */
    @WithDefault("4")
    int concurrency();

    /** Full rescan of the inbox, the safety net for missed file-system events. */
    @WithDefault("1s")
    Duration rescanInterval();

    /** Files larger than this go to {@code failed/}. */
    @WithDefault("5M")
    MemorySize maxFileSize();

    /**
     * How long to wait for Kafka to acknowledge a page before the file goes back to the inbox; longer than the
     * producer's {@code delivery.timeout.ms}, so a page given up on is never delivered afterwards.
     */
    @WithDefault("40s")
    Duration publishTimeout();

    /** Longest pause before a file whose publication failed is tried again. */
    @WithDefault("30s")
    Duration maxRetryBackoff();

    /** Time zone of the modification-date rule and of the archive folders. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    /**
     * Bytes of pages held in memory at once, across uploads and files being published; what does not fit waits
     * (a file stays in the inbox) or is refused (an upload gets 503 with Retry-After). At least max-file-size.
     */
    @WithDefault("16M")
    MemorySize bytesInFlight();

    /**
     * Readiness goes DOWN when no inbox scan completed for this long, or one file has been in work for this long
     * (longer than publish-timeout, which bounds an honest publication).
     */
    @WithDefault("90s")
    Duration stallTimeout();

    /**
     * How long an upload's body may take to arrive, from its headers on; a slower one is answered 408 and its
     * connection closed (quarkus.http.read-timeout only bounds each wait for the next bytes).
     */
    @WithDefault("30s")
    Duration uploadReadTimeout();

    /** Plausible issue dates, checked where a date enters (file name, folder, sidecar, upload parameter). */
    IssueDates issueDate();

    interface IssueDates {
        /** Earliest plausible issue date. */
        @WithDefault("1900-01-01")
        LocalDate earliest();

        /** How far after today an issue date may lie (ISO-8601 period). */
        @WithDefault("P1Y")
        Period ahead();
    }
}
