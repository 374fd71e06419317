package io.newsflow.search.alert.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one webhook POST ended.
 *
 * @param kind       delivered, to be tried again, or refused for good
 * @param status     the HTTP status of the answer; 0 when there was none (no connection, no answer, a refused address)
 * @param answer     the first 300 characters of the answer's body, or why there was no answer
 * @param duration   from the call of {@link WebhookClient#send} to the outcome
 * @param retryAfter the receiver's {@code Retry-After} of a 429 or 503: the earliest it wants the next attempt
 */
public record WebhookOutcome(Kind kind, int status, String answer, Duration duration, Optional<Duration> retryAfter) {
    /** The longest answer text kept. */
    public static final int ANSWER_LENGTH = 300;

    public enum Kind {
        /** A 2xx answer. */
        DELIVERED,
        /**
         * Worth another attempt later: no connection (refused, reset, timed out, a name that did not resolve), no
         * answer within the response timeout, another I/O error, or an answer 408, 429 or 5xx.
         */
        RETRY,
        /**
         * Refused for good: any other answer (3xx, as redirects are not followed, and 4xx) or an address the
         * {@link AddressPolicy} refuses.
         */
        REJECTED
    }

    public WebhookOutcome {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(answer);
        Objects.requireNonNull(duration);
        Objects.requireNonNull(retryAfter);
        answer = shortened(answer);
    }

    /** The outcome of an HTTP answer with this status. */
    static WebhookOutcome ofStatus(int status, String answer, Duration duration, Optional<Duration> retryAfter) {
        return new WebhookOutcome(kindOf(status), status, answer, duration, retryAfter);
    }

    /** A failure without an answer that is worth another attempt. */
    static WebhookOutcome retry(String reason, Duration duration) {
        return new WebhookOutcome(Kind.RETRY, 0, reason, duration, Optional.empty());
    }

    /** A failure without an answer that another attempt cannot mend. */
    static WebhookOutcome rejected(String reason, Duration duration) {
        return new WebhookOutcome(Kind.REJECTED, 0, reason, duration, Optional.empty());
    }

    /** 2xx delivered; 408 (the receiver timed out reading), 429 and 5xx retried; anything else refused. */
    public static Kind kindOf(int status) {
        if (status >= 200 && status < 300) {
            return Kind.DELIVERED;
        }
        if (status == 408 || status == 429 || (status >= 500 && status < 600)) {
            return Kind.RETRY;
        }
        return Kind.REJECTED;
    }

    private static String shortened(String text) {
        String stripped = text.strip();
        if (stripped.length() <= ANSWER_LENGTH) {
            return stripped;
        }
        int end = ANSWER_LENGTH;
        // never half of a character outside the BMP
        if (Character.isHighSurrogate(stripped.charAt(end - 1))) {
            end--;
        }
        return stripped.substring(0, end);
    }
}
