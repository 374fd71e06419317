package io.newsflow.search.config;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one place where the service's own Kafka clients (the re-index consumer, the overview's admin client) get their
 * connection and security settings: the global {@code kafka.*} configuration the channels inherit too, so that a
 * broker with TLS or SASL ({@code kafka.security.protocol}, {@code kafka.sasl.*}, {@code kafka.ssl.*}) is reached by
 * every client alike. Only the keys a client knows are passed on.
 */
@ApplicationScoped
public class KafkaClientConfig {
    private final Map<String, Object> kafka;

    public KafkaClientConfig(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.kafka = Map.copyOf(kafka);
    }

    /** A consumer's settings, with this client id and no group (it is given partitions, it commits nothing). */
    public Map<String, Object> consumer(String clientId) {
        Map<String, Object> config = known(ConsumerConfig.configNames());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return config;
    }

    /** An admin client's settings, with this client id and every request bounded by {@code timeout}. */
    public Map<String, Object> admin(String clientId, Duration timeout) {
        Map<String, Object> config = known(AdminClientConfig.configNames());
        int millis = (int) timeout.toMillis();
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        return config;
    }

    private Map<String, Object> known(Set<String> names) {
        Map<String, Object> config = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (names.contains(key)) {
                config.put(key, value);
            }
        });
        return config;
    }
}
