package io.newsflow.search.index;

import io.newsflow.model.Article;
import io.newsflow.model.NewsJson;
import io.smallrye.common.annotation.Identifier;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Re-index without {@code _reindex}: builds {@code <alias>-v<N+1>} from the template by replaying the compacted
 * {@code news.articles} topic from the beginning, swaps the alias atomically, then replays what arrived meanwhile
 * (the live consumer wrote it to the old index). Searches use the old index until the swap. Versioned writes make
 * the replay and the live consumer safe to overlap.
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

    private final IndexManager indexManager;
    private final BulkIndexer indexer;
    private final ManagedExecutor executor;
    private final Map<String, Object> kafkaConfig;
    private final String articlesTopic;
    private final AtomicReference<Status> status = new AtomicReference<>(Status.idle());
    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    public Reindexer(IndexManager indexManager, BulkIndexer indexer, ManagedExecutor executor,
                     @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                     @ConfigProperty(name = "mp.messaging.incoming.articles.topic") String articlesTopic) {
        this.indexManager = indexManager;
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

    /** Starts a re-index in the background; fails with {@link IllegalStateException} while one runs. */
    public synchronized Status start() throws IOException {
        if (status.get().running()) {
            throw new IllegalStateException("a re-index is already running: " + status.get().toIndex());
        }
        indexManager.ensureIndex();
        String from = indexManager.currentIndex().orElseThrow(() -> new IllegalStateException("alias has no index"));
        String to = nextIndex(from, indexManager.alias());
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
            replayUntil(consumer, consumer.endOffsets(partitions), to);
            status.set(new Status("done", from, to, replayed.get(), total, rejected.get(), started.startedAt(), Instant.now(), null));
            LOG.infof("re-index done to=%s replayed=%d rejected=%d", to, replayed.get(), rejected.get());
        } catch (Exception e) {
            status.set(new Status("failed", from, to, replayed.get(), status.get().total(), rejected.get(),
                    started.startedAt(), Instant.now(), e.getMessage()));
            LOG.errorf(e, "re-index to=%s failed; the alias still points at %s", to, from);
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
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.remove(ConsumerConfig.GROUP_ID_CONFIG); // assigned partitions, no group: nothing to commit
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "search-reindex");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
