package io.newsflow.ingest.watch;

import io.newsflow.ingest.config.IngestConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Scans the inbox and hands each file that has stopped changing to {@link ClaimedFileIngestor}, after claiming it.
 * Polling (not a WatchService) because it works the same on network shares and catches files present at start-up.
 */
@ApplicationScoped
public class InboxWatcher {
    private static final Logger LOG = Logger.getLogger(InboxWatcher.class);

    private final IngestConfig config;
    private final InboxFolders folders;
    private final ClaimedFileIngestor ingestor;

    public InboxWatcher(IngestConfig config, ClaimedFileIngestor ingestor) {
        this.config = config;
        this.folders = new InboxFolders(config);
        this.ingestor = ingestor;
    }

    void onStart(@Observes StartupEvent event) throws IOException {
        folders.create();
        folders.recoverClaimed();
        LOG.infof("watching inbox=%s", config.inbox().toAbsolutePath());
    }

    @Scheduled(every = "${newsflow.ingest.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scan() {
        for (Path file : readyFiles()) {
            try {
                var claimed = folders.claim(file);
                if (claimed.isPresent()) {
                    ingestor.ingest(claimed.get());
                }
            } catch (IOException e) {
                LOG.errorf(e, "file=%s outcome=error reason=\"%s\"", file.getFileName(), e.getMessage());
            }
        }
    }

    /** Regular, visible files not modified within the minimum age, oldest first. */
    List<Path> readyFiles() {
        Instant settled = Instant.now().minus(config.minFileAge());
        try (Stream<Path> files = Files.list(config.inbox())) {
            return files.filter(file -> !file.getFileName().toString().startsWith("."))
                    .filter(file -> isSettledFile(file, settled))
                    .sorted(Comparator.comparing(InboxWatcher::modified))
                    .toList();
        } catch (IOException e) {
            LOG.errorf("cannot list inbox=%s reason=\"%s\"", config.inbox(), e.getMessage());
            return List.of();
        }
    }

    private static boolean isSettledFile(Path file, Instant settled) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.isRegularFile() && attributes.lastModifiedTime().toInstant().isBefore(settled);
        } catch (IOException e) {
            return false; // gone or unreadable: the next scan sees it again
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.MAX;
        }
    }
}
