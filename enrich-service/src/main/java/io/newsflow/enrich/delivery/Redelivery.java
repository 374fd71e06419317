package io.newsflow.enrich.delivery;

import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Sends something to Kafka until Kafka acknowledges it. An attempt that fails for a reason worth retrying, or that is
 * not acknowledged within the attempt timeout, is tried again after a pause that grows up to a maximum, however long
 * Kafka stays away; each failure and each acknowledgement goes into {@link KafkaReachability}.
 */
public final class Redelivery {
    private static final Logger LOG = Logger.getLogger(Redelivery.class);

    /**
     * @param attemptTimeout how long one attempt may wait for Kafka's acknowledgement
     * @param firstPause     pause before the first retry; doubles (with jitter) for every further retry
     * @param maxPause       longest pause between two attempts
     */
    public record Settings(Duration attemptTimeout, Duration firstPause, Duration maxPause) {
    }

    private final Settings settings;
    private final KafkaReachability reachability;
    private final Consumer<Throwable> onRetry;

    /** @param onRetry told of every failed attempt that will be retried (metrics) */
    public Redelivery(Settings settings, KafkaReachability reachability, Consumer<Throwable> onRetry) {
        this.settings = settings;
        this.reachability = reachability;
        this.onRetry = onRetry;
    }

    /**
     * Subscribes to {@code attempt} again and again until one attempt succeeds.
     *
     * @param what    what is being delivered, for logs and the timeout's message
     * @param attempt one attempt; called anew for each retry
     * @param retryIf which failures are retried; the first other failure fails the returned Uni
     */
    public <T> Uni<T> untilAcknowledged(String what, Supplier<Uni<? extends T>> attempt, Predicate<Throwable> retryIf) {
        return Uni.createFrom().<T>deferred(attempt)
                .ifNoItem().after(settings.attemptTimeout())
                .failWith(() -> new TimeoutException(what + " not acknowledged within " + settings.attemptTimeout()))
                .onItem().invoke(this::acknowledged)
                .onFailure(retryIf).invoke(failure -> failed(what, failure))
                .onFailure(retryIf).retry().withBackOff(settings.firstPause(), settings.maxPause()).indefinitely();
    }

    private void acknowledged() {
        reachability.acknowledged().ifPresent(outage ->
                LOG.infof("kafka=reachable outage=%ds", outage.toSeconds()));
    }

    private void failed(String what, Throwable failure) {
        onRetry.accept(failure);
        if (reachability.failed(failure)) {
            LOG.warnf("kafka=unreachable delivery=\"%s\" reason=\"%s\" action=retry-until-acknowledged", what,
                    Failures.describe(failure));
        } else {
            LOG.debugf("delivery=\"%s\" outcome=retry reason=\"%s\"", what, Failures.describe(failure));
        }
    }
}
