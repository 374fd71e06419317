package io.newsflow.enrich.delivery;

import org.apache.kafka.common.errors.NetworkException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaReachabilityTest {

    @Test
    void unreachableSinceTheFirstFailureUntilTheNextAcknowledgement() {
        InFlightPagesTest.MutableClock clock = new InFlightPagesTest.MutableClock();
        Instant start = clock.now;
        KafkaReachability kafka = new KafkaReachability(clock);
        assertThat(kafka.reason()).isEmpty();

        assertThat(kafka.failed(new TimeoutException("articles of page p not acknowledged within PT30S"))).isTrue();
        clock.now = start.plusSeconds(31);
        assertThat(kafka.failed(new NetworkException("disconnected"))).isFalse();

        assertThat(kafka.unreachableSince()).contains(start);
        assertThat(kafka.reason()).contains("Kafka unreachable since 2026-12-01T00:00:00Z: NetworkException: disconnected");
        assertThat(kafka.unreachableSeconds()).isEqualTo(31.0);

        clock.now = start.plusSeconds(90);
        assertThat(kafka.acknowledged()).contains(Duration.ofSeconds(90));
        assertThat(kafka.reason()).isEmpty();
        assertThat(kafka.unreachableSeconds()).isZero();
        assertThat(kafka.acknowledged()).isEmpty();
    }
}
