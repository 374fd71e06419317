package io.newsflow.search.it;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.newsflow.localstack.LocalStackResource;
import io.newsflow.search.config.SearchConfig;
import io.newsflow.search.index.IndexManager;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A service that starts while its alias is missing puts it back on the newest versioned index. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class AliasRepairIT {

    @Inject
    ElasticsearchClient client;

    @Inject
    SearchConfig config;

    @Inject
    IndexManager running;

    @Test
    void aServiceStartingWithoutItsAliasPointsItAtTheNewestVersionedIndexInsteadOfWaitingForever() throws Exception {
        running.ensureIndex();
        String index = running.currentIndex().orElseThrow();
        client.indices().updateAliases(u -> u.actions(a -> a.remove(r -> r.index(index).alias(config.alias()))));
        try {
            assertThat(running.aliasExists()).isFalse();

            IndexManager starting = new IndexManager(client, config); // what a restarted service has
            starting.ensureIndex();

            assertThat(starting.currentIndex()).contains(index);
            assertThat(starting.problem()).isEmpty();
            assertThat(client.indices().get(g -> g.index(config.alias())).indices()).containsOnlyKeys(index);
        } finally {
            if (!running.aliasExists()) {
                client.indices().updateAliases(u -> u.actions(a -> a.add(ad -> ad.index(index).alias(config.alias()).isWriteIndex(true))));
            }
        }
    }
}
