package io.newsflow.search.index;

import io.newsflow.model.Article;
import io.newsflow.model.NewsJson;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.newsflow.search.alert.HitRecorder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Consumes {@code news.articles} in batches, one {@code _bulk} per batch. The batch is acknowledged (its offsets
 * committed) only after Elasticsearch confirmed every document and every refused one is on the dead-letter topic
 * ({@link DeadLetterWriter}, which waits out a Kafka that does not acknowledge). Records are parsed on a worker
 * thread, never on the event loop: a batch is up to 500 records of up to 1 MB.
 */
@ApplicationScoped
public class ArticleBatchConsumer {
    private static final Logger LOG = Logger.getLogger(ArticleBatchConsumer.class);

    private final BulkIndexer indexer;
    private final DeadLetterWriter deadLetters;
    private final HitRecorder hits;

    public ArticleBatchConsumer(BulkIndexer indexer, DeadLetterWriter deadLetters, HitRecorder hits) {
        this.indexer = indexer;
        this.deadLetters = deadLetters;
        this.hits = hits;
    }

    /** The records of a batch: those that are articles, and those that are not, with why. */
    private record Parsed(List<Article> articles, Map<Article, ConsumerRecord<String, String>> origins,
                          Map<ConsumerRecord<String, String>, String> notArticles) {
    }

    @Incoming("articles")
    @SuppressWarnings("unchecked")
    public Uni<Void> consume(Message<List<String>> batch) {
        IncomingKafkaRecordBatchMetadata<String, String> metadata = batch.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .orElseThrow(() -> new IllegalStateException("articles channel must be a Kafka batch channel"));
        return Uni.createFrom().item(() -> parse(metadata.getRecords()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(parsed -> indexer.index(parsed.articles()).chain(rejections -> {
                    List<Uni<Void>> sends = new ArrayList<>();
                    parsed.notArticles().forEach((record, reason) -> sends.add(deadLetters.send(record, reason)));
                    rejections.forEach(r -> sends.add(deadLetters.send(parsed.origins().get(r.article()), r.status() + " " + r.reason())));
                    LOG.debugf("outcome=indexed documents=%d dead-lettered=%d", parsed.articles().size() - rejections.size(), sends.size());
                    // the saved searches' hits of what is now searchable, recorded before the batch is acknowledged
                    Set<Article> refused = Collections.newSetFromMap(new IdentityHashMap<>());
                    rejections.forEach(r -> refused.add(r.article()));
                    sends.add(hits.record(parsed.articles().stream().filter(a -> !refused.contains(a)).toList()));
                    return Uni.join().all(sends).andFailFast().replaceWithVoid();
                }))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()))
                .onFailure().recoverWithUni(failure -> Uni.createFrom().completionStage(batch.nack(failure)));
    }

    private static Parsed parse(ConsumerRecords<String, String> records) {
        List<Article> articles = new ArrayList<>(records.count());
        Map<Article, ConsumerRecord<String, String>> origins = new IdentityHashMap<>();
        Map<ConsumerRecord<String, String>, String> notArticles = new IdentityHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                Article article = NewsJson.mapper().readValue(record.value(), Article.class);
                articles.add(article);
                origins.put(article, record);
            } catch (Exception e) {
                notArticles.put(record, "not an article: " + e.getMessage());
            }
        }
        return new Parsed(articles, origins, notArticles);
    }
}
