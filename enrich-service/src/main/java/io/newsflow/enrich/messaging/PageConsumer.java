package io.newsflow.enrich.messaging;

import io.newsflow.enrich.config.EnrichConfig;
import io.newsflow.enrich.delivery.Failures;
import io.newsflow.enrich.delivery.InFlightPages;
import io.newsflow.enrich.delivery.KafkaReachability;
import io.newsflow.enrich.delivery.Redelivery;
import io.newsflow.enrich.pipeline.EnrichmentPipeline;
import io.newsflow.enrich.pipeline.PageRefusedException;
import io.newsflow.logging.LogSafe;
import io.newsflow.model.Article;
import io.newsflow.model.NewsJson;
import io.newsflow.model.Page;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Consumes pages, publishes their articles and acknowledges the page only once Kafka acknowledged every article,
 * so a crash in between re-processes the page (same ids, so no duplicates). Acknowledgements may come out of
 * order; the connector commits an offset only when every page before it was acknowledged.
 *
 * <p>Only a record that is itself bad goes to the dead-letter topic, with the reason in its headers: one that is no
 * page, an invalid page, a page the enrichment fails on, a page with an article Kafka refuses for its size. A send
 * that times out or fails because Kafka is down or refuses the credentials is retried until Kafka acknowledges it,
 * with the page unacknowledged meanwhile; once {@code max-pages-in-flight} pages wait, no more are read (the
 * connector pauses the partitions) until Kafka is back.
 */
@ApplicationScoped
public class PageConsumer {
    private static final Logger LOG = Logger.getLogger(PageConsumer.class);
    /** Articles the emitter holds before Kafka's producer takes them; more would fail the sends. */
    static final int ARTICLE_BUFFER = 4096;
    /**
     * Consumer threads that may each start one more page of the largest size when the window has just room (the
     * channel's {@code partitions}, 2, with room to spare).
     */
    private static final int CONSUMER_THREADS_ALLOWED = 4;

    private final MutinyEmitter<Article> articles;
    private final EnrichmentPipeline pipeline;
    private final EnrichMetrics metrics;
    private final InFlightPages inFlight;
    private final Redelivery articleDelivery;
    private final Redelivery deadLetterDelivery;

    public PageConsumer(@Channel("articles") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = ARTICLE_BUFFER)
                        MutinyEmitter<Article> articles, EnrichConfig config, EnrichmentPipeline pipeline,
                        EnrichMetrics metrics, KafkaReachability kafka) {
        this.articles = articles;
        this.pipeline = pipeline;
        this.metrics = metrics;
        this.inFlight = new InFlightPages(config.maxPagesInFlight(), articleWindow(config.limits().maxArticles()),
                Clock.systemUTC());
        Redelivery.Settings settings = new Redelivery.Settings(config.sendTimeout(), config.retryBackoff(),
                config.maxRetryBackoff());
        this.articleDelivery = new Redelivery(settings, kafka, failure -> metrics.articlesRetried());
        this.deadLetterDelivery = new Redelivery(settings, kafka, failure -> metrics.deadLetterRetried());
        metrics.watch(inFlight);
    }

    /** Articles in flight after which no page is read: what the buffer holds less the largest pages a thread may add. */
    static int articleWindow(int maxArticlesPerPage) {
        int window = ARTICLE_BUFFER - CONSUMER_THREADS_ALLOWED * maxArticlesPerPage;
        if (window < maxArticlesPerPage) {
            throw new IllegalArgumentException("newsflow.enrich.limits.max-articles=" + maxArticlesPerPage
                    + " is too large for the article buffer of " + ARTICLE_BUFFER + "; at most "
                    + ARTICLE_BUFFER / (CONSUMER_THREADS_ALLOWED + 1));
        }
        return window;
    }

    /**
     * Enriches the page and starts its articles on their way; the next page is enriched while they travel. The
     * returned stage completes when there is room for another page in flight.
     */
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
        } catch (PageRefusedException e) {
            // past the limits of one page's work: bad, like a record that is no page, but worth its own count
            metrics.refused(e.reason());
            deadLetter(message, e);
            return inFlight.roomForNext();
        } catch (IOException | RuntimeException e) {
            // the record itself is bad: not JSON, not a valid page, or content the enrichment fails on
            deadLetter(message, e);
            return inFlight.roomForNext();
        }
        deliver(message, page, enriched);
        return inFlight.roomForNext();
    }

    private void deliver(Message<String> message, Page page, List<Article> enriched) {
        long ticket = inFlight.start(enriched.size());
        // a retry sends only the articles Kafka has not acknowledged yet
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        articleDelivery.untilAcknowledged("articles of page " + page.sha256(),
                        () -> sendUnacknowledged(enriched, acknowledged), Failures::causedByInfrastructure)
                .subscribe().with(done -> {
                    metrics.enriched(enriched.size());
                    LOG.infof("page=%s file=\"%s\" outcome=enriched articles=%d", page.sha256(), LogSafe.text(page.fileName()), enriched.size());
                    message.ack();
                    inFlight.finished(ticket);
                }, refused -> {
                    deadLetter(message, new ArticlesRefusedException("Kafka refused an article of page " + page.sha256()
                            + ": " + Failures.describe(refused), refused));
                    inFlight.finished(ticket);
                });
    }

    private Uni<Void> sendUnacknowledged(List<Article> enriched, Set<String> acknowledged) {
        List<Uni<Void>> sends = enriched.stream()
                .filter(article -> !acknowledged.contains(article.id()))
                .map(article -> send(article).invoke(() -> acknowledged.add(article.id())))
                .toList();
        return sends.isEmpty() ? Uni.createFrom().voidItem() : Uni.combine().all().unis(sends).discardItems();
    }

    private Uni<Void> send(Article article) {
        return articles.sendMessage(Message.of(article,
                Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withKey(article.id()).build())));
    }

    /**
     * Nacks the record: the connector's dead-letter-queue strategy writes it to the dead-letter topic and then
     * acknowledges it. A dead letter Kafka does not take is tried again, whatever the reason: the page is never
     * dropped.
     */
    private void deadLetter(Message<String> message, Throwable reason) {
        long ticket = inFlight.start();
        String record = describe(message);
        LOG.warnf("record=%s outcome=dead-letter reason=\"%s\"", record, LogSafe.text(reason.getMessage()));
        deadLetterDelivery.untilAcknowledged("dead letter of " + record,
                        () -> Uni.createFrom().completionStage(() -> message.nack(reason)), failure -> true)
                .subscribe().with(done -> {
                    metrics.deadLettered();
                    inFlight.finished(ticket);
                }, failure -> inFlight.finished(ticket));
    }

    private static String describe(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(kafka -> kafka.getTopic() + "-" + kafka.getPartition() + "@" + kafka.getOffset())
                .orElse("(not from Kafka)");
    }
}
