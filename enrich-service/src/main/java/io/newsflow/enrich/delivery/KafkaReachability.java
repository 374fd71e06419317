package io.newsflow.enrich.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the latest sends to Kafka said about it: reachable, or unreachable since the first failure of the current run
 * of failures. Readiness and metrics read it; thread-safe.
 */
public final class KafkaReachability {
    private final Clock clock;
    private Instant unreachableSince;
    private String lastFailure = "";

    public KafkaReachability(Clock clock) {
        this.clock = clock;
    }

    /**
     * Kafka acknowledged a send.
     *
     * @return how long it had been unreachable, when this ends an outage
     */
    public synchronized Optional<Duration> acknowledged() {
        if (unreachableSince == null) {
            return Optional.empty();
        }
        Duration outage = Duration.between(unreachableSince, clock.instant());
        unreachableSince = null;
        lastFailure = "";
        return Optional.of(outage);
    }

    /**
     * A send failed or was not acknowledged in time.
     *
     * @return whether this starts an outage (Kafka was reachable until now)
     */
    public synchronized boolean failed(Throwable failure) {
        lastFailure = Failures.describe(failure);
        if (unreachableSince != null) {
            return false;
        }
        unreachableSince = clock.instant();
        return true;
    }

    public synchronized Optional<Instant> unreachableSince() {
        return Optional.ofNullable(unreachableSince);
    }

    /** {@code Kafka unreachable since <instant>: <last failure>} while unreachable. */
    public synchronized Optional<String> reason() {
        return unreachableSince().map(since -> "Kafka unreachable since " + since + ": " + lastFailure);
    }

    /** Seconds since Kafka became unreachable; 0 while it is reachable. */
    public synchronized double unreachableSeconds() {
        return unreachableSince == null ? 0 : Duration.between(unreachableSince, clock.instant()).toMillis() / 1000.0;
    }
}
