package io.newsflow.search.index;

import io.newsflow.logging.LogSafe;
import io.newsflow.model.Article;
import io.newsflow.model.NewsJson;
import io.newsflow.search.config.KafkaClientConfig;
import io.newsflow.search.config.SearchConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Re-index without {@code _reindex}: builds {@code <alias>-v<N+1>} from the template by replaying the compacted
 * {@code news.articles} topic from the beginning, swaps the alias atomically, then replays what arrived meanwhile
 * (the live consumer wrote it to the old index). Searches use the old index until the swap. Versioned writes make
 * the replay and the live consumer safe to overlap. After the swap only {@code keep-previous} older versions are
 * kept; it does not start when the data nodes' disks cannot take another copy above the low watermark.
 */
@ApplicationScoped
public class Reindexer {
    private static final Logger LOG = Logger.getLogger(Reindexer.class);
    private static final Pattern VERSION = Pattern.compile("^(.*)-v(\\d+)$");

    /** Progress of the last re-index, as {@code GET /api/admin/reindex} shows it. */
    public record Status(String state, String fromIndex, String toIndex, long replayed, long total, long rejected,
                         Instant startedAt, Instant finishedAt, String error) {
        static Status idle() {
            return new Status("idle", null, null, 0, 0, 0, null, null, null);
        }

        public boolean running() {
            return "running".equals(state);
        }
    }

    /** The disks cannot take another copy of the index: the re-index did not start. */
    public static final class NotEnoughDiskException extends RuntimeException {
        NotEnoughDiskException(String message) {
            super(message);
        }
    }

    private final IndexManager indexManager;
    private final ReindexDiskCheck diskCheck;
    private final SearchConfig config;
    private final BulkIndexer indexer;
    private final ManagedExecutor executor;
    private final KafkaClientConfig kafkaConfig;
    private final String articlesTopic;
    private final AtomicReference<Status> status = new AtomicReference<>(Status.idle());
    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    public Reindexer(IndexManager indexManager, ReindexDiskCheck diskCheck, SearchConfig config, BulkIndexer indexer,
                     ManagedExecutor executor, KafkaClientConfig kafkaConfig,
                     @ConfigProperty(name = "mp.messaging.incoming.articles.topic") String articlesTopic) {
        this.indexManager = indexManager;
        this.diskCheck = diskCheck;
        this.config = config;
        this.indexer = indexer;
        this.executor = executor;
        this.kafkaConfig = kafkaConfig;
        this.articlesTopic = articlesTopic;
    }

    public Status status() {
        Status current = status.get();
        return current.running()
                ? new Status(current.state(), current.fromIndex(), current.toIndex(), replayed.get(), current.total(),
                rejected.get(), current.startedAt(), null, null)
                : current;
    }

    /**
     * Starts a re-index in the background; fails with {@link IllegalStateException} while one runs and with
     * {@link NotEnoughDiskException} when a copy of the current index would take a data node's disk past the low
     * watermark.
     */
    public synchronized Status start() throws IOException {
        if (status.get().running()) {
            throw new IllegalStateException("a re-index is already running: " + status.get().toIndex());
        }
        indexManager.ensureIndex();
        String from = indexManager.currentIndex().orElseThrow(() -> new IllegalStateException("alias has no index"));
        String to = nextIndex(from, indexManager.alias());
        diskCheck.refusal(from).ifPresent(reason -> {
            LOG.warnf("re-index refused from=%s reason=\"%s\"", from, LogSafe.text(reason));
            throw new NotEnoughDiskException(reason);
        });
        replayed.set(0);
        rejected.set(0);
        status.set(new Status("running", from, to, 0, 0, 0, Instant.now(), null, null));
        executor.runAsync(() -> run(from, to));
        return status();
    }

    static String nextIndex(String current, String alias) {
        Matcher matcher = VERSION.matcher(current);
        return matcher.matches() ? matcher.group(1) + "-v" + (Long.parseLong(matcher.group(2)) + 1) : alias + "-v2";
    }

    private void run(String from, String to) {
        Status started = status.get();
        boolean swapped = false;
        try (KafkaConsumer<String, String> consumer = consumer()) {
            indexManager.createIndex(to, false);
            List<TopicPartition> partitions = consumer.partitionsFor(articlesTopic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            long total = end.entrySet().stream().mapToLong(e -> e.getValue() - beginning.get(e.getKey())).sum();
            status.set(new Status("running", from, to, 0, total, 0, started.startedAt(), null, null));
            LOG.infof("re-index from=%s to=%s records=%d", from, to, total);
            replayUntil(consumer, end, to);
            indexManager.swapAlias(from, to);
            swapped = true;
            replayUntil(consumer, consumer.endOffsets(partitions), to);
            deleteOlderVersions(to);
            status.set(new Status("done", from, to, replayed.get(), total, rejected.get(), started.startedAt(), Instant.now(), null));
            LOG.infof("re-index done to=%s replayed=%d rejected=%d", to, replayed.get(), rejected.get());
        } catch (Exception e) {
            status.set(new Status("failed", from, to, replayed.get(), status.get().total(), rejected.get(),
                    started.startedAt(), Instant.now(), e.getMessage()));
            if (swapped) {
                LOG.errorf(e, "re-index to=%s failed after the alias moved to it; older indices are kept", to);
            } else {
                LOG.errorf(e, "re-index to=%s failed; the alias still points at %s", to, from);
                deletePartialCopy(to);
            }
        }
    }

    /** Keeps the index the alias now points at and the {@code keep-previous} versions just below it. */
    private void deleteOlderVersions(String current) throws IOException {
        SortedMap<Long, String> indices = indexManager.versionedIndices();
        Long currentVersion = indices.entrySet().stream().filter(e -> e.getValue().equals(current))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (currentVersion == null) {
            return; // not a versioned name: nothing to order the others by
        }
        List<String> older = new ArrayList<>(indices.headMap(currentVersion).values());
        Collections.reverse(older);
        String aliased = indexManager.currentIndex().orElse(current);
        for (String index : older.subList(Math.min(older.size(), config.reindex().keepPrevious()), older.size())) {
            if (!index.equals(aliased)) {
                indexManager.deleteIndex(index);
            }
        }
    }

    /** A copy the alias never pointed at only takes disk: remove it, the next re-index starts afresh. */
    private void deletePartialCopy(String to) {
        try {
            if (!indexManager.currentIndex().map(to::equals).orElse(true)) {
                indexManager.deleteIndex(to);
            }
        } catch (Exception e) {
            LOG.warnf("could not delete the partial index=%s reason=\"%s\"", to, LogSafe.text(e.getMessage()));
        }
    }

    private void replayUntil(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end, String target) {
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            List<Article> batch = new ArrayList<>();
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                try {
                    batch.add(NewsJson.mapper().readValue(record.value(), Article.class));
                } catch (IOException e) {
                    rejected.incrementAndGet(); // the live consumer dead-lettered it when it first came
                }
            }
            if (!batch.isEmpty()) {
                rejected.addAndGet(indexer.index(target, batch).await().indefinitely().size());
                replayed.addAndGet(batch.size());
            }
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> config = kafkaConfig.consumer("search-reindex"); // assigned partitions, no group
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
