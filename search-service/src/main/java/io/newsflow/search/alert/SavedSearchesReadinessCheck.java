package io.newsflow.search.alert;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN until the saved searches are read from their topic: until then no article is matched (and none indexed, as
 * indexing waits for matching), so the service is not ready for the articles it would hold up.
 */
@Readiness
@ApplicationScoped
public class SavedSearchesReadinessCheck implements HealthCheck {
    private final SavedSearchLog log;
    private final SavedSearches searches;

    public SavedSearchesReadinessCheck(SavedSearchLog log, SavedSearches searches) {
        this.log = log;
        this.searches = searches;
    }

    @Override
    public HealthCheckResponse call() {
        boolean loaded = searches.isLoaded();
        var response = HealthCheckResponse.named("saved-searches").status(loaded).withData("topic", log.topic());
        if (loaded) {
            response.withData("savedSearches", searches.size());
        } else {
            response.withData("reason", log.problem());
        }
        return response.build();
    }
}
