package io.newsflow.search.index;

import io.newsflow.logging.LogSafe;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Creates the index at start-up when Elasticsearch is there; otherwise the first bulk write does it. */
@ApplicationScoped
public class IndexStartup {
    private static final Logger LOG = Logger.getLogger(IndexStartup.class);

    void onStart(@Observes StartupEvent event, IndexManager indexManager) {
        try {
            indexManager.ensureIndex();
        } catch (Exception e) {
            LOG.warnf("outcome=index-not-ready action=retry-on-first-write reason=\"%s\"", LogSafe.text(e.getMessage()));
        }
    }
}
