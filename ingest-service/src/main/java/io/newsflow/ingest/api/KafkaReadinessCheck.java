package io.newsflow.ingest.api;

import io.newsflow.ingest.publish.KafkaAvailability;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while Kafka is unreachable: files then wait in the inbox. */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {
    private final KafkaAvailability kafka;

    public KafkaReadinessCheck(KafkaAvailability kafka) {
        this.kafka = kafka;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("kafka");
        return kafka.isAvailable() ? response.up().build() : response.down().withData("reason", kafka.lastError()).build();
    }
}
