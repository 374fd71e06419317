package io.newsflow.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.model.NewsJson;
import io.newsflow.search.config.SearchConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Owns the index layout: an index template ({@code <alias>-v*}) carrying the settings and mapping of
 * {@code news-articles-index.json}, versioned indices created from it, and the alias that searches and writes go
 * through. At start-up an existing index is validated against the mapping this version expects; a mismatch keeps
 * the service unready with a message saying to re-index.
 */
@ApplicationScoped
public class IndexManager {
    private static final Logger LOG = Logger.getLogger(IndexManager.class);
    private static final String INDEX_DEFINITION = "/elasticsearch/news-articles-index.json";

    private final ElasticsearchClient client;
    private final SearchConfig config;
    private final IndexSettings settings;
    private final TypeMapping mapping;
    private volatile boolean ready;
    private volatile String problem = "";

    public IndexManager(ElasticsearchClient client, SearchConfig config) {
        this.client = client;
        this.config = config;
        JsonNode definition = readDefinition();
        this.settings = IndexSettings.of(b -> b.withJson(new StringReader(definition.get("settings").toString())));
        this.mapping = TypeMapping.of(b -> b.withJson(new StringReader(definition.get("mappings").toString())));
    }

    public String alias() {
        return config.alias();
    }

    /**
     * Puts the template, creates the first index and the alias when missing (or, when versioned indices exist but the
     * alias does not, points it at the newest of them), validates what exists; cheap once done. While the service
     * runs, a removed alias is waited for instead (an operator may be moving it): this runs once per start.
     */
    public void ensureIndex() throws IOException {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            putTemplate();
            Optional<String> current = currentIndex();
            if (current.isPresent()) {
                validate(current.get());
            } else {
                SortedMap<Long, String> existing = versionedIndices();
                if (existing.isEmpty()) {
                    createIndex(config.initialIndex(), true);
                } else {
                    // the alias was removed while the service was away: without this, a start would create nothing
                    // (the first index exists) and every write would wait for the alias for ever
                    String newest = existing.get(existing.lastKey());
                    client.indices().updateAliases(u -> u.actions(a -> a.add(ad -> ad.index(newest).alias(config.alias()).isWriteIndex(true))));
                    LOG.warnf("alias=%s was missing at start; pointed it at the newest versioned index=%s", config.alias(), newest);
                    validate(newest);
                }
            }
            ready = true;
        }
    }

    /** The concrete index the alias points at, if the alias exists. */
    public Optional<String> currentIndex() throws IOException {
        if (!client.indices().existsAlias(a -> a.name(config.alias())).value()) {
            return Optional.empty();
        }
        return client.indices().getAlias(a -> a.name(config.alias())).aliases().keySet().stream().sorted().reduce((a, b) -> b);
    }

    /** Creates an index from the template, optionally as the alias' write index. */
    public void createIndex(String index, boolean withAlias) throws IOException {
        try {
            client.indices().create(c -> {
                c.index(index);
                if (withAlias) {
                    c.aliases(config.alias(), a -> a.isWriteIndex(true));
                }
                return c;
            });
            LOG.infof("created index=%s alias=%s", index, withAlias ? config.alias() : "-");
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    /** Points the alias from {@code from} to {@code to} in one atomic request. */
    public void swapAlias(String from, String to) throws IOException {
        client.indices().updateAliases(u -> u
                .actions(a -> a.remove(r -> r.index(from).alias(config.alias())))
                .actions(a -> a.add(ad -> ad.index(to).alias(config.alias()).isWriteIndex(true))));
        problem = "";
        LOG.infof("alias=%s moved from index=%s to index=%s", config.alias(), from, to);
    }

    /** The versioned indices of the alias ({@code <alias>-v<N>}) that exist, by version. */
    public SortedMap<Long, String> versionedIndices() throws IOException {
        Pattern versioned = Pattern.compile(Pattern.quote(config.alias()) + "-v(\\d+)");
        SortedMap<Long, String> indices = new TreeMap<>();
        for (String index : client.indices().get(g -> g.index(config.alias() + "-v*").allowNoIndices(true)).indices().keySet()) {
            Matcher matcher = versioned.matcher(index);
            if (matcher.matches()) {
                indices.put(Long.parseLong(matcher.group(1)), index);
            }
        }
        return indices;
    }

    /** Deletes an index; one that is already gone is fine. */
    public void deleteIndex(String index) throws IOException {
        try {
            client.indices().delete(d -> d.index(index));
            LOG.infof("deleted index=%s", index);
        } catch (ElasticsearchException e) {
            if (!"index_not_found_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    /** Whether the alias exists right now (asks Elasticsearch). */
    public boolean aliasExists() throws IOException {
        return client.indices().existsAlias(a -> a.name(config.alias())).value();
    }

    /** Why the index cannot be used as it is, or empty. */
    public String problem() {
        return problem;
    }

    private void putTemplate() throws IOException {
        client.indices().putIndexTemplate(t -> t.name(config.alias())
                .indexPatterns(config.alias() + "-v*")
                .priority(100L)
                .template(m -> m.settings(settings).mappings(mapping)));
    }

    private void validate(String index) throws IOException {
        TypeMapping actual = client.indices().getMapping(m -> m.index(index)).get(index).mappings();
        List<String> differences = differences(mapping.properties(), actual.properties(), "");
        if (differences.isEmpty()) {
            problem = "";
            return;
        }
        problem = "index " + index + " does not have the mapping this version expects (" + String.join("; ", differences)
                + "); re-index with POST /api/admin/reindex";
        LOG.error(problem);
    }

    static List<String> differences(Map<String, Property> expected, Map<String, Property> actual, String prefix) {
        List<String> differences = new ArrayList<>();
        expected.forEach((name, property) -> {
            Property found = actual.get(name);
            if (found == null) {
                differences.add(prefix + name + " is missing");
            } else if (found._kind() != property._kind()) {
                differences.add(prefix + name + " is " + found._kind().jsonValue() + ", expected " + property._kind().jsonValue());
            }
        });
        return differences;
    }

    private static JsonNode readDefinition() {
        try (InputStream in = IndexManager.class.getResourceAsStream(INDEX_DEFINITION)) {
            if (in == null) {
                throw new IOException("index definition " + INDEX_DEFINITION + " missing from the jar");
            }
            return NewsJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
