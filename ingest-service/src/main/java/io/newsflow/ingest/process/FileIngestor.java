package io.newsflow.ingest.process;

import io.newsflow.ingest.config.IngestConfig;
import io.newsflow.logging.LogSafe;
import io.newsflow.ingest.publish.PagePublisher;
import io.newsflow.ingest.publish.PublishException;
import io.newsflow.ingest.publish.PublishedPages;
import io.newsflow.ingest.watch.ClaimedFile;
import io.newsflow.ingest.watch.InboxFolders;
import io.newsflow.model.Page;
import io.newsflow.pagefiles.DecodedText;
import io.newsflow.pagefiles.IssueDateRange;
import io.newsflow.pagefiles.IssueDateResolver;
import io.newsflow.pagefiles.NotTextException;
import io.newsflow.pagefiles.PageDecoder;
import io.newsflow.pagefiles.PageFile;
import io.newsflow.pagefiles.RegularFiles;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns one claimed file into a published {@link Page}: refuse what is no page (to {@code failed/} with a report),
 * skip content published before (to {@code archive/} with a note), else publish and archive only after Kafka's
 * acknowledgement. When Kafka does not acknowledge, the file goes back to the inbox.
 * <p>
 * Only a regular file is opened, and never more than {@code max-file-size} of it is read: a link, FIFO or device
 * put into the inbox goes to {@code failed/} unopened.
 * <p>
 * A file that changes after its claim (a writer that paused longer than {@code min-file-age} and went on) is noticed:
 * its size when read, and its size and hash again before it is archived, must be those of the bytes that were
 * published. Otherwise it goes back to the inbox, with a warning, and is taken again as what it then holds.
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
        this.dates = new IssueDateResolver(issueDateRange(config));
    }

    /** The plausible issue dates of the configuration. */
    public static IssueDateRange issueDateRange(IngestConfig config) {
        return new IssueDateRange(config.issueDate().earliest(), config.issueDate().ahead(), config.timeZone(), Clock.systemUTC());
    }

    public IngestOutcome ingest(ClaimedFile claim, InboxFolders folders) throws IOException {
        metrics.seen();
        Instant now = clock.instant();
        BasicFileAttributes attributes = RegularFiles.attributes(claim.file());
        long size = attributes.size();
        byte[] bytes;
        DecodedText decoded;
        IssueDateResolver.ResolvedDate issueDate;
        try {
            RegularFiles.requireRegular(attributes);
            try {
                bytes = RegularFiles.read(claim.file(), config.maxFileSize().asLongValue());
            } catch (IOException e) {
                // permissions, an I/O error: the file is the problem, not the service
                throw new NotTextException(NotTextException.Reason.UNREADABLE, "unknown",
                        "the file cannot be read: " + e.getClass().getSimpleName());
            }
            if (bytes.length != size) {
                return changed(claim, folders, "its size changed from " + size + " to " + bytes.length + " bytes while it was read");
            }
            decoded = decoder.decode(bytes);
            // a date that is broken or implausible refuses the page here, before anything is published
            issueDate = dates.resolve(claim.relativePath(), claim.sidecar(), attributes.lastModifiedTime());
        } catch (NotTextException e) {
            return fail(claim, folders, e, size, now);
        }
        String sha256 = PageFile.sha256(bytes);
        return switch (publishedPages.reserve(sha256)) {
            case ALREADY_PUBLISHED -> {
                if (!holdsWhatWasRead(claim.file(), size, sha256)) {
                    yield changed(claim, folders, "it changed after it was read, which matched page " + sha256
                            + " published before; the file, now different, goes back to be taken again");
                }
                Path archived = folders.archive(claim, now.atZone(config.timeZone()).toLocalDate());
                FileReports.writeDuplicate(archived, sha256, publishedPages.firstFileName(sha256).orElse(""), now);
                metrics.duplicate();
                LOG.infof("file=\"%s\" outcome=duplicate page=%s", LogSafe.text(claim.relativePath()), sha256);
                yield IngestOutcome.DUPLICATE;
            }
            case IN_FLIGHT_ELSEWHERE -> {
                folders.release(claim);
                LOG.infof("file=\"%s\" outcome=retry reason=\"the same content is being published by another instance\"",
                        LogSafe.text(claim.relativePath()));
                yield IngestOutcome.RETRY_LATER;
            }
            case RESERVED -> publish(claim, folders, decoded, issueDate, sha256, attributes, now);
        };
    }

    private IngestOutcome publish(ClaimedFile claim, InboxFolders folders, DecodedText decoded,
                                  IssueDateResolver.ResolvedDate issueDate, String sha256, BasicFileAttributes read,
                                  Instant now) throws IOException {
        long size = read.size();
        if (!issueDate.isPresent()) {
            // the modification time was all that was left, and it is no date: published without one, said once here
            LOG.warnf("file=\"%s\" issueDate=none reason=\"no date in its name, folders or sidecar, and its modification time %s is unset or implausible\"",
                    LogSafe.text(claim.relativePath()), read.lastModifiedTime());
        }
        Page page = new Page(sha256, claim.fileName(), issueDate.date(), issueDate.source(), decoded.charset(), decoded.text(), size, now);
        long started = System.nanoTime();
        try {
            publisher.publish(page, config.publishTimeout());
        } catch (PublishException e) {
            publishedPages.release(sha256);
            folders.release(claim);
            metrics.retried();
            LOG.warnf("file=\"%s\" outcome=retry reason=\"%s\"", LogSafe.text(claim.relativePath()), LogSafe.text(e.getMessage()));
            return IngestOutcome.RETRY_LATER;
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        publishedPages.markPublished(sha256, claim.fileName(), now);
        metrics.published(size, latency);
        if (!holdsWhatWasRead(claim.file(), size, sha256)) {
            // a writer still had the file open: what was published is not what would be archived
            return changed(claim, folders, "it changed after it was read: page " + sha256 + " was published from its first "
                    + size + " bytes, and the file, now different, goes back to be taken again");
        }
        Path archived = folders.archive(claim, now.atZone(config.timeZone()).toLocalDate());
        String dateSource = issueDate.isPresent() ? issueDate.source().wireName() : "none";
        LOG.infof("file=\"%s\" outcome=published page=%s bytes=%d charset=%s issueDate=%s issueDateSource=%s latencyMs=%d archived=\"%s\"",
                LogSafe.text(claim.relativePath()), sha256, size, decoded.charset(), issueDate.isPresent() ? issueDate.date() : "none",
                dateSource, latency.toMillis(), LogSafe.text(config.archive().relativize(archived)));
        return IngestOutcome.PUBLISHED;
    }

    /** Whether the claimed file still holds the bytes that were read: the same size, then the same hash. */
    private static boolean holdsWhatWasRead(Path file, long size, String sha256) throws IOException {
        BasicFileAttributes now = RegularFiles.attributes(file);
        return now.isRegularFile() && now.size() == size && PageFile.sha256(file, size + 1).equals(sha256);
    }

    /**
     * A writer kept writing after the file was claimed (it looked finished: untouched for min-file-age). The file
     * goes back to the inbox, to be taken again as what it holds once it settles; nothing is archived as if
     * published.
     */
    private IngestOutcome changed(ClaimedFile claim, InboxFolders folders, String why) throws IOException {
        folders.release(claim);
        metrics.changed();
        LOG.warnf("file=\"%s\" outcome=changed reason=changed-while-read message=\"%s\"", LogSafe.text(claim.relativePath()),
                LogSafe.text(why));
        return IngestOutcome.CHANGED;
    }

    /**
     * To {@code failed/} with the reason. A broken sidecar fails its page too, rather than the page going on with
     * the modification date: the sidecar is the user's explicit statement of the date, so a page published under
     * another date would be silently wrong, while {@code failed/} shows the reason and the fix is a re-drop.
     */
    private IngestOutcome fail(ClaimedFile claim, InboxFolders folders, NotTextException e, long size, Instant now) throws IOException {
        String reason = e.reason().code();
        Path failed = folders.fail(claim, name -> FileReports.error(name, reason, e.getMessage(), size, e.detectedType(),
                claim.relativePath(), now));
        metrics.failed(reason);
        // WARN without a stack trace: the input was bad and has been dealt with, the service is fine
        LOG.warnf("file=\"%s\" outcome=failed reason=%s message=\"%s\" failed=\"%s\"", LogSafe.text(claim.relativePath()), reason,
                LogSafe.text(e.getMessage()), LogSafe.text(failed.getFileName()));
        return IngestOutcome.FAILED;
    }
}
