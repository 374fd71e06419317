package io.newsflow.search.index;

import io.newsflow.model.Article;
import io.newsflow.model.NewsJson;
import io.newsflow.search.config.SearchConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Consumes {@code news.articles} in batches, one {@code _bulk} per batch. The batch is acknowledged (its offsets
 * committed) only after Elasticsearch confirmed every document and every refused one is on the dead-letter topic,
 * with the reason and its origin in the headers. The dead-letter topic is the one configured for the
 * {@code articles-dlq} channel.
 */
@ApplicationScoped
public class ArticleBatchConsumer {
    private static final Logger LOG = Logger.getLogger(ArticleBatchConsumer.class);

    private final BulkIndexer indexer;
    private final MutinyEmitter<String> deadLetters;
    private final SearchConfig config;
    private final IndexingMetrics metrics;

    public ArticleBatchConsumer(BulkIndexer indexer, @Channel("articles-dlq") MutinyEmitter<String> deadLetters,
                                SearchConfig config, IndexingMetrics metrics) {
        this.indexer = indexer;
        this.deadLetters = deadLetters;
        this.config = config;
        this.metrics = metrics;
    }

    @Incoming("articles")
    @SuppressWarnings("unchecked")
    public Uni<Void> consume(Message<List<String>> batch) {
        IncomingKafkaRecordBatchMetadata<String, String> metadata = batch.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .orElseThrow(() -> new IllegalStateException("articles channel must be a Kafka batch channel"));
        List<Article> articles = new ArrayList<>();
        Map<Article, ConsumerRecord<String, String>> origins = new IdentityHashMap<>();
        List<CompletableFuture<Void>> deadLettered = new ArrayList<>();
        for (ConsumerRecord<String, String> record : metadata.getRecords()) {
            try {
                Article article = NewsJson.mapper().readValue(record.value(), Article.class);
                articles.add(article);
                origins.put(article, record);
            } catch (Exception e) {
                deadLettered.add(deadLetter(record, "not an article: " + e.getMessage()));
            }
        }
        return indexer.index(articles)
                .onItem().transformToUni(rejections -> {
                    rejections.forEach(r -> deadLettered.add(deadLetter(origins.get(r.article()), r.status() + " " + r.reason())));
                    LOG.debugf("outcome=indexed documents=%d dead-lettered=%d", articles.size() - rejections.size(), deadLettered.size());
                    return Uni.createFrom().completionStage(CompletableFuture.allOf(deadLettered.toArray(CompletableFuture[]::new)))
                            .ifNoItem().after(config.deadLetterTimeout()).fail();
                })
                .onItem().transformToUni(done -> Uni.createFrom().completionStage(batch.ack()))
                .onFailure().recoverWithUni(failure -> Uni.createFrom().completionStage(batch.nack(failure)));
    }

    private CompletableFuture<Void> deadLetter(ConsumerRecord<String, String> record, String reason) {
        LOG.warnf("article=%s outcome=dead-letter partition=%d offset=%d reason=\"%s\"",
                record.key(), record.partition(), record.offset(), reason);
        metrics.deadLettered();
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        return deadLetters.sendMessage(Message.of(record.value(), Metadata.of(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(record.key()).withHeaders(headers).build())))
                .subscribeAsCompletionStage();
    }
}
