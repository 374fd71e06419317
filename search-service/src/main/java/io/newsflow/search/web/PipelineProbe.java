package io.newsflow.search.web;

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

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Looks at the pipeline from outside, for the overview page: files waiting in ingest's inbox and refused into
 * {@code failed/}, as ingest-service reports them ({@link IngestInbox}: this service reads no folder), records on the
 * dead-letter topics, and how far this service's consumer group lags behind the articles topic. Every look is bounded in time and a failed one says why instead
 * of failing the page: the overview is most needed when something is down.
 */
@ApplicationScoped
public class PipelineProbe {
    private static final Logger LOG = Logger.getLogger(PipelineProbe.class);

    private final IngestInbox ingest;
    private final KafkaClientConfig kafkaConfig;
    private final String articlesTopic;
    private final String groupId;
    private final String articlesDlqTopic;
    private final Duration timeout;
    private final String pagesDeadLetterTopic;
    private Admin admin;

    public PipelineProbe(IngestInbox ingest,
                         KafkaClientConfig kafkaConfig,
                         @ConfigProperty(name = "mp.messaging.incoming.articles.topic", defaultValue = Topics.ARTICLES) String articlesTopic,
                         @ConfigProperty(name = "mp.messaging.incoming.articles.group.id", defaultValue = "search-service") String groupId,
                         @ConfigProperty(name = "mp.messaging.outgoing.articles-dlq.topic", defaultValue = Topics.ARTICLES_DLQ) String articlesDlqTopic,
                         WebConfig webConfig) {
        this.ingest = ingest;
        this.kafkaConfig = kafkaConfig;
        this.articlesTopic = articlesTopic;
        this.groupId = groupId;
        this.articlesDlqTopic = articlesDlqTopic;
        this.timeout = webConfig.probeTimeout();
        this.pagesDeadLetterTopic = webConfig.pagesDeadLetterTopic();
    }

    /** A number found (or at least this number, when the count stopped at its limit), or why it could not be found. */
    public record Reading(Long value, String problem, boolean atLeast) {
        static Reading of(long value) {
            return new Reading(value, null, false);
        }

        static Reading atLeast(long value) {
            return new Reading(value, null, true);
        }

        static Reading failed(String problem) {
            return new Reading(null, problem, false);
        }

        public boolean known() {
            return value != null;
        }

        /** Known and above zero: worth a look. */
        public boolean alarming() {
            return value != null && value > 0;
        }
    }

    /** A file refused by ingestion, with the reason its report gives and when it was refused ({@code null}: unknown). */
    public record FailedFile(String name, String reason, Instant time) {
    }

    public record TopicReading(String topic, Reading records) {
    }

    /**
     * @param inbox           files waiting in ingest's inbox
     * @param failed          files refused into {@code failed/}
     * @param newestFailed    the newest of those, newest first
     * @param deadLetters     records on each dead-letter topic
     * @param consumerGroup   this service's consumer group
     * @param lag             records of the articles topic the group has not committed yet
     */
    public record PipelineState(Reading inbox, Reading failed, List<FailedFile> newestFailed,
                                List<TopicReading> deadLetters, String consumerGroup, String articlesTopic, Reading lag) {
    }

    public PipelineState look() {
        IngestInbox.Report files = ingest.look();
        return new PipelineState(files.waiting(), files.failed(), files.newestFailed(),
                List.of(new TopicReading(pagesDeadLetterTopic, records(pagesDeadLetterTopic)),
                        new TopicReading(articlesDlqTopic, records(articlesDlqTopic))),
                groupId, articlesTopic, lag());
    }

    /** The state when the look did not finish: every reading unknown for this reason. */
    public PipelineState unanswered(String problem) {
        Reading unknown = Reading.failed(problem);
        return new PipelineState(unknown, unknown, List.of(),
                List.of(new TopicReading(pagesDeadLetterTopic, unknown), new TopicReading(articlesDlqTopic, unknown)),
                groupId, articlesTopic, unknown);
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
