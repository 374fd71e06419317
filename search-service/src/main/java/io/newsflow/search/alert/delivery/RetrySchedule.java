package io.newsflow.search.alert.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after {@code firstRetry}, then twice as long after each further failure, never
 * longer than {@code maxRetryDelay} (unless the receiver asked for longer with Retry-After, up to that same
 * maximum), for {@code retryFor} after the first attempt; then the delivery is given up. No jitter: the receivers are
 * many and each has its own few connections, so retries do not fall on one server together, and a schedule that
 * is the same every time can be checked.
 */
public final class RetrySchedule {
    private final Duration firstRetry;
    private final Duration maxRetryDelay;
    private final Duration retryFor;

    public RetrySchedule(Duration firstRetry, Duration maxRetryDelay, Duration retryFor) {
        if (!firstRetry.isPositive() || maxRetryDelay.compareTo(firstRetry) < 0 || retryFor.isNegative()) {
            throw new IllegalArgumentException("webhook retries: first-retry must be positive, max-retry-delay at "
                    + "least first-retry, retry-for not negative");
        }
        this.firstRetry = firstRetry;
        this.maxRetryDelay = maxRetryDelay;
        this.retryFor = retryFor;
    }

    public static RetrySchedule from(WebhookConfig config) {
        return new RetrySchedule(config.firstRetry(), config.maxRetryDelay(), config.retryFor());
    }

    /**
     * The wait after attempt {@code attempt} (1 for the first) failed: {@code firstRetry × 2^(attempt-1)} up to
     * {@code maxRetryDelay}, and at least the receiver's Retry-After (itself capped at {@code maxRetryDelay}).
     */
    public Duration delayAfter(int attempt, Optional<Duration> retryAfter) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts are counted from 1: " + attempt);
        }
        Duration delay = maxRetryDelay;
        // doubling beyond 62 would overflow; long before that the maximum is reached
        if (attempt <= 62) {
            long factor = 1L << (attempt - 1);
            Duration doubled = firstRetry.toNanos() <= maxRetryDelay.toNanos() / factor
                    ? firstRetry.multipliedBy(factor) : maxRetryDelay;
            delay = min(doubled, maxRetryDelay);
        }
        if (retryAfter.isPresent() && retryAfter.get().compareTo(delay) > 0) {
            delay = min(retryAfter.get(), maxRetryDelay);
        }
        return delay;
    }

    /**
     * Whether a delivery first attempted at {@code firstAttempt}, whose attempt failed at {@code now}, is given up
     * (recorded as failed) rather than tried again: from {@code retryFor} after its first attempt on.
     */
    public boolean givesUp(Instant firstAttempt, Instant now) {
        return !now.isBefore(firstAttempt.plus(retryFor));
    }

    /**
     * When to try again after attempt {@code attempt} failed at {@code now}; empty when the delivery is given up. An
     * attempt due after the end of {@code retryFor} is made at its end instead, so the last chance is not lost to the
     * rounding of the doubling.
     */
    public Optional<Instant> nextAttempt(Instant firstAttempt, int attempt, Instant now,
                                         Optional<Duration> retryAfter) {
        if (givesUp(firstAttempt, now)) {
            return Optional.empty();
        }
        Instant next = now.plus(delayAfter(attempt, retryAfter));
        Instant end = firstAttempt.plus(retryFor);
        return Optional.of(next.isAfter(end) ? end : next);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
