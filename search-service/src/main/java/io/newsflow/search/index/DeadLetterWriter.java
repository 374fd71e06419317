package io.newsflow.search.index;

import io.newsflow.logging.LogSafe;
import io.newsflow.search.config.SearchConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Puts a refused article on the dead-letter topic (the {@code articles-dlq} channel) with the reason and its origin in
 * the headers, and waits until Kafka acknowledges it: a dead letter that is slow to be acknowledged is an outage,
 * never a reason to give up on the record or on its batch. The producer retries a send by itself for as long as it
 * takes (idempotently: a frozen broker that takes the record late gets it once); a send not acknowledged within
 * {@code newsflow.search.dead-letter-timeout} puts readiness down with the reason ({@link DeadLetterReadinessCheck})
 * while the batch stays unacknowledged, and a send the producer gives up is made again.
 */
@ApplicationScoped
public class DeadLetterWriter {
    private static final Logger LOG = Logger.getLogger(DeadLetterWriter.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

    private final MutinyEmitter<String> deadLetters;
    private final SearchConfig config;
    private final IndexingMetrics metrics;
    private final IndexingState waiting = new IndexingState("Kafka to take dead letters");

    public DeadLetterWriter(@Channel("articles-dlq") MutinyEmitter<String> deadLetters, SearchConfig config, IndexingMetrics metrics) {
        this.deadLetters = deadLetters;
        this.config = config;
        this.metrics = metrics;
    }

    /** Completes once Kafka acknowledged the dead letter of this record. */
    public Uni<Void> send(ConsumerRecord<String, String> record, String reason) {
        LOG.warnf("article=%s outcome=dead-letter partition=%d offset=%d reason=\"%s\"",
                LogSafe.text(record.key()), record.partition(), record.offset(), LogSafe.text(reason));
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        return Uni.createFrom().deferred(() -> attempt(record, headers))
                .onFailure().invoke(failure -> waitingFor(record, String.valueOf(failure.getMessage())))
                .onFailure().retry().withBackOff(FIRST_BACKOFF, config.maxRetryBackoff()).indefinitely()
                .invoke(() -> {
                    metrics.deadLettered();
                    waiting.resumed().ifPresent(wait -> LOG.infof("outcome=resumed cause=%s waited=%ds",
                            wait.cause(), Duration.between(wait.since(), waiting.now()).toSeconds()));
                });
    }

    /**
     * One send, waited for as long as the producer tries (it retries by itself, idempotently, so a slow broker gets
     * the record once); past the dead-letter timeout the wait is reported. Fails only when the producer gives up.
     */
    private Uni<Void> attempt(ConsumerRecord<String, String> record, RecordHeaders headers) {
        CompletableFuture<Void> sent = deadLetters.sendMessage(Message.of(record.value(), Metadata.of(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key()).withHeaders(headers).build())))
                .subscribeAsCompletionStage();
        return Uni.createFrom().completionStage(sent)
                .ifNoItem().after(config.deadLetterTimeout()).recoverWithUni(() -> {
                    waitingFor(record, "Kafka has not acknowledged it for " + config.deadLetterTimeout().toSeconds() + " s");
                    return Uni.createFrom().completionStage(sent);
                });
    }

    private void waitingFor(ConsumerRecord<String, String> record, String reason) {
        metrics.retry("dead-letter-unacknowledged");
        if (waiting.waiting("dead-letter-unacknowledged", reason)) {
            LOG.warnf("outcome=waiting cause=dead-letter-unacknowledged article=%s reason=\"%s\"", LogSafe.text(record.key()), LogSafe.text(reason));
        }
    }

    /** The current wait for Kafka, if dead letters are not being acknowledged. */
    public Optional<IndexingState.Waiting> waiting() {
        return waiting.current();
    }
}
