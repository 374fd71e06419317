package io.newsflow.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.FieldAndFormat;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Asks the index which versions it holds of some pages, and deletes the articles of given versions ({@link PageVersions}). */
final class IndexedPageVersions {
    /** Versions one search returns at most (the names and dates of a batch pick a superset of its pages). */
    private static final int MAX_VERSIONS = 10_000;
    /** Articles of replaced versions one deletion finds at most: a page has at most a hundred. */
    private static final int MAX_ARTICLES = 10_000;

    private final ElasticsearchClient client;

    IndexedPageVersions(ElasticsearchClient client) {
        this.client = client;
    }

    /** The versions {@code target} holds of these pages (one search, one hit a version). */
    Map<PageVersions.PageKey, List<PageVersions.Version>> indexed(String target, Set<PageVersions.PageKey> pages) throws IOException {
        if (pages.isEmpty()) {
            return Map.of();
        }
        // two terms filters (names, dates) instead of one clause a page: a superset of the pages asked for, cheap to
        // run for a batch of hundreds of pages; the exact pairs are picked here
        List<FieldValue> names = values(pages.stream().map(PageVersions.PageKey::sourceFile).distinct().toList());
        List<FieldValue> dates = values(pages.stream().map(page -> page.issueDate().toString()).distinct().toList());
        SearchResponse<Void> response = client.search(s -> s.index(target).size(MAX_VERSIONS)
                        .query(q -> q.bool(b -> b
                                .filter(f -> f.terms(t -> t.field("sourceFile").terms(v -> v.value(names))))
                                .filter(f -> f.terms(t -> t.field("issueDate").terms(v -> v.value(dates))))))
                        .collapse(c -> c.field("pageSha256"))
                        // the four keyword and date fields from doc values: loading and parsing each hit's source
                        // (the whole article) took a tenth of the indexing run
                        .source(src -> src.fetch(false))
                        .docvalueFields(List.of(FieldAndFormat.of(f -> f.field("pageSha256")), FieldAndFormat.of(f -> f.field("sourceFile")),
                                FieldAndFormat.of(f -> f.field("issueDate").format("yyyy-MM-dd")),
                                FieldAndFormat.of(f -> f.field("enrichedAt").format("strict_date_time")))),
                Void.class);
        Map<PageVersions.PageKey, List<PageVersions.Version>> versions = new HashMap<>();
        for (Hit<Void> hit : response.hits().hits()) {
            Optional<String> sha = first(hit, "pageSha256");
            Optional<String> name = first(hit, "sourceFile");
            Optional<String> date = first(hit, "issueDate");
            Optional<String> enrichedAt = first(hit, "enrichedAt");
            if (sha.isEmpty() || name.isEmpty() || date.isEmpty() || enrichedAt.isEmpty()) {
                continue;
            }
            PageVersions.PageKey key = new PageVersions.PageKey(name.get(), LocalDate.parse(date.get()));
            if (pages.contains(key)) {
                versions.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new PageVersions.Version(sha.get(), Instant.parse(enrichedAt.get())));
            }
        }
        return versions;
    }

    /**
     * Deletes the articles of these versions of these pages; returns how many there were. The articles are found by a
     * search and deleted with {@code _bulk}: the node has no {@code _delete_by_query} (its reindex module is not
     * installed locally).
     */
    long deleteVersions(String target, Map<PageVersions.PageKey, Set<String>> versions) throws IOException {
        List<Query> clauses = new ArrayList<>();
        versions.forEach((page, shas) -> clauses.add(Query.of(q -> q.bool(b -> b.filter(page(page))
                .filter(f -> f.terms(t -> t.field("pageSha256").terms(v -> v.value(values(shas)))))))));
        SearchResponse<Void> found = client.search(s -> s.index(target).size(MAX_ARTICLES).source(src -> src.fetch(false))
                .query(anyOf(clauses)), Void.class);
        List<Hit<Void>> hits = found.hits().hits();
        if (hits.isEmpty()) {
            return 0;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        // the hit's own index: the alias may point at several during a re-index, and a delete needs one
        hits.forEach(hit -> bulk.operations(op -> op.delete(d -> d.index(hit.index()).id(hit.id()))));
        BulkResponse response = client.bulk(bulk.build());
        long deleted = response.items().stream().filter(item -> item.error() == null).count();
        if (response.errors()) {
            throw new IOException("Elasticsearch did not delete " + (hits.size() - deleted) + " articles of replaced page versions: "
                    + response.items().stream().filter(item -> item.error() != null).findFirst()
                            .map(item -> item.status() + " " + item.error().reason()).orElse(""));
        }
        return deleted;
    }

    /** The first value of a doc-value field of a hit. */
    private static Optional<String> first(Hit<Void> hit, String field) {
        JsonData values = hit.fields().get(field);
        if (values == null) {
            return Optional.empty();
        }
        List<?> list = values.to(List.class);
        return list.isEmpty() ? Optional.empty() : Optional.of(String.valueOf(list.getFirst()));
    }

    private static Query page(PageVersions.PageKey page) {
        return Query.of(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("sourceFile").value(page.sourceFile())))
                .filter(f -> f.term(t -> t.field("issueDate").value(page.issueDate().toString())))));
    }

    private static Query anyOf(List<Query> clauses) {
        return Query.of(q -> q.bool(BoolQuery.of(b -> b.should(clauses).minimumShouldMatch("1"))));
    }

    private static List<FieldValue> values(Collection<String> strings) {
        return strings.stream().map(FieldValue::of).toList();
    }
}
