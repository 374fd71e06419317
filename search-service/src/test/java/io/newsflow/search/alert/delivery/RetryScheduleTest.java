package io.newsflow.search.alert.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryScheduleTest {
    private static final Instant FIRST = Instant.parse("2026-12-08T09:00:00Z");
    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(1), Duration.ofMinutes(10),
            Duration.ofHours(24));

    @Test
    void theWaitDoublesFromTheFirstRetryUpToTheMaximum() {
        assertThat(schedule.delayAfter(1, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
        assertThat(schedule.delayAfter(2, Optional.empty())).isEqualTo(Duration.ofSeconds(2));
        assertThat(schedule.delayAfter(3, Optional.empty())).isEqualTo(Duration.ofSeconds(4));
        assertThat(schedule.delayAfter(10, Optional.empty())).isEqualTo(Duration.ofSeconds(512));
        // 1,024 s would be past the 600 s maximum
        assertThat(schedule.delayAfter(11, Optional.empty())).isEqualTo(Duration.ofMinutes(10));
        assertThat(schedule.delayAfter(62, Optional.empty())).isEqualTo(Duration.ofMinutes(10));
        assertThat(schedule.delayAfter(63, Optional.empty())).isEqualTo(Duration.ofMinutes(10));
        assertThat(schedule.delayAfter(Integer.MAX_VALUE, Optional.empty())).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void theSameAttemptAlwaysWaitsTheSame() {
        for (int attempt = 1; attempt < 20; attempt++) {
            assertThat(schedule.delayAfter(attempt, Optional.empty()))
                    .isEqualTo(schedule.delayAfter(attempt, Optional.empty()));
        }
    }

    @Test
    void retryAfterIsTheLeastWaitUpToTheMaximum() {
        assertThat(schedule.delayAfter(1, Optional.of(Duration.ofSeconds(30)))).isEqualTo(Duration.ofSeconds(30));
        // shorter than the backoff: the backoff stands
        assertThat(schedule.delayAfter(5, Optional.of(Duration.ofSeconds(3)))).isEqualTo(Duration.ofSeconds(16));
        assertThat(schedule.delayAfter(1, Optional.of(Duration.ofHours(5)))).isEqualTo(Duration.ofMinutes(10));
        assertThat(schedule.delayAfter(1, Optional.of(Duration.ZERO))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aDeliveryIsGivenUpOnceItsRetryTimeHasPassed() {
        assertThat(schedule.givesUp(FIRST, FIRST)).isFalse();
        assertThat(schedule.givesUp(FIRST, FIRST.plus(Duration.ofHours(24)).minusMillis(1))).isFalse();
        assertThat(schedule.givesUp(FIRST, FIRST.plus(Duration.ofHours(24)))).isTrue();
        assertThat(schedule.givesUp(FIRST, FIRST.plus(Duration.ofDays(3)))).isTrue();
    }

    @Test
    void theNextAttemptIsNeverAfterTheEndOfTheRetryTime() {
        Instant end = FIRST.plus(Duration.ofHours(24));

        assertThat(schedule.nextAttempt(FIRST, 1, FIRST, Optional.empty())).contains(FIRST.plusSeconds(1));
        assertThat(schedule.nextAttempt(FIRST, 40, end.minus(Duration.ofMinutes(3)), Optional.empty()))
                .contains(end);
        assertThat(schedule.nextAttempt(FIRST, 41, end, Optional.empty())).isEmpty();
    }

    @Test
    void aScheduleOverADayOfFailuresEndsWithinIt() {
        Instant now = FIRST;
        int attempt = 1;
        Optional<Instant> next;
        while ((next = schedule.nextAttempt(FIRST, attempt, now, Optional.empty())).isPresent()) {
            assertThat(next.get()).isAfter(now);
            now = next.get();
            attempt++;
        }
        // 1 + 2 + ... + 512 s (10 attempts) = 1,023 s, then every 10 min: (86,400 - 1,023) / 600 rounded up, and the
        // first attempt itself
        int expected = 1 + 10 + (int) Math.ceil((86_400 - 1_023) / 600.0);
        assertThat(attempt).isEqualTo(expected);
        assertThat(now).isEqualTo(FIRST.plus(Duration.ofHours(24)));
    }

    @Test
    void settingsThatMakeNoScheduleAreRefused() {
        assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, Duration.ofMinutes(1), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> schedule.delayAfter(0, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
