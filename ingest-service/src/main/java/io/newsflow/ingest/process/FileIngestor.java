package io.newsflow.ingest.process;

import io.newsflow.ingest.config.IngestConfig;
import io.newsflow.ingest.publish.PagePublisher;
import io.newsflow.ingest.publish.PublishException;
import io.newsflow.ingest.publish.PublishedPages;
import io.newsflow.ingest.watch.ClaimedFile;
import io.newsflow.ingest.watch.InboxFolders;
import io.newsflow.model.Page;
import io.newsflow.pagefiles.DecodedText;
import io.newsflow.pagefiles.IssueDateResolver;
import io.newsflow.pagefiles.NotTextException;
import io.newsflow.pagefiles.PageDecoder;
import io.newsflow.pagefiles.PageFile;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Turns one claimed file into a published {@link Page}: refuse what is no page (to {@code failed/} with a report),
 * skip content published before (to {@code archive/} with a note), else publish and archive only after Kafka's
 * acknowledgement. When Kafka does not acknowledge, the file goes back to the inbox.
 */
@ApplicationScoped
public class FileIngestor {
    private static final Logger LOG = Logger.getLogger(FileIngestor.class);

    private final IngestConfig config;
    private final PagePublisher publisher;
    private final PublishedPages publishedPages;
    private final IngestMetrics metrics;
    private final PageDecoder decoder = new PageDecoder();
    private final IssueDateResolver dates;
    private final Clock clock = Clock.systemUTC();

    public FileIngestor(IngestConfig config, PagePublisher publisher, IngestMetrics metrics) {
        this.config = config;
        this.publisher = publisher;
        this.metrics = metrics;
        // a reservation outlives any honest publication attempt before it counts as left by a crash
        this.publishedPages = new PublishedPages(config.state(), config.publishTimeout().multipliedBy(2));
        this.dates = new IssueDateResolver(config.timeZone());
    }

    public IngestOutcome ingest(ClaimedFile claim, InboxFolders folders) throws IOException {
        metrics.seen();
        Instant now = clock.instant();
        long size = Files.size(claim.file());
        FileTime modified = Files.getLastModifiedTime(claim.file());
        if (size > config.maxFileSize().asLongValue()) {
            return fail(claim, folders, new NotTextException(NotTextException.Reason.TOO_LARGE, "unknown",
                    "the file has " + size + " bytes, more than the maximum of " + config.maxFileSize().asLongValue()), size, now);
        }
        byte[] bytes = Files.readAllBytes(claim.file());
        DecodedText decoded;
        try {
            decoded = decoder.decode(bytes);
        } catch (NotTextException e) {
            return fail(claim, folders, e, size, now);
        }
        String sha256 = PageFile.sha256(bytes);
        return switch (publishedPages.reserve(sha256)) {
            case ALREADY_PUBLISHED -> {
                Path archived = folders.archive(claim, now.atZone(config.timeZone()).toLocalDate());
                FileReports.writeDuplicate(archived, sha256, publishedPages.firstFileName(sha256).orElse(""), now);
                metrics.duplicate();
                LOG.infof("file=%s outcome=duplicate page=%s", claim.relativePath(), sha256);
                yield IngestOutcome.DUPLICATE;
            }
            case IN_FLIGHT_ELSEWHERE -> {
                folders.release(claim);
                LOG.infof("file=%s outcome=retry reason=\"the same content is being published by another instance\"", claim.relativePath());
                yield IngestOutcome.RETRY_LATER;
            }
            case RESERVED -> publish(claim, folders, decoded, sha256, size, modified, now);
        };
    }

    private IngestOutcome publish(ClaimedFile claim, InboxFolders folders, DecodedText decoded, String sha256, long size,
                                  FileTime modified, Instant now) throws IOException {
        IssueDateResolver.ResolvedDate issueDate = dates.resolve(claim.relativePath(), claim.sidecar(), modified);
        Page page = new Page(sha256, claim.fileName(), issueDate.date(), issueDate.source(), decoded.charset(), decoded.text(), size, now);
        long started = System.nanoTime();
        try {
            publisher.publish(page, config.publishTimeout());
        } catch (PublishException e) {
            publishedPages.release(sha256);
            folders.release(claim);
            metrics.retried();
            LOG.warnf("file=%s outcome=retry reason=\"%s\"", claim.relativePath(), e.getMessage());
            return IngestOutcome.RETRY_LATER;
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        publishedPages.markPublished(sha256, claim.fileName(), now);
        Path archived = folders.archive(claim, now.atZone(config.timeZone()).toLocalDate());
        metrics.published(size, latency);
        LOG.infof("file=%s outcome=published page=%s bytes=%d charset=%s issueDate=%s issueDateSource=%s latencyMs=%d archived=%s",
                claim.relativePath(), sha256, size, decoded.charset(), issueDate.date(), page.issueDateSource().wireName(),
                latency.toMillis(), config.archive().relativize(archived));
        return IngestOutcome.PUBLISHED;
    }

    private IngestOutcome fail(ClaimedFile claim, InboxFolders folders, NotTextException e, long size, Instant now) throws IOException {
        String reason = e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
        folders.fail(claim, name -> FileReports.error(name, reason, e.getMessage(), size, e.detectedType(),
                claim.relativePath(), now));
        metrics.failed(reason);
        LOG.warnf("file=%s outcome=failed reason=%s message=\"%s\"", claim.relativePath(), reason, e.getMessage());
        return IngestOutcome.FAILED;
    }}
