package io.newsflow.ingest.watch;

import io.newsflow.ingest.config.IngestConfig;
import io.newsflow.ingest.process.FileIngestor;
import io.newsflow.ingest.process.IngestOutcome;
import io.newsflow.ingest.publish.KafkaAvailability;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Drives ingestion: on file-system events, while files are settling, and at every rescan interval it scans the
 * inbox, claims each file that stopped changing and hands it to {@link FileIngestor}. While Kafka is unreachable
 * nothing is claimed: files wait in the inbox.
 */
@ApplicationScoped
public class InboxWatcher {
    private static final Logger LOG = Logger.getLogger(InboxWatcher.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    private final IngestConfig config;
    private final FileIngestor ingestor;
    private final KafkaAvailability kafka;
    private final InboxFolders folders;
    private final InboxScanner scanner = new InboxScanner();
    private final StabilityTracker tracker;
    private final Map<Path, Duration> retryBackoff = new HashMap<>();
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService workers;
    private InboxEvents events;
    private Instant nextRescan = Instant.MIN;

    public InboxWatcher(IngestConfig config, FileIngestor ingestor, KafkaAvailability kafka, InstanceId instanceId) {
        this.config = config;
        this.ingestor = ingestor;
        this.kafka = kafka;
        this.folders = new InboxFolders(config, instanceId.value());
        this.tracker = new StabilityTracker(config.minFileAge());
        this.workers = Executors.newFixedThreadPool(Math.max(1, config.concurrency()),
                Thread.ofPlatform().name("ingest-", 1).daemon().factory());
    }

    void onStart(@Observes StartupEvent event) throws IOException {
        folders.create();
        int recovered = folders.recoverClaims();
        events = new InboxEvents(config.inbox());
        LOG.infof("watching inbox=%s recovered-claims=%d", config.inbox().toAbsolutePath(), recovered);
    }

    void onStop(@Observes ShutdownEvent event) throws IOException {
        if (events != null) {
            events.close();
        }
        workers.shutdown();
    }

    /** Runs often and cheaply: it scans only when something may have changed or the rescan is due. */
    @Scheduled(every = "0.25s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        Instant now = clock.instant();
        boolean eventSeen = events != null && events.takeChanged();
        if (!eventSeen && !tracker.hasPending() && now.isBefore(nextRescan)) {
            return;
        }
        nextRescan = now.plus(config.rescanInterval());
        List<Path> ready;
        try {
            ready = tracker.observe(scanner.scan(config.inbox()), now);
        } catch (IOException e) {
            LOG.errorf("cannot scan inbox=%s reason=\"%s\"", config.inbox(), e.getMessage());
            return;
        }
        if (!ready.isEmpty() && !kafka.isAvailable()) {
            LOG.debugf("kafka unavailable: %d files wait in the inbox", ready.size());
            return; // the tracker forgot them as ready: the next scans see them again, still settled
        }
        // Files are published side by side (their waits for Kafka's ack overlap); the tick waits for all of them,
        // so the tracker and the backoffs stay on this one thread.
        List<Future<IngestOutcome>> outcomes = new ArrayList<>(ready.size());
        for (Path file : ready) {
            outcomes.add(workers.submit(() -> ingest(file)));
        }
        for (int i = 0; i < ready.size(); i++) {
            Path file = ready.get(i);
            if (outcome(outcomes.get(i), file) == IngestOutcome.RETRY_LATER) {
                Duration backoff = retryBackoff.merge(file, FIRST_RETRY, (previous, first) -> min(previous.multipliedBy(2), config.maxRetryBackoff()));
                tracker.holdUntil(file, clock.instant().plus(backoff));
            } else {
                retryBackoff.remove(file);
            }
        }
    }

    /** Claims and ingests one file; {@code null} when another instance took it or it failed to move. */
    private IngestOutcome ingest(Path file) {
        try {
            Optional<ClaimedFile> claim = folders.claim(file);
            if (claim.isEmpty()) {
                return null; // another instance took it
            }
            return ingestor.ingest(claim.get(), folders);
        } catch (IOException e) {
            LOG.errorf(e, "file=%s outcome=error reason=\"%s\"", file.getFileName(), e.getMessage());
            return null;
        }
    }

    private static IngestOutcome outcome(Future<IngestOutcome> future, Path file) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            LOG.errorf(e.getCause(), "file=%s outcome=error reason=\"%s\"", file.getFileName(), e.getCause().getMessage());
            return null;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
