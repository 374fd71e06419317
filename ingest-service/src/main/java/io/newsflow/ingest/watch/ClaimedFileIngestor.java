package io.newsflow.ingest.watch;

import io.newsflow.ingest.config.IngestConfig;
import io.newsflow.ingest.decode.DecodedText;
import io.newsflow.ingest.decode.IssueDateResolver;
import io.newsflow.ingest.decode.PageDecoder;
import io.newsflow.ingest.decode.UndecodableTextException;
import io.newsflow.ingest.publish.PagePublisher;
import io.newsflow.ingest.publish.PublishException;
import io.newsflow.model.Page;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;

/** Turns one claimed file into a published {@link Page}, then archives it; the file is never archived unpublished. */
@ApplicationScoped
public class ClaimedFileIngestor {
    private static final Logger LOG = Logger.getLogger(ClaimedFileIngestor.class);

    private final IngestConfig config;
    private final InboxFolders folders;
    private final PagePublisher publisher;
    private final PageDecoder decoder = new PageDecoder();
    private final IssueDateResolver dates = new IssueDateResolver();
    private final Clock clock = Clock.systemUTC();

    public ClaimedFileIngestor(IngestConfig config, PagePublisher publisher) {
        this.config = config;
        this.folders = new InboxFolders(config);
        this.publisher = publisher;
    }

    public void ingest(Path claimed) throws IOException {
        byte[] bytes = Files.readAllBytes(claimed);
        DecodedText decoded;
        try {
            decoded = decoder.decode(bytes);
        } catch (UndecodableTextException e) {
            Path failed = folders.fail(claimed);
            LOG.warnf("file=%s outcome=failed reason=\"%s\"", failed.getFileName(), e.getMessage());
            return;
        }
        var issueDate = dates.resolve(claimed).orElse(null);
        Instant receivedAt = clock.instant();
        Page page = new Page(sha256(bytes), claimed.getFileName().toString(),
                issueDate == null ? null : issueDate.date(), issueDate == null ? null : issueDate.source(),
                decoded.charset(), decoded.text(), bytes.length, receivedAt);
        try {
            publisher.publish(page, config.publishTimeout());
        } catch (PublishException e) {
            folders.release(claimed);
            LOG.warnf("file=%s outcome=retry reason=\"%s\"", claimed.getFileName(), e.getMessage());
            return;
        }
        Path archived = folders.archive(claimed, receivedAt.atZone(ZoneOffset.UTC).toLocalDate());
        LOG.infof("file=%s outcome=published page=%s bytes=%d charset=%s archived=%s",
                page.fileName(), page.sha256(), bytes.length, page.charset(), config.archive().relativize(archived));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
