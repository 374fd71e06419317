package io.newsflow.search.index;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when Elasticsearch answers, the alias exists and its index has the expected mapping. */
@Readiness
@ApplicationScoped
public class IndexReadinessCheck implements HealthCheck {
    private final IndexManager indexManager;

    public IndexReadinessCheck(IndexManager indexManager) {
        this.indexManager = indexManager;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("elasticsearch-index").withData("alias", indexManager.alias());
        try {
            if (!indexManager.aliasExists()) {
                return response.down().withData("reason", "alias " + indexManager.alias() + " does not exist yet").build();
            }
            String problem = indexManager.problem();
            return problem.isEmpty() ? response.up().build() : response.down().withData("reason", problem).build();
        } catch (Exception e) {
            return response.down().withData("reason", "Elasticsearch unreachable: " + e.getMessage()).build();
        }
    }
}
