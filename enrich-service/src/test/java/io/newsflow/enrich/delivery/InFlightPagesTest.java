package io.newsflow.enrich.delivery;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;

class InFlightPagesTest {

    @Test
    void theNextPageWaitsWhileTheWindowIsFullAndGoesOnWhenAPageFinishes() {
        InFlightPages pages = new InFlightPages(2, 1_000, Clock.systemUTC());
        long first = pages.start();
        assertThat(pages.roomForNext()).isCompleted();
        pages.start();

        CompletionStage<Void> room = pages.roomForNext();
        assertThat(room).isNotCompleted();
        assertThat(pages.count()).isEqualTo(2);

        pages.finished(first);
        assertThat(room).isCompleted();
        assertThat(pages.count()).isEqualTo(1);
    }

    @Test
    void theNextPageWaitsWhileTheArticlesInFlightFillTheirWindowThoughFewPagesAre() {
        InFlightPages pages = new InFlightPages(32, 100, Clock.systemUTC());
        long large = pages.start(60);
        assertThat(pages.roomForNext()).isCompleted();
        long second = pages.start(40);

        CompletionStage<Void> room = pages.roomForNext();
        assertThat(room).isNotCompleted();
        assertThat(pages.articles()).isEqualTo(100);

        pages.finished(second);
        assertThat(room).isCompleted();
        assertThat(pages.articles()).isEqualTo(60);
        pages.finished(large);
        assertThat(pages.articles()).isZero();
    }

    @Test
    void finishingAPageTwiceFreesOneSlotOnly() {
        InFlightPages pages = new InFlightPages(1, 1_000, Clock.systemUTC());
        long ticket = pages.start();
        pages.finished(ticket);
        pages.finished(ticket);
        pages.start();
        assertThat(pages.roomForNext()).isNotCompleted();
    }

    @Test
    void tellsHowLongTheOldestPageHasWaited() {
        MutableClock clock = new MutableClock();
        InFlightPages pages = new InFlightPages(4, 1_000, clock);
        assertThat(pages.oldest()).isZero();
        long first = pages.start();
        clock.now = clock.now.plusSeconds(40);
        pages.start();
        clock.now = clock.now.plusSeconds(5);
        assertThat(pages.oldest()).isEqualTo(Duration.ofSeconds(45));
        pages.finished(first);
        assertThat(pages.oldest()).isEqualTo(Duration.ofSeconds(5));
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");

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
            return now;
        }
    }
}
