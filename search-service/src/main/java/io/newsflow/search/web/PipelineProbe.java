package io.newsflow.search.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.logging.LogSafe;
import io.newsflow.model.Topics;
import io.newsflow.search.config.KafkaClientConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Looks at the pipeline from outside, for the overview page: files waiting in the shared data folder's
 * {@code inbox/} and refused into {@code failed/}, records on the dead-letter topics, and how far this service's
 * consumer group lags behind the articles topic. Every look is bounded in time and a failed one says why instead
 * of failing the page: the overview is most needed when something is down.
 */
@ApplicationScoped
public class PipelineProbe {
    private static final Logger LOG = Logger.getLogger(PipelineProbe.class);
    /** Newest refused files listed by name on the page. */
    static final int FAILED_LISTED = 5;

    private final Path home;
    private final KafkaClientConfig kafkaConfig;
    private final String articlesTopic;
    private final String groupId;
    private final String articlesDlqTopic;
    private final Duration timeout;
    private final String pagesDeadLetterTopic;
    private final ObjectMapper json = new ObjectMapper();
    private Admin admin;

    public PipelineProbe(@ConfigProperty(name = "newsflow.home") Path home,
                         KafkaClientConfig kafkaConfig,
                         @ConfigProperty(name = "mp.messaging.incoming.articles.topic", defaultValue = Topics.ARTICLES) String articlesTopic,
                         @ConfigProperty(name = "mp.messaging.incoming.articles.group.id", defaultValue = "search-service") String groupId,
                         @ConfigProperty(name = "mp.messaging.outgoing.articles-dlq.topic", defaultValue = Topics.ARTICLES_DLQ) String articlesDlqTopic,
                         WebConfig webConfig) {
        this.home = home;
        this.kafkaConfig = kafkaConfig;
        this.articlesTopic = articlesTopic;
        this.groupId = groupId;
        this.articlesDlqTopic = articlesDlqTopic;
        this.timeout = webConfig.probeTimeout();
        this.pagesDeadLetterTopic = webConfig.pagesDeadLetterTopic();
    }

    /** A number found, or why it could not be found. */
    public record Reading(Long value, String problem) {
        static Reading of(long value) {
            return new Reading(value, null);
        }

        static Reading failed(String problem) {
            return new Reading(null, problem);
        }

        public boolean known() {
            return value != null;
        }

        /** Known and above zero: worth a look. */
        public boolean alarming() {
            return value != null && value > 0;
        }
    }

    /** A file refused by ingestion, with the reason its note gives. */
    public record FailedFile(String name, String reason, Instant modified) {
    }

    public record TopicReading(String topic, Reading records) {
    }

    /**
     * @param inbox           files waiting in {@code inbox/}
     * @param failed          files refused into {@code failed/}
     * @param newestFailed    the newest of those
     * @param deadLetters     records on each dead-letter topic
     * @param consumerGroup   this service's consumer group
     * @param lag             records of the articles topic the group has not committed yet
     */
    public record PipelineState(String home, Reading inbox, Reading failed, List<FailedFile> newestFailed,
                                List<TopicReading> deadLetters, String consumerGroup, String articlesTopic, Reading lag) {
    }

    public PipelineState look() {
        Reading failed = count(home.resolve("failed"));
        return new PipelineState(home.toString(), count(home.resolve("inbox")), failed, newestFailed(home.resolve("failed")),
                List.of(new TopicReading(pagesDeadLetterTopic, records(pagesDeadLetterTopic)),
                        new TopicReading(articlesDlqTopic, records(articlesDlqTopic))),
                groupId, articlesTopic, lag());
    }

    /** The state when the look did not finish: every reading unknown for this reason. */
    public PipelineState unanswered(String problem) {
        Reading unknown = Reading.failed(problem);
        return new PipelineState(home.toString(), unknown, unknown, List.of(),
                List.of(new TopicReading(pagesDeadLetterTopic, unknown), new TopicReading(articlesDlqTopic, unknown)),
                groupId, articlesTopic, unknown);
    }

    private static Reading count(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Reading.failed("folder " + folder + " does not exist");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return Reading.of(files.filter(PipelineProbe::isPageFile).count());
        } catch (IOException e) {
            return Reading.failed("cannot read " + folder + ": " + e.getMessage());
        }
    }

    /** A file of a page: not a hidden or partial file, not the ingestion's note beside a refused file. */
    private static boolean isPageFile(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && !name.startsWith(".") && !name.endsWith(".error.json");
    }

    private List<FailedFile> newestFailed(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(PipelineProbe::isPageFile)
                    .map(f -> new FailedFile(f.getFileName().toString(), reason(f), modified(f)))
                    .sorted(Comparator.comparing(FailedFile::modified).reversed())
                    .limit(FAILED_LISTED)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private String reason(Path failedFile) {
        Path note = failedFile.resolveSibling(failedFile.getFileName() + ".error.json");
        try {
            if (Files.isRegularFile(note) && Files.size(note) < 65_536) {
                return json.readTree(note.toFile()).path("reason").asText("");
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
        return "";
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    /** Records a topic holds now: the end offsets less the start offsets, over its partitions. */
    private Reading records(String topic) {
        try {
            List<TopicPartition> partitions = partitions(topic);
            Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> start = offsets(partitions, OffsetSpec.earliest());
            return Reading.of(partitions.stream().mapToLong(p -> end.get(p) - start.get(p)).sum());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Reading.of(0); // not created yet: nothing was ever dead-lettered there
            }
            return kafkaProblem(e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            return kafkaProblem(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return kafkaProblem(e);
        }
    }

    /** Records of the articles topic after the group's committed offsets (from the start where it committed none). */
    private Reading lag() {
        try {
            List<TopicPartition> partitions = partitions(articlesTopic);
            Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> start = offsets(partitions, OffsetSpec.earliest());
            long lag = 0;
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = committed.get(partition);
                long position = offset == null ? start.get(partition) : offset.offset();
                lag += Math.max(0, end.get(partition) - position);
            }
            return Reading.of(lag);
        } catch (ExecutionException e) {
            return kafkaProblem(e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            return kafkaProblem(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return kafkaProblem(e);
        }
    }

    private List<TopicPartition> partitions(String topic) throws ExecutionException, InterruptedException, TimeoutException {
        TopicDescription description = admin().describeTopics(List.of(topic)).allTopicNames()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
        return description.partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answer = admin().listOffsets(request).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return answer.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private Reading kafkaProblem(Throwable e) {
        String message = e instanceof TimeoutException ? "Kafka did not answer within " + timeout.toMillis() + " ms"
                : "Kafka: " + (e == null ? "unknown error" : e.getClass().getSimpleName() + " " + e.getMessage());
        LOG.infof("probe=kafka outcome=unknown reason=\"%s\"", LogSafe.text(message));
        return Reading.failed(message);
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(kafkaConfig.admin("search-service-overview", timeout));
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
