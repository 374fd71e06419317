package io.newsflow.ingest.publish;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whether the Kafka cluster answers right now, asked at most once a second. Files are claimed only while it does,
 * and readiness reports it.
 */
@ApplicationScoped
public class KafkaAvailability {
    private static final Duration CACHE = Duration.ofSeconds(1);
    private static final int TIMEOUT_MS = 2000;

    private final Admin admin;
    private volatile Instant checkedAt = Instant.MIN;
    private volatile boolean available;
    private volatile String lastError = "not checked yet";

    public KafkaAvailability(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "ingest-availability");
        this.admin = Admin.create(config);
    }

    public boolean isAvailable() {
        Instant now = Instant.now();
        if (now.isBefore(checkedAt.plus(CACHE))) {
            return available;
        }
        synchronized (this) {
            if (now.isBefore(checkedAt.plus(CACHE))) {
                return available;
            }
            try {
                available = !admin.describeCluster().nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).isEmpty();
                lastError = available ? "" : "no broker in the cluster metadata";
            } catch (Exception e) {
                available = false;
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            } finally {
                checkedAt = Instant.now();
            }
            return available;
        }
    }

    /** Why Kafka was last found unavailable. */
    public String lastError() {
        return lastError;
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
