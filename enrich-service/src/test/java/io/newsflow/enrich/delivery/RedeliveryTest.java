package io.newsflow.enrich.delivery;

import io.smallrye.mutiny.Uni;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The send-timeout path: an attempt Kafka does not acknowledge in time is tried again, never given up. */
class RedeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final KafkaReachability kafka = new KafkaReachability(Clock.systemUTC());
    private final List<Throwable> retried = new ArrayList<>();
    private final Redelivery redelivery = new Redelivery(
            new Redelivery.Settings(Duration.ofMillis(100), Duration.ofMillis(10), Duration.ofMillis(50)), kafka, retried::add);

    @Test
    void anAttemptThatIsNeverAcknowledgedIsRetriedUntilOneIs() {
        AtomicInteger attempts = new AtomicInteger();
        List<String> unreachableDuringRetries = new ArrayList<>();

        String result = redelivery.untilAcknowledged("articles of page p", () -> {
            int attempt = attempts.incrementAndGet();
            if (attempt > 1) {
                unreachableDuringRetries.add(kafka.reason().orElse("reachable"));
            }
            // Kafka down: the first three attempts are never acknowledged, as a send to a stopped broker
            return attempt <= 3 ? Uni.createFrom().nothing() : Uni.createFrom().item("acknowledged");
        }, Failures::causedByInfrastructure).await().atMost(WAIT);

        assertThat(result).isEqualTo("acknowledged");
        assertThat(attempts).hasValue(4);
        assertThat(retried).hasSize(3).allSatisfy(failure ->
                assertThat(failure).hasMessage("articles of page p not acknowledged within PT0.1S"));
        assertThat(unreachableDuringRetries).hasSize(3).allSatisfy(reason ->
                assertThat(reason).startsWith("Kafka unreachable since ").contains("TimeoutException"));
        assertThat(kafka.unreachableSince()).isEmpty();
    }

    @Test
    void infrastructureFailuresAreRetriedWhateverTheyAre() {
        AtomicInteger attempts = new AtomicInteger();
        List<RuntimeException> failures = List.of(new NetworkException("broker down"),
                new TopicAuthorizationException(Set.of("news.articles")));

        redelivery.untilAcknowledged("x", () -> {
            int attempt = attempts.getAndIncrement();
            return attempt < failures.size() ? Uni.createFrom().failure(failures.get(attempt)) : Uni.createFrom().voidItem();
        }, Failures::causedByInfrastructure).await().atMost(WAIT);

        assertThat(retried).containsExactlyElementsOf(failures);
    }

    @Test
    void aFailureCausedByTheRecordIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> redelivery.untilAcknowledged("x", () -> {
            attempts.incrementAndGet();
            return Uni.createFrom().failure(new RecordTooLargeException("2 MB"));
        }, Failures::causedByInfrastructure).await().atMost(WAIT)).isInstanceOf(RecordTooLargeException.class);

        assertThat(attempts).hasValue(1);
        assertThat(retried).isEmpty();
        assertThat(kafka.unreachableSince()).isEmpty();
    }
}
