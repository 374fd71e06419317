package io.newsflow.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.newsflow.model.Article;
import io.newsflow.search.config.SearchConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes articles with {@code _bulk}, {@code _id} = article id, so a replay overwrites instead of duplicating.
 * The document version is the article's {@code enrichedAt} ({@code external_gte}): an older record replayed after a
 * newer one (re-index catch-up, redelivery) cannot overwrite it; Elasticsearch answers 409, which counts as done.
 * A document Elasticsearch refuses for itself (mapping error, too large) is returned as a {@link Rejection};
 * an unreachable or overloaded node (connection errors, 429, 5xx) is retried with exponential backoff until it
 * answers, holding the batch (and so the Kafka offsets) meanwhile.
 */
@ApplicationScoped
public class BulkIndexer {
    private static final Logger LOG = Logger.getLogger(BulkIndexer.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

    /** A document Elasticsearch will not take, with its reason. */
    public record Rejection(Article article, int status, String reason) {
    }

    private final ElasticsearchClient client;
    private final IndexManager indexManager;
    private final SearchConfig config;
    private final IndexingMetrics metrics;

    public BulkIndexer(ElasticsearchClient client, IndexManager indexManager, SearchConfig config, IndexingMetrics metrics) {
        this.client = client;
        this.indexManager = indexManager;
        this.config = config;
        this.metrics = metrics;
    }

    /** Indexes every article it can into the alias; completes with the rejected ones once all others are confirmed. */
    public Uni<List<Rejection>> index(List<Article> articles) {
        return index(config.alias(), articles);
    }

    /** The same into a given index (a re-index target). */
    public Uni<List<Rejection>> index(String target, List<Article> articles) {
        BulkAttempt attempt = new BulkAttempt(target, articles);
        return Uni.createFrom().item(attempt::run)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure(TransientIndexingException.class)
                .invoke(e -> LOG.warnf("outcome=retry pending=%d reason=\"%s\"", attempt.pending.size(), e.getMessage()))
                .onFailure(TransientIndexingException.class)
                .retry().withBackOff(FIRST_BACKOFF, config.maxRetryBackoff()).indefinitely();
    }

    /** The state of one batch across retries: what is still to write and what was refused. */
    private final class BulkAttempt {
        private final String target;
        private List<Article> pending;
        private final List<Rejection> rejected = new ArrayList<>();

        BulkAttempt(String target, List<Article> articles) {
            this.target = target;
            this.pending = List.copyOf(articles);
        }

        List<Rejection> run() {
            if (pending.isEmpty()) {
                return rejected;
            }
            BulkResponse response;
            try {
                indexManager.ensureIndex();
                BulkRequest.Builder bulk = new BulkRequest.Builder();
                for (Article article : pending) {
                    bulk.operations(op -> op.index(idx -> {
                        idx.index(target).id(article.id()).document(article);
                        if (article.enrichedAt() != null) {
                            idx.version(article.enrichedAt().toEpochMilli()).versionType(VersionType.ExternalGte);
                        }
                        return idx;
                    }));
                }
                long started = System.nanoTime();
                response = client.bulk(bulk.build());
                metrics.bulk(pending.size(), Duration.ofNanos(System.nanoTime() - started));
            } catch (IOException e) {
                throw new TransientIndexingException("Elasticsearch unreachable: " + e.getMessage(), e);
            } catch (ElasticsearchException e) {
                if (isTransient(e.status())) {
                    throw new TransientIndexingException("Elasticsearch answered " + e.status() + ": " + e.getMessage(), e);
                }
                throw e;
            }
            List<Article> retry = new ArrayList<>();
            for (int i = 0; i < response.items().size(); i++) {
                BulkResponseItem item = response.items().get(i);
                if (item.error() == null || item.status() == 409) {
                    continue; // written, or a newer version of the article is already there
                }
                if (isTransient(item.status())) {
                    retry.add(pending.get(i));
                } else {
                    rejected.add(new Rejection(pending.get(i), item.status(), item.error().type() + ": " + item.error().reason()));
                }
            }
            pending = retry;
            if (!retry.isEmpty()) {
                throw new TransientIndexingException(retry.size() + " documents refused for now (overloaded node)", null);
            }
            return rejected;
        }
    }

    private static boolean isTransient(int status) {
        return status == 429 || status >= 500;
    }

    /** Worth retrying: the node is down, busy or failing, not the document. */
    static final class TransientIndexingException extends RuntimeException {
        TransientIndexingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
