package io.newsflow.enrich.delivery;

import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {

    @Test
    void outagesTimeoutsAndRefusedCredentialsAreTheInfrastructures() {
        assertThat(new Throwable[]{
                new java.util.concurrent.TimeoutException("not acknowledged"),
                new TimeoutException("Expiring 3 record(s)"),
                new NetworkException("disconnected"),
                new TopicAuthorizationException(Set.of("news.articles")),
                new SaslAuthenticationException("bad password"),
                new IllegalStateException("emitter buffer full")})
                .allSatisfy(failure -> assertThat(Failures.causedByInfrastructure(failure)).as(failure.toString()).isTrue());
    }

    @Test
    void aRecordTooLargeOrUnserializableIsTheRecords() {
        assertThat(Failures.causedByRecord(new RecordTooLargeException("2 MB"))).isTrue();
        assertThat(Failures.causedByRecord(new CompletionException(new SerializationException("no")))).isTrue();
    }

    @Test
    void aRecordTooLargeWrappedByTheConnectorIsStillTheRecords() {
        assertThat(Failures.causedByRecord(new IllegalStateException("Retries exhausted",
                new RecordTooLargeException("2 MB")))).isTrue();
    }

    @Test
    void describesTheRootCause() {
        assertThat(Failures.describe(new CompletionException(new IllegalStateException("Retries exhausted : 0 attempts",
                new TimeoutException("Topic news.articles not present in metadata after 1000 ms.")))))
                .isEqualTo("TimeoutException: Topic news.articles not present in metadata after 1000 ms.");
    }
}
