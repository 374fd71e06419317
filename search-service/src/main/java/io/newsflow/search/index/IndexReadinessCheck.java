package io.newsflow.search.index;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when Elasticsearch answers and the alias exists. */
@Readiness
@ApplicationScoped
public class IndexReadinessCheck implements HealthCheck {
    private final IndexManager indexManager;

    public IndexReadinessCheck(IndexManager indexManager) {
        this.indexManager = indexManager;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("elasticsearch-index");
        try {
            return response.status(indexManager.aliasExists()).withData("alias", indexManager.alias()).build();
        } catch (Exception e) {
            return response.down().withData("reason", String.valueOf(e.getMessage())).build();
        }
    }
}
