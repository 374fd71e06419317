package io.newsflow.ingest.publish;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaAvailabilityTest {

    @Test
    void aBrokerThatDoesNotAnswerIsUnavailableWithTheReasonAndIsAskedAtMostOnceASecond() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort(); // closed again: nothing listens there
        }
        KafkaAvailability kafka = new KafkaAvailability(Map.of("bootstrap.servers", "127.0.0.1:" + port,
                "value.serializer", "not an admin setting: dropped"));
        try {
            long started = System.nanoTime();
            assertThat(kafka.isAvailable()).isFalse();
            assertThat(kafka.lastError()).isNotBlank().isNotEqualTo("not checked yet");
            // the answer is cached: a second question within the second does not wait for the broker again
            long second = System.nanoTime();
            assertThat(kafka.isAvailable()).isFalse();
            assertThat((System.nanoTime() - second) / 1_000_000).isLessThan(100);
            assertThat((second - started) / 1_000_000).as("bounded by the admin timeout").isLessThan(10_000);
        } finally {
            kafka.close();
        }
    }
}
