package io.newsflow.enrich.messaging;

import io.newsflow.enrich.config.EnrichConfig;
import io.newsflow.enrich.pipeline.EnrichmentPipeline;
import io.newsflow.model.Article;
import io.newsflow.model.NewsJson;
import io.newsflow.model.Page;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Consumes pages, publishes their articles and acknowledges the page only once Kafka acknowledged every article,
 * so a crash in between re-processes the page (same ids, so no duplicates). Acknowledgements may come out of
 * order; the connector commits an offset only when every page before it was acknowledged. A page that cannot be read or
 * enriched is nacked and goes to the dead-letter topic with the reason in its headers.
 */
@ApplicationScoped
public class PageConsumer {
    private static final Logger LOG = Logger.getLogger(PageConsumer.class);

    private final MutinyEmitter<Article> articles;
    private final EnrichmentPipeline pipeline;
    private final EnrichConfig config;
    private final EnrichMetrics metrics;
    private final Semaphore inFlight;

    public PageConsumer(@Channel("articles") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                        MutinyEmitter<Article> articles, EnrichConfig config, EnrichmentPipeline pipeline,
                        EnrichMetrics metrics) {
        this.articles = articles;
        this.config = config;
        this.pipeline = pipeline;
        this.metrics = metrics;
        this.inFlight = new Semaphore(config.maxPagesInFlight());
    }

    @Incoming("pages")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        List<Article> enriched;
        Page page;
        try {
            page = NewsJson.mapper().readValue(message.getPayload(), Page.class);
            long started = System.nanoTime();
            enriched = pipeline.enrich(page);
            metrics.processed(page.text().length(), Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("outcome=dead-letter reason=\"%s\"", e.getMessage());
            metrics.deadLettered();
            return message.nack(e);
        }
        // The next page is enriched while this one's articles are on their way; the page is acknowledged (its offset
        // becomes committable) only once Kafka acknowledged every article. At most maxPagesInFlight pages wait.
        inFlight.acquireUninterruptibly();
        CompletableFuture<?>[] sent = enriched.stream().map(this::send).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(sent)
                .orTimeout(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ok, failure) -> {
                    inFlight.release();
                    if (failure != null) {
                        LOG.warnf("page=%s outcome=dead-letter reason=\"articles not acknowledged: %s\"", page.sha256(),
                                failure.getMessage());
                        metrics.deadLettered();
                        message.nack(failure);
                        return;
                    }
                    metrics.enriched(enriched.size());
                    LOG.infof("page=%s file=%s outcome=enriched articles=%d", page.sha256(), page.fileName(), enriched.size());
                    message.ack();
                });
        return CompletableFuture.completedFuture(null);
    }

    private CompletableFuture<Void> send(Article article) {
        return articles.sendMessage(Message.of(article,
                        Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withKey(article.id()).build())))
                .subscribeAsCompletionStage();
    }
}
