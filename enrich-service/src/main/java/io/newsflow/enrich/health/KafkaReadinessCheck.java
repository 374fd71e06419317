package io.newsflow.enrich.health;

import io.newsflow.enrich.delivery.KafkaReachability;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while Kafka does not acknowledge the service's sends: pages then wait, unacknowledged, and are delivered
 * when it is back. Liveness stays up: restarting the service would not bring Kafka back.
 */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {
    private final KafkaReachability kafka;

    public KafkaReadinessCheck(KafkaReachability kafka) {
        this.kafka = kafka;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("kafka-delivery");
        return kafka.reason().map(reason -> response.down().withData("reason", reason).build())
                .orElseGet(() -> response.up().build());
    }
}
