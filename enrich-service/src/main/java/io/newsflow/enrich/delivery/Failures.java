package io.newsflow.enrich.delivery;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Tells a send that failed because of the record itself (retrying the same record cannot help, so its page is
 * dead-lettered) from one that failed because of the infrastructure: a timeout, a broker that is down, a refused
 * credential or authorization. Those are waited out and retried, never dead-lettered.
 */
public final class Failures {

    private Failures() {
    }

    /** Whether Kafka refused the record for what it is: too large for the producer or the topic, not serializable. */
    public static boolean causedByRecord(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RecordTooLargeException
                    || cause instanceof RecordBatchTooLargeException
                    || cause instanceof SerializationException
                    || cause instanceof InvalidRecordException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the failure is the infrastructure's, to be waited out: anything not {@linkplain #causedByRecord caused by the record}. */
    public static boolean causedByInfrastructure(Throwable failure) {
        return !causedByRecord(failure);
    }

    /**
     * {@code SimpleName: message} of the failure's root cause (the connector wraps the broker's answer, e.g. in
     * "Retries exhausted"), for logs and health reasons.
     */
    public static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
