package io.newsflow.search.index;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class IndexingStateTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2024-01-01T00:00:00Z"));
    private final IndexingState state = new IndexingState(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    });

    @Test
    void reportsAChangeOnlyWhenAWaitStartsOrItsCauseChanges() {
        assertThat(state.waiting("unreachable", "connection refused")).isTrue();
        now.set(now.get().plusSeconds(30));
        assertThat(state.waiting("unreachable", "connection refused")).isFalse();
        assertThat(state.waiting("credentials-refused", "401")).isTrue();
        assertThat(state.current()).hasValueSatisfying(w -> {
            assertThat(w.since()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
            assertThat(w.describe(now.get())).contains("(30 s)", "credentials-refused: 401");
        });
        assertThat(state.waitingSeconds()).isEqualTo(30.0);
    }

    @Test
    void resumingEndsTheWaitOnce() {
        state.waiting("index-missing", "404");
        now.set(now.get().plus(Duration.ofSeconds(5)));
        assertThat(state.resumed()).hasValueSatisfying(w -> assertThat(w.cause()).isEqualTo("index-missing"));
        assertThat(state.resumed()).isEmpty();
        assertThat(state.current()).isEmpty();
        assertThat(state.waitingSeconds()).isZero();
    }
}
