package io.newsflow.localstack;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every record of a topic up to its end at the time of the call, for tests that must say what a topic does NOT hold,
 * which a consumer polling for a while cannot.
 */
public final class TopicSnapshot {
    private static final Duration READ_LIMIT = Duration.ofSeconds(60);

    private TopicSnapshot() {
    }

    public static List<ConsumerRecord<String, String>> read(KafkaCompanion kafka, String topic) {
        List<TopicPartition> partitions = kafka.topics().describe(topic).get(topic).partitions().stream()
                .map(partition -> new TopicPartition(topic, partition.partition())).toList();
        // the stack's topics are never truncated nor written in transactions: offsets run from 0 without gaps, so the
        // end offsets add up to the number of records
        long records = kafka.offsets().list(partitions).values().stream().mapToLong(end -> end.offset()).sum();
        if (records == 0) {
            return List.of();
        }
        Map<TopicPartition, Long> beginning = partitions.stream().collect(Collectors.toMap(Function.identity(), p -> 0L));
        return kafka.consumeStrings()
                // a dead page may be as large as a page
                .withProp(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024)
                .fromOffsets(beginning, records)
                .awaitCompletion(READ_LIMIT)
                .getRecords();
    }
}
