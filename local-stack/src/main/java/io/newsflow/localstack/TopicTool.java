package io.newsflow.localstack;

import io.newsflow.model.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Looks into newsflow's Kafka topics: {@code bin/newsflow topics show|replay|rewind} (the broker's jars carry no
 * console consumer, and the local stack has only the Kafka client).
 * <pre>
 * show TOPIC [PARTITION:OFFSET ...]        print the records (all, or the ones listed): key, headers, value
 * replay DLQ-TOPIC [PARTITION:OFFSET ...]  send dead letters back to the topic of their dead-letter-topic header,
 *                                          with the same key and value
 * rewind GROUP TOPIC                       move a consumer group back to the beginning of a topic (its service
 *                                          must be stopped)
 * </pre>
 */
public final class TopicTool {
    static final String USAGE = """
            usage: bin/newsflow topics show TOPIC [PARTITION:OFFSET ...]
                   bin/newsflow topics replay DLQ-TOPIC [PARTITION:OFFSET ...]
                   bin/newsflow topics rewind GROUP TOPIC""";
    private static final int SHOWN_VALUE_CHARS = 300;

    private final String bootstrap;
    private final PrintStream out;

    TopicTool(String bootstrap, PrintStream out) {
        this.bootstrap = bootstrap;
        this.out = out;
    }

    /** {@code TopicTool COMMAND ARGS... REPOSITORY}: the broker of the system {@code bin/newsflow up} runs. */
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Path home = NewsflowCli.home(Path.of(args[args.length - 1]));
        String bootstrap = LocalStack.running(home.resolve("stack")).map(LocalStack.Endpoints::kafkaBootstrapServers)
                .orElse(null);
        if (bootstrap == null) {
            System.err.println("newsflow is not running under " + home + ": start it with bin/newsflow up");
            System.exit(1);
        }
        try {
            System.exit(new TopicTool(bootstrap, System.out).run(Arrays.asList(args).subList(0, args.length - 1)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** Runs one command; returns the exit status (2 for a usage error). */
    int run(List<String> args) throws Exception {
        if (args.size() < 2) {
            out.println(USAGE);
            return 2;
        }
        List<String> rest = args.subList(1, args.size());
        switch (args.get(0)) {
            case "show" -> show(rest.get(0), selection(rest.subList(1, rest.size())));
            case "replay" -> replay(rest.get(0), selection(rest.subList(1, rest.size())));
            case "rewind" -> {
                if (rest.size() != 2) {
                    out.println(USAGE);
                    return 2;
                }
                rewind(rest.get(0), rest.get(1));
            }
            default -> {
                out.println("unknown command " + args.get(0) + "\n" + USAGE);
                return 2;
            }
        }
        return 0;
    }

    /** {@code PARTITION:OFFSET} arguments; an empty set means every record. */
    private static Set<String> selection(List<String> args) {
        Set<String> wanted = new HashSet<>();
        for (String arg : args) {
            if (!arg.matches("\\d+:\\d+")) {
                throw new IllegalArgumentException("expected PARTITION:OFFSET, was " + arg);
            }
            wanted.add(arg);
        }
        return wanted;
    }

    void show(String topic, Set<String> wanted) {
        int[] count = {0};
        read(topic, wanted, record -> {
            count[0]++;
            out.printf("%s %d:%d key=%s%n", record.topic(), record.partition(), record.offset(), text(record.key()));
            for (Header header : record.headers()) {
                out.printf("  %s: %s%n", header.key(), text(header.value()));
            }
            String value = text(record.value());
            out.printf("  value (%d characters): %s%n", value.length(),
                    value.length() <= SHOWN_VALUE_CHARS ? value : value.substring(0, SHOWN_VALUE_CHARS) + "…");
        });
        out.printf("%d record(s)%n", count[0]);
    }

    void replay(String deadLetterTopic, Set<String> wanted) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.PAGE_RECORD_MAX_BYTES);
        int[] sent = {0};
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            read(deadLetterTopic, wanted, record -> {
                Header origin = record.headers().lastHeader("dead-letter-topic");
                String where = record.partition() + ":" + record.offset();
                if (origin == null) {
                    out.printf("%s skipped: no dead-letter-topic header%n", where);
                    return;
                }
                String target = text(origin.value());
                try {
                    producer.send(new ProducerRecord<>(target, record.key(), record.value())).get(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("could not send " + where + " to " + target + ": " + e.getMessage(), e);
                }
                sent[0]++;
                out.printf("%s key=%s sent back to %s%n", where, text(record.key()), target);
            });
        }
        out.printf("%d record(s) replayed%n", sent[0]);
    }

    void rewind(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                    .forEach(p -> earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest()));
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            admin.listOffsets(earliest).all().get(30, TimeUnit.SECONDS)
                    .forEach((partition, info) -> offsets.put(partition, new OffsetAndMetadata(info.offset())));
            try {
                admin.alterConsumerGroupOffsets(group, offsets).all().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("could not rewind group " + group + " (stop the service that consumes "
                        + topic + " first, and wait until it has left the group): " + e.getCause().getMessage(), e);
            }
            out.printf("group %s rewound to the beginning of %s (%d partitions)%n", group, topic, offsets.size());
        }
    }

    /** Reads the topic from the beginning to its current end, handing over the selected records. */
    private void read(String topic, Set<String> wanted, Consumer<ConsumerRecord<byte[], byte[]>> handler) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            var infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("no topic " + topic + " at " + bootstrap);
            }
            infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (wanted.isEmpty() || wanted.contains(record.partition() + ":" + record.offset())) {
                        handler.accept(record);
                    }
                }
            }
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "null" : new String(bytes, StandardCharsets.UTF_8);
    }
}
