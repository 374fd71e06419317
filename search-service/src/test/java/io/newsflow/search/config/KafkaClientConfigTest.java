package io.newsflow.search.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClientConfigTest {
    private final KafkaClientConfig config = new KafkaClientConfig(Map.of(
            "bootstrap.servers", "broker:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"s\" password=\"p\";",
            "ssl.truststore.location", "/etc/kafka/truststore.p12",
            "group.id", "search-service",
            "max.poll.records", 500,
            "topic", "news.articles"));

    @Test
    void theAdminClientGetsTheConnectionAndSecuritySettingsOfTheChannels() {
        Map<String, Object> admin = config.admin("overview", Duration.ofSeconds(2));

        assertThat(admin).containsEntry("bootstrap.servers", "broker:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsKey("sasl.jaas.config")
                .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                .containsEntry("client.id", "overview")
                .containsEntry("request.timeout.ms", 2000)
                .containsEntry("default.api.timeout.ms", 2000)
                .doesNotContainKeys("group.id", "max.poll.records", "topic");
    }

    @Test
    void aConsumerGetsThemTooButNoGroup() {
        Map<String, Object> consumer = config.consumer("reindex");

        assertThat(consumer).containsEntry("security.protocol", "SASL_SSL").containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                .containsEntry("max.poll.records", 500).containsEntry("client.id", "reindex")
                .doesNotContainKeys("group.id", "topic");
    }
}
