package io.newsflow.ingest.publish;

import io.newsflow.model.Page;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Publishes pages to {@code news.pages}, keyed by their sha256, and waits until the broker acknowledged them. */
@ApplicationScoped
public class PagePublisher {

    private final MutinyEmitter<Page> emitter;

    public PagePublisher(@Channel("pages") MutinyEmitter<Page> emitter) {
        this.emitter = emitter;
    }

    /**
     * Sends the page and blocks until Kafka acknowledged it ({@code acks=all}).
     *
     * @throws PublishException when the broker refused the page or did not answer in time
     */
    public void publish(Page page, Duration timeout) {
        CompletableFuture<Void> acknowledged = emitter.sendMessage(Message.of(page,
                        Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withKey(page.sha256()).build())))
                .subscribeAsCompletionStage();
        try {
            acknowledged.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new PublishException("Kafka refused page " + page.sha256() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishException("Kafka did not acknowledge page " + page.sha256() + " within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while publishing page " + page.sha256(), e);
        }
    }
}
