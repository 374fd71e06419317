package io.newsflow.ingest.api;

import io.newsflow.ingest.watch.InboxWatcher;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the inbox scan loop, or a file in work, stops making progress: nothing would be ingested. */
@Readiness
@ApplicationScoped
public class ScanReadinessCheck implements HealthCheck {
    private final InboxWatcher watcher;

    public ScanReadinessCheck(InboxWatcher watcher) {
        this.watcher = watcher;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("inbox-scan").withData("lastScanCompletedAt", watcher.lastScanCompleted().toString());
        return watcher.stalled()
                .map(reason -> response.down().withData("reason", reason).build())
                .orElseGet(() -> response.up().build());
    }
}
