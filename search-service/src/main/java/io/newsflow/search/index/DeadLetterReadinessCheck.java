package io.newsflow.search.index;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while Kafka does not acknowledge dead letters: the batch holding them waits, unacknowledged. */
@Readiness
@ApplicationScoped
public class DeadLetterReadinessCheck implements HealthCheck {
    private final DeadLetterWriter deadLetters;

    public DeadLetterReadinessCheck(DeadLetterWriter deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("kafka-dead-letters");
        return deadLetters.waiting()
                .map(wait -> response.down().withData("reason", wait.describe(java.time.Instant.now())).build())
                .orElseGet(() -> response.up().build());
    }
}
