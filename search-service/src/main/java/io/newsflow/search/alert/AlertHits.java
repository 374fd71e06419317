package io.newsflow.search.alert;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.IndexResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.newsflow.search.config.SearchConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The hits index ({@code <alias>-alert-hits}): every hit of every saved search, with its delivery state. It is what
 * makes a delivery happen once: a hit is created with {@code op_type=create} under its delivery id, so an article
 * arriving again finds it there, and an instance takes a delivery over with a compare-and-set on the document's
 * sequence number, so no two instances post it at once. Its name falls under the {@code news-articles*} indices
 * search-service's Elasticsearch role already covers; it is not an article index (no alias, not {@code -v<N>}).
 */
@ApplicationScoped
public class AlertHits {
    private static final String MAPPING = """
            {"dynamic": "strict", "properties": {
              "deliveryId": {"type": "keyword"}, "savedSearchId": {"type": "keyword"}, "owner": {"type": "keyword"},
              "articleId": {"type": "keyword"}, "headline": {"type": "text", "index": false},
              "lead": {"type": "text", "index": false}, "issueDate": {"type": "date", "format": "yyyy-MM-dd"},
              "eventDate": {"type": "date", "format": "yyyy-MM-dd"}, "matched": {"type": "keyword"},
              "highlights": {"type": "text", "index": false}, "matchedAt": {"type": "date"},
              "state": {"type": "keyword"}, "attempts": {"type": "integer"}, "nextAttemptAt": {"type": "date"},
              "leaseUntil": {"type": "date"}, "lastStatus": {"type": "integer"},
              "lastAnswer": {"type": "text", "index": false}, "deliveredAt": {"type": "date"},
              "digestId": {"type": "keyword"}}}""";

    /** A hit as read, with what a compare-and-set on it needs. */
    public record Stored(AlertHit hit, long seqNo, long primaryTerm) {
    }

    private final ElasticsearchClient client;
    private final String index;
    private volatile boolean ensured;

    public AlertHits(ElasticsearchClient client, SearchConfig config) {
        this.client = client;
        this.index = config.alias() + "-alert-hits";
    }

    public String index() {
        return index;
    }

    /** Creates the index when missing; cheap once done. */
    public void ensureIndex() throws IOException {
        if (ensured) {
            return;
        }
        synchronized (this) {
            if (ensured) {
                return;
            }
            if (!client.indices().exists(e -> e.index(index)).value()) {
                try {
                    client.indices().create(c -> c.index(index)
                            .settings(s -> s.numberOfShards("1").numberOfReplicas("0"))
                            .mappings(TypeMapping.of(m -> m.withJson(new StringReader(MAPPING)))));
                } catch (ElasticsearchException e) {
                    if (!"resource_already_exists_exception".equals(e.error().type())) {
                        throw e;
                    }
                }
            }
            ensured = true;
        }
    }

    /**
     * Writes new hits, each only if its delivery id is not there yet. Returns those written now (a hit already there
     * came from an earlier arrival of the article and is left as it is).
     *
     * @throws IOException or {@link ElasticsearchException} when Elasticsearch did not take them all: the caller retries
     */
    public List<Stored> create(List<AlertHit> hits) throws IOException {
        if (hits.isEmpty()) {
            return List.of();
        }
        ensureIndex();
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (AlertHit hit : hits) {
            bulk.operations(op -> op.create(c -> c.index(index).id(hit.deliveryId()).document(hit)));
        }
        BulkResponse response = client.bulk(bulk.build());
        List<Stored> created = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < response.items().size(); i++) {
            BulkResponseItem item = response.items().get(i);
            if (item.error() == null) {
                created.add(new Stored(hits.get(i), item.seqNo() == null ? -1 : item.seqNo(),
                        item.primaryTerm() == null ? -1 : item.primaryTerm()));
            } else if (item.status() != 409) {
                refused.add(item.status() + " " + item.error().type() + ": " + item.error().reason());
            }
        }
        if (!refused.isEmpty()) {
            throw new IOException(refused.size() + " hits not written: " + refused.getFirst());
        }
        return created;
    }

    /** Replaces a hit if nobody changed it since it was read; false when someone did (another instance took it). */
    public Optional<Stored> replace(Stored current, AlertHit changed) throws IOException {
        try {
            IndexResponse response = client.index(i -> i.index(index).id(changed.deliveryId()).document(changed)
                    .ifSeqNo(current.seqNo()).ifPrimaryTerm(current.primaryTerm()));
            return Optional.of(new Stored(changed, response.seqNo(), response.primaryTerm()));
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The newest hits of a saved search, newest first. */
    public List<AlertHit> latest(String savedSearchId, int size) throws IOException {
        ensureIndex();
        SearchResponse<AlertHit> response = client.search(s -> s.index(index).size(size)
                .query(q -> q.term(t -> t.field("savedSearchId").value(savedSearchId)))
                .sort(o -> o.field(f -> f.field("matchedAt").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("deliveryId").order(SortOrder.Asc))), AlertHit.class);
        return response.hits().hits().stream().map(Hit::source).toList();
    }

    /**
     * Deliveries that need an instance: pending ones that are due, those an instance took and did not finish within
     * its lease, and held ones (for the next digest), oldest first.
     */
    public List<Stored> due(Instant now, int size) throws IOException {
        ensureIndex();
        String at = now.toString();
        SearchResponse<AlertHit> response = client.search(s -> s.index(index).size(size).seqNoPrimaryTerm(true)
                .query(q -> q.bool(b -> b.minimumShouldMatch("1")
                        .should(x -> x.bool(p -> p.filter(f -> f.term(t -> t.field("state").value(AlertHit.State.PENDING.name())))
                                .filter(f -> f.range(r -> r.date(d -> d.field("nextAttemptAt").lte(at))))))
                        .should(x -> x.bool(p -> p.filter(f -> f.term(t -> t.field("state").value(AlertHit.State.SENDING.name())))
                                .filter(f -> f.range(r -> r.date(d -> d.field("leaseUntil").lt(at))))))
                        .should(x -> x.term(t -> t.field("state").value(AlertHit.State.HELD.name())))))
                .sort(o -> o.field(f -> f.field("matchedAt").order(SortOrder.Asc))), AlertHit.class);
        return stored(response);
    }

    /** The hits of an answer asked with {@code seq_no_primary_term}, ready for a compare-and-set. */
    private static List<Stored> stored(SearchResponse<AlertHit> response) {
        return response.hits().hits().stream()
                .map(h -> new Stored(h.source(), h.seqNo() == null ? -1 : h.seqNo(), h.primaryTerm() == null ? -1 : h.primaryTerm()))
                .toList();
    }

    /** The held hits of a saved search, oldest first. */
    public List<Stored> held(String savedSearchId, int size) throws IOException {
        SearchResponse<AlertHit> response = client.search(s -> s.index(index).size(size).seqNoPrimaryTerm(true)
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("savedSearchId").value(savedSearchId)))
                        .filter(f -> f.term(t -> t.field("state").value(AlertHit.State.HELD.name())))))
                .sort(o -> o.field(f -> f.field("matchedAt").order(SortOrder.Asc))), AlertHit.class);
        return stored(response);
    }

    /** Hits per delivery state, over every saved search (the overview, the backlog metric). */
    public Map<String, Long> countByState() throws IOException {
        ensureIndex();
        SearchResponse<Void> response = client.search(s -> s.index(index).size(0)
                .aggregations("states", a -> a.terms(t -> t.field("state").size(10))), Void.class);
        Map<String, Long> counts = new TreeMap<>();
        response.aggregations().get("states").sterms().buckets().array()
                .forEach(b -> counts.put(b.key().stringValue(), b.docCount()));
        return counts;
    }

    /** Deletes every hit of a saved search (it was deleted). */
    public void deleteOf(String savedSearchId) throws IOException {
        ensureIndex();
        List<String> ids = new ArrayList<>();
        SearchResponse<Void> response = client.search(s -> s.index(index).size(10_000).source(src -> src.fetch(false))
                .query(q -> q.terms(t -> t.field("savedSearchId").terms(v -> v.value(List.of(FieldValue.of(savedSearchId)))))), Void.class);
        response.hits().hits().forEach(h -> ids.add(h.id()));
        if (ids.isEmpty()) {
            return;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.False);
        ids.forEach(id -> bulk.operations(op -> op.delete(d -> d.index(index).id(id))));
        client.bulk(bulk.build());
    }
}
