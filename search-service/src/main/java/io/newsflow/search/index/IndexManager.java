package io.newsflow.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.newsflow.search.config.SearchConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Makes sure the alias exists and points at a versioned index created from {@code news-articles-index.json}
 * (mapping with the HanLP analyzer of es-analysis-plugin and {@code dynamic: strict}).
 */
@ApplicationScoped
public class IndexManager {
    private static final Logger LOG = Logger.getLogger(IndexManager.class);
    private static final String INDEX_DEFINITION = "/elasticsearch/news-articles-index.json";

    private final ElasticsearchClient client;
    private final SearchConfig config;
    private volatile boolean ready;

    public IndexManager(ElasticsearchClient client, SearchConfig config) {
        this.client = client;
        this.config = config;
    }

    /** Creates the index and alias when missing; cheap once they are known to exist. */
    public void ensureIndex() throws IOException {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            if (!client.indices().existsAlias(a -> a.name(config.alias())).value()) {
                createIndex();
            }
            ready = true;
        }
    }

    public String alias() {
        return config.alias();
    }

    /** Whether the alias exists right now (asks Elasticsearch). */
    public boolean aliasExists() throws IOException {
        return client.indices().existsAlias(a -> a.name(config.alias())).value();
    }

    private void createIndex() throws IOException {
        try (InputStream definition = definition()) {
            client.indices().create(c -> c.index(config.initialIndex()).withJson(definition)
                    .aliases(config.alias(), a -> a.isWriteIndex(true)));
            LOG.infof("created index=%s alias=%s", config.initialIndex(), config.alias());
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            // another instance created it first
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    private static InputStream definition() {
        InputStream in = IndexManager.class.getResourceAsStream(INDEX_DEFINITION);
        if (in == null) {
            throw new UncheckedIOException(new IOException("index definition " + INDEX_DEFINITION + " missing from the jar"));
        }
        return in;
    }
}
