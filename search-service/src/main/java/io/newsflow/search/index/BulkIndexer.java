package io.newsflow.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.TransportException;
import io.newsflow.logging.LogSafe;
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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes articles with {@code _bulk}, {@code _id} = article id, so a replay overwrites instead of duplicating.
 * The document version is the article's {@code enrichedAt} ({@code external_gte}): an older record replayed after a
 * newer one (re-index catch-up, redelivery) cannot overwrite it; Elasticsearch answers 409, which counts as done.
 * A document Elasticsearch refuses for itself (mapping error, too large) is returned as a {@link Rejection}.
 * Everything else ({@link RefusalPolicy}: an unreachable, overloaded or failing node, refused credentials, a missing
 * alias or index, any refusal of the whole request) is waited out: retried with capped exponential backoff for as
 * long as it lasts, holding the batch (and so the Kafka offsets) meanwhile, with {@link IndexingState} saying why.
 * Writes through the alias require it to be an alias, so a deleted alias is waited for instead of Elasticsearch
 * auto-creating a concrete index of that name with a guessed mapping.
 *
 * <p>A corrected page replaces the one it corrects ({@link PageVersions}): before each write the index is asked which
 * versions it holds of the batch's pages (one search a batch), articles of an older version are not written, and
 * once the batch is written the older versions' articles are deleted.
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
    private final IndexingState state;
    private final IndexedPageVersions pageVersions;

    public BulkIndexer(ElasticsearchClient client, IndexManager indexManager, SearchConfig config, IndexingMetrics metrics,
                       IndexingState state) {
        this.client = client;
        this.pageVersions = new IndexedPageVersions(client);
        this.indexManager = indexManager;
        this.config = config;
        this.metrics = metrics;
        this.state = state;
    }

    /** Indexes every article it can into the alias; completes with the rejected ones once all others are confirmed. */
    public Uni<List<Rejection>> index(List<Article> articles) {
        return index(config.alias(), articles);
    }

    /** The same into a given index (a re-index target) or the alias. */
    public Uni<List<Rejection>> index(String target, List<Article> articles) {
        BulkAttempt attempt = new BulkAttempt(target, target.equals(config.alias()), articles);
        return Uni.createFrom().item(attempt::run)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure(IndexingUnavailableException.class).invoke(e -> waiting(attempt, (IndexingUnavailableException) e))
                .onFailure(IndexingUnavailableException.class)
                .retry().withBackOff(FIRST_BACKOFF, config.maxRetryBackoff()).indefinitely()
                .invoke(done -> state.resumed().ifPresent(wait -> LOG.infof("outcome=resumed cause=%s waited=%ds",
                        wait.cause(), Duration.between(wait.since(), state.now()).toSeconds())));
    }

    private void waiting(BulkAttempt attempt, IndexingUnavailableException e) {
        metrics.retry(e.kind);
        if (state.waiting(e.kind, e.getMessage())) {
            LOG.warnf("outcome=waiting cause=%s target=%s pending=%d reason=\"%s\"", e.kind, attempt.target, attempt.pending.size(), LogSafe.text(e.getMessage()));
        } else {
            LOG.debugf("outcome=retry cause=%s pending=%d reason=\"%s\"", e.kind, attempt.pending.size(), LogSafe.text(e.getMessage()));
        }
    }

    /** The state of one batch across retries: what is still to write and what was refused. */
    private final class BulkAttempt {
        private final String target;
        private final boolean throughAlias;
        private volatile List<Article> pending;
        /** Older versions of pages whose newer version this batch wrote: deleted once the writes are confirmed. */
        private final Map<PageVersions.PageKey, Set<String>> olderVersions = new ConcurrentHashMap<>();
        private final List<Rejection> rejected = new ArrayList<>();

        BulkAttempt(String target, boolean throughAlias, List<Article> articles) {
            this.target = target;
            this.throughAlias = throughAlias;
            this.pending = List.copyOf(articles);
        }

        List<Rejection> run() {
            if (!pending.isEmpty()) {
                write();
            }
            if (!olderVersions.isEmpty()) {
                deleteOlderVersions();
            }
            return rejected;
        }

        private void write() {
            BulkResponse response;
            List<Article> writing;
            try {
                indexManager.ensureIndex();
                PageVersions.Plan plan = PageVersions.plan(pending, pageVersions.indexed(target, PageVersions.keys(pending)));
                if (!plan.superseded().isEmpty()) {
                    metrics.superseded(plan.superseded().size());
                    LOG.infof("outcome=superseded target=%s articles=%d pages=%s", target, plan.superseded().size(),
                            plan.superseded().stream().map(Article::pageSha256).distinct().toList());
                }
                writing = plan.write();
                // kept across retries: a retry writes only what is left, and plans only for that
                plan.older().forEach((key, shas) -> olderVersions.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).addAll(shas));
                if (writing.isEmpty()) {
                    pending = List.of();
                    return;
                }
                BulkRequest.Builder bulk = new BulkRequest.Builder().requireAlias(throughAlias);
                for (Article article : writing) {
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
                metrics.bulk(writing.size(), Duration.ofNanos(System.nanoTime() - started));
            } catch (IOException | ElasticsearchException e) {
                throw unavailable(e);
            }
            List<Article> retry = new ArrayList<>();
            String retryCause = null;
            String retryReason = null;
            for (int i = 0; i < response.items().size(); i++) {
                BulkResponseItem item = response.items().get(i);
                ErrorCause error = item.error();
                String type = error == null ? null : error.type();
                String reason = error == null ? null : error.reason();
                switch (RefusalPolicy.ofItem(item.status(), type, reason)) {
                    case WRITTEN -> {
                    }
                    case WAIT -> {
                        retry.add(writing.get(i));
                        if (retryCause == null) {
                            retryCause = RefusalPolicy.cause(item.status(), type);
                            retryReason = item.status() + " " + type + ": " + reason;
                        }
                    }
                    case DEAD_LETTER -> rejected.add(new Rejection(writing.get(i), item.status(), type + ": " + reason));
                }
            }
            pending = retry;
            if (!retry.isEmpty()) {
                throw new IndexingUnavailableException(retryCause, retry.size() + " documents refused for now: " + retryReason, null);
            }
        }

        private void deleteOlderVersions() {
            try {
                long deleted = pageVersions.deleteVersions(target, olderVersions);
                LOG.infof("outcome=replaced target=%s pages=%d older-articles-deleted=%d", target, olderVersions.size(), deleted);
                metrics.replaced(olderVersions.size());
            } catch (IOException | ElasticsearchException e) {
                throw unavailable(e);
            }
            olderVersions.clear();
        }

        /** An error of the whole request: waited out when {@link RefusalPolicy} says so, else thrown as it is. */
        private static RuntimeException unavailable(Exception failure) {
            if (failure instanceof TransportException e) {
                // an answer that is no Elasticsearch error (a proxy's 401 page, say), or none at all
                return e.statusCode() > 0
                        ? new IndexingUnavailableException(RefusalPolicy.cause(e.statusCode(), null), RefusalPolicy.answered(e.statusCode()), e)
                        : new IndexingUnavailableException("unreachable", "Elasticsearch unreachable: " + e.getMessage(), e);
            }
            if (failure instanceof ElasticsearchException e) {
                String type = e.error() == null ? null : e.error().type();
                return RefusalPolicy.ofRequest(e.status()) == RefusalPolicy.Verdict.WAIT
                        ? new IndexingUnavailableException(RefusalPolicy.cause(e.status(), type),
                                RefusalPolicy.answered(e.status()) + ": " + e.getMessage(), e)
                        : e;
            }
            return new IndexingUnavailableException("unreachable", "Elasticsearch unreachable: " + failure.getMessage(), failure);
        }
    }

    /** Worth waiting for: the node, the index or the credentials, not the document. */
    static final class IndexingUnavailableException extends RuntimeException {
        /** Short name of the cause, {@link RefusalPolicy#cause} or {@code unreachable}. */
        private final String kind;

        IndexingUnavailableException(String kind, String message, Throwable origin) {
            super(message, origin);
            this.kind = kind;
        }
    }
}
