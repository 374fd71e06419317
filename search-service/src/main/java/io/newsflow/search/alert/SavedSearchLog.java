package io.newsflow.search.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newsflow.logging.LogSafe;
import io.newsflow.model.NewsJson;
import io.newsflow.search.config.KafkaClientConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where saved searches live: the compacted topic {@code news.saved-searches}, key = id, value = the search's JSON, a
 * tombstone when deleted. It is the pipeline's own way to keep a small shared set: durable with Kafka's replication,
 * no other store to run, and every instance follows each change as a stream within a poll. Each instance reads the
 * whole topic at start (no consumer group: every instance needs every search) and keeps following it; until the first
 * read reached the end no article is matched ({@link SavedSearches#whenLoaded()}) and readiness says so.
 *
 * <p>A write waits until Kafka acknowledged it ({@code acks=all}), then applies it here at once, so the API reads its
 * own writes; the other instances see it when they poll it, within about a second.
 */
@ApplicationScoped
public class SavedSearchLog {
    private static final Logger LOG = Logger.getLogger(SavedSearchLog.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final MutinyEmitter<Record<String, String>> emitter;
    private final SavedSearches searches;
    private final KafkaClientConfig kafka;
    private final String topic;
    private volatile String problem = "not read yet";
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread reader;

    public SavedSearchLog(@Channel("saved-searches") MutinyEmitter<Record<String, String>> emitter, SavedSearches searches,
                          KafkaClientConfig kafka, @ConfigProperty(name = "mp.messaging.outgoing.saved-searches.topic") String topic) {
        this.emitter = emitter;
        this.searches = searches;
        this.kafka = kafka;
        this.topic = topic;
    }

    void start(@Observes StartupEvent event) {
        reader = Thread.ofPlatform().daemon().name("saved-searches-reader").start(this::follow);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    public String topic() {
        return topic;
    }

    /** Why the saved searches are not known yet; empty once they are. */
    public String problem() {
        return searches.isLoaded() ? "" : problem;
    }

    /** Saves a new or changed search: completes once Kafka has it, and this instance matches with it. */
    public Uni<SavedSearch> write(SavedSearch search) {
        String json;
        try {
            json = NewsJson.mapper().writeValueAsString(search);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return emitter.send(Record.of(search.id(), json)).invoke(() -> searches.apply(search.id(), search)).replaceWith(search);
    }

    /** Deletes a search: a tombstone, which compaction keeps until every instance could have seen it. */
    public Uni<Void> delete(String id) {
        return emitter.send(Record.<String, String>of(id, null)).invoke(() -> searches.apply(id, null));
    }

    private void follow() {
        while (running) {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(settings())) {
                consumer = c;
                List<PartitionInfo> partitions = c.partitionsFor(topic, Duration.ofSeconds(10));
                if (partitions == null || partitions.isEmpty()) {
                    problem = "topic " + topic + " does not exist (yet)";
                    pause();
                    continue;
                }
                List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
                c.assign(assigned);
                c.seekToBeginning(assigned);
                Map<TopicPartition, Long> ends = c.endOffsets(assigned, Duration.ofSeconds(10));
                while (running) {
                    for (ConsumerRecord<String, String> record : c.poll(POLL)) {
                        apply(record);
                    }
                    if (!searches.isLoaded() && ends.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue())) {
                        searches.markLoaded();
                        LOG.infof("outcome=saved-searches-read topic=%s searches=%d", topic, searches.size());
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (Exception e) {
                problem = "reading " + topic + ": " + e.getMessage();
                LOG.warnf("outcome=saved-searches-waiting reason=\"%s\"", LogSafe.text(problem));
                pause();
            }
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            searches.apply(record.key(), null);
            return;
        }
        try {
            searches.apply(record.key(), NewsJson.mapper().readValue(record.value(), SavedSearch.class));
        } catch (Exception e) {
            // written by this service after its checks; one that cannot be read is skipped, not fatal to the others
            LOG.warnf("saved-search=%s outcome=unreadable offset=%d reason=\"%s\"", LogSafe.text(record.key()), record.offset(),
                    LogSafe.text(String.valueOf(e.getMessage())));
        }
    }

    private Map<String, Object> settings() {
        Map<String, Object> settings = kafka.consumer("search-service-saved-searches");
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return settings;
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis()); // between attempts to reach a topic that is missing or a broker that is down
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
