package io.newsflow.search.index;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether indexing is waiting for Elasticsearch (the bean) or for another part (an instance of its own, such as
 * the dead letters' wait for Kafka) right now, since when and why: what readiness answers, the metrics show and the
 * logs report once per change (not once per retry).
 */
@ApplicationScoped
public class IndexingState {

    /** A wait in progress: for what, its cause (short, for metrics), the last reason the other side gave. */
    public record Waiting(String waitingFor, String cause, String reason, Instant since) {
        public String describe(Instant now) {
            return "indexing waits for " + waitingFor + " since " + since + " (" + Duration.between(since, now).toSeconds()
                    + " s), " + cause + ": " + reason;
        }
    }

    private final AtomicReference<Waiting> waiting = new AtomicReference<>();
    private final String waitingFor;
    private final Clock clock;

    public IndexingState() {
        this("Elasticsearch", Clock.systemUTC());
    }

    /** A wait for something else than Elasticsearch. */
    public IndexingState(String waitingFor) {
        this(waitingFor, Clock.systemUTC());
    }

    IndexingState(Clock clock) {
        this("Elasticsearch", clock);
    }

    private IndexingState(String waitingFor, Clock clock) {
        this.waitingFor = waitingFor;
        this.clock = clock;
    }

    /**
     * Records that a write failed for a reason of the infrastructure. Returns true when this starts a wait or changes
     * its cause: the caller logs then, and only then.
     */
    public boolean waiting(String cause, String reason) {
        Waiting before = waiting.getAndUpdate(current -> current == null
                ? new Waiting(waitingFor, cause, reason, clock.instant())
                : new Waiting(waitingFor, cause, reason, current.since()));
        return before == null || !before.cause().equals(cause);
    }

    /** Records that a write went through; returns the wait it ended, if there was one. */
    public Optional<Waiting> resumed() {
        return Optional.ofNullable(waiting.getAndSet(null));
    }

    public Optional<Waiting> current() {
        return Optional.ofNullable(waiting.get());
    }

    /** Seconds the current wait has lasted, 0 when indexing is not waiting. */
    public double waitingSeconds() {
        Waiting current = waiting.get();
        return current == null ? 0 : Duration.between(current.since(), clock.instant()).toMillis() / 1000.0;
    }

    public Instant now() {
        return clock.instant();
    }
}
