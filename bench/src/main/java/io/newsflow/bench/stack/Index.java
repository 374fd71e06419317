package io.newsflow.bench.stack;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.model.Article;
import io.newsflow.model.NewsJson;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Elasticsearch side of the benchmarks, through the Elasticsearch Java client search-service uses: indices
 * created from search-service's own index definition, {@code _bulk} written like search-service's
 * {@code BulkIndexer} writes it, counts and id look-ups on the alias.
 */
public final class Index {
    /** search-service's alias and first index (its defaults, which the bench stack does not change). */
    public static final String ALIAS = "news-articles";
    public static final String INITIAL_INDEX = "news-articles-v1";
    /** Documents per {@code _bulk}: search-service's {@code max.poll.records}, the most one Kafka batch holds. */
    public static final int BATCH_SIZE = 500;
    static final String DEFINITION = "search-service/src/main/resources/elasticsearch/news-articles-index.json";

    private final String url;
    private final String authorization;
    private final ElasticsearchClient client;
    private final Rest5Client rest;
    private final JsonNode definition;

    /**
     * @param authorization the {@code Authorization} header of search-service's own user, so that the direct baseline
     *     meets the node exactly as the service does
     */
    public Index(String url, String authorization, Path repository) {
        this.url = url;
        this.authorization = authorization;
        // the client's own transport, as search-service's; a _bulk of 500 HanLP-analysed articles on a busy node can
        // take longer than the default 30 s response timeout
        this.rest = Rest5Client.builder(URI.create(url))
                .setDefaultHeaders(new Header[] {new BasicHeader("Authorization", authorization)})
                .setRequestConfigCallback(config -> config.setResponseTimeout(Timeout.ofSeconds(120))).build();
        // a copy: the client's mapper adjusts the ObjectMapper it is given, and NewsJson's is shared
        this.client = new ElasticsearchClient(new Rest5ClientTransport(rest, new JacksonJsonpMapper(NewsJson.mapper().copy())));
        try {
            this.definition = NewsJson.mapper().readTree(repository.resolve(DEFINITION).toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read search-service's index definition " + DEFINITION, e);
        }
    }

    public String url() {
        return url;
    }

    /** The {@code Authorization} header value a direct request to the node carries. */
    public String authorization() {
        return authorization;
    }

    public ElasticsearchClient client() {
        return client;
    }

    /** Creates an index with the settings and mapping of search-service's definition, optionally as the alias' write index. */
    public void create(String index, boolean asAlias) throws IOException {
        IndexSettings settings = IndexSettings.of(b -> b.withJson(new StringReader(definition.get("settings").toString())));
        TypeMapping mappings = TypeMapping.of(b -> b.withJson(new StringReader(definition.get("mappings").toString())));
        client.indices().create(c -> {
            c.index(index).settings(settings).mappings(mappings);
            if (asAlias) {
                c.aliases(ALIAS, a -> a.isWriteIndex(true));
            }
            return c;
        });
    }

    public void delete(String index) throws IOException {
        if (client.indices().exists(e -> e.index(index)).value()) {
            client.indices().delete(d -> d.index(index));
        }
    }

    /**
     * An empty index behind the alias: the indices it points at are deleted and search-service's first index is
     * created again from the same definition. Call only while nothing is being indexed.
     */
    public void resetAlias() throws IOException {
        if (client.indices().existsAlias(a -> a.name(ALIAS)).value()) {
            for (String index : client.indices().getAlias(a -> a.name(ALIAS)).aliases().keySet()) {
                client.indices().delete(d -> d.index(index));
            }
        }
        create(INITIAL_INDEX, true);
    }

    /** Searchable documents (as of the last refresh). */
    public long count(String index) throws IOException {
        return client.count(c -> c.index(index)).count();
    }

    /**
     * Sets {@code index.refresh_interval} ({@code "-1"}: no periodic refresh, for a bulk load that nobody searches
     * yet), or back to the node's default with {@code null}.
     */
    public void refreshInterval(String index, String interval) throws IOException {
        Request request = new Request("PUT", "/" + index + "/_settings");
        request.setJsonEntity("{\"index\":{\"refresh_interval\":" + (interval == null ? "null" : "\"" + interval + "\"") + "}}");
        rest.performRequest(request);
    }

    public void refresh(String index) throws IOException {
        client.indices().refresh(r -> r.index(index));
    }

    /**
     * One {@code _bulk} of the articles, written as search-service's {@code BulkIndexer} writes them ({@code _id} =
     * id, version {@code enrichedAt} with {@code external_gte}); fails when any document is refused.
     */
    public void bulk(String index, List<Article> articles) throws IOException {
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (Article article : articles) {
            bulk.operations(op -> op.index(idx -> {
                idx.index(index).id(article.id()).document(article);
                if (article.enrichedAt() != null) {
                    idx.version(article.enrichedAt().toEpochMilli()).versionType(VersionType.ExternalGte);
                }
                return idx;
            }));
        }
        BulkResponse response = client.bulk(bulk.build());
        if (response.errors()) {
            BulkResponseItem failed = response.items().stream().filter(i -> i.error() != null && i.status() != 409)
                    .findFirst().orElse(null);
            if (failed != null) {
                throw new IOException("_bulk refused " + failed.id() + ": " + failed.status() + " " + failed.error().reason());
            }
        }
    }

    /** Which of these ids are searchable through the alias now (one {@code ids} query). */
    public Set<String> searchable(Collection<String> ids) throws IOException {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<String> values = List.copyOf(ids);
        SearchResponse<Void> response = client.search(s -> s.index(ALIAS).size(values.size())
                .source(src -> src.fetch(false)).query(q -> q.ids(i -> i.values(values))), Void.class);
        Set<String> found = new HashSet<>();
        response.hits().hits().forEach(hit -> found.add(hit.id()));
        return found;
    }

    /** Every document id in the index (search_after over the {@code id} keyword). */
    public Set<String> allIds(String index) throws IOException {
        Set<String> ids = new HashSet<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> from = after;
            SearchResponse<Void> page = client.search(s -> {
                s.index(index).size(5000).source(src -> src.fetch(false)).trackTotalHits(t -> t.enabled(false))
                        .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                if (from != null) {
                    s.searchAfter(from);
                }
                return s;
            }, Void.class);
            List<Hit<Void>> hits = page.hits().hits();
            if (hits.isEmpty()) {
                return ids;
            }
            hits.forEach(hit -> ids.add(hit.id()));
            after = new ArrayList<>(hits.getLast().sort());
        }
    }
}
