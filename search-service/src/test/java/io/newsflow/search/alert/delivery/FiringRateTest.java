package io.newsflow.search.alert.delivery;

import io.newsflow.search.alert.delivery.FiringRate.Admission;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FiringRateTest {
    private static final Instant T0 = Instant.parse("2026-12-08T09:00:00Z");

    @Test
    void theFirstNHitsOfAMinuteAreSentAndTheRestHeld() {
        FiringRate rate = new FiringRate(3);

        assertThat(rate.admit("s1", T0)).isEqualTo(Admission.SEND);
        assertThat(rate.admit("s1", T0.plusSeconds(10))).isEqualTo(Admission.SEND);
        assertThat(rate.admit("s1", T0.plusSeconds(20))).isEqualTo(Admission.SEND);
        assertThat(rate.admit("s1", T0.plusSeconds(30))).isEqualTo(Admission.HOLD);
        assertThat(rate.admit("s1", T0.plusSeconds(40))).isEqualTo(Admission.HOLD);
        // another search has its own count
        assertThat(rate.admit("s2", T0.plusSeconds(40))).isEqualTo(Admission.SEND);
    }

    @Test
    void theHeldHitsGoOutAsOneDigestOnceTheOldestDeliveryIsAMinuteOld() {
        FiringRate rate = new FiringRate(2);
        rate.admit("s1", T0);
        rate.admit("s1", T0.plusSeconds(10));
        assertThat(rate.admit("s1", T0.plusSeconds(20))).isEqualTo(Admission.HOLD);

        assertThat(rate.dueDigests(T0.plusSeconds(59))).isEmpty();
        assertThat(rate.nextDigestAt(T0.plusSeconds(59))).contains(T0.plusSeconds(60));
        assertThat(rate.dueDigests(T0.plusSeconds(60))).containsExactly("s1");
        // delivered once
        assertThat(rate.dueDigests(T0.plusSeconds(61))).isEmpty();
        assertThat(rate.nextDigestAt(T0.plusSeconds(61))).isEmpty();
    }

    @Test
    void whileHitsAreHeldNewHitsJoinTheDigestEvenWhenTheWindowHasRoom() {
        FiringRate rate = new FiringRate(1);
        rate.admit("s1", T0);
        assertThat(rate.admit("s1", T0.plusSeconds(5))).isEqualTo(Admission.HOLD);

        // the minute has passed, but the digest has not gone out yet: a new hit must not overtake it
        assertThat(rate.admit("s1", T0.plusSeconds(70))).isEqualTo(Admission.HOLD);
        assertThat(rate.nextDigestAt(T0.plusSeconds(70))).contains(T0.plusSeconds(70));
        assertThat(rate.dueDigests(T0.plusSeconds(70))).containsExactly("s1");
    }

    @Test
    void theDigestCountsAsOneDelivery() {
        FiringRate rate = new FiringRate(2);
        rate.admit("s1", T0);
        rate.admit("s1", T0.plusSeconds(30));
        rate.admit("s1", T0.plusSeconds(40));
        assertThat(rate.dueDigests(T0.plusSeconds(60))).containsExactly("s1");

        // counted now: the hit of T0+30 s and the digest of T0+60 s fill the window again
        assertThat(rate.admit("s1", T0.plusSeconds(61))).isEqualTo(Admission.HOLD);
        assertThat(rate.nextDigestAt(T0.plusSeconds(61))).contains(T0.plusSeconds(90));
        assertThat(rate.dueDigests(T0.plusSeconds(89))).isEmpty();
        assertThat(rate.dueDigests(T0.plusSeconds(90))).containsExactly("s1");
        // the digest of T0+60 s and that of T0+90 s are in the window; the next hit waits again
        assertThat(rate.admit("s1", T0.plusSeconds(100))).isEqualTo(Admission.HOLD);
    }

    @Test
    void theWindowRollsHitByHit() {
        FiringRate rate = new FiringRate(2);
        assertThat(rate.admit("s1", T0)).isEqualTo(Admission.SEND);
        assertThat(rate.admit("s1", T0.plusSeconds(50))).isEqualTo(Admission.SEND);
        // T0's delivery is a minute old: room for one, not two
        assertThat(rate.admit("s1", T0.plusSeconds(60))).isEqualTo(Admission.SEND);
        assertThat(rate.admit("s1", T0.plusSeconds(61))).isEqualTo(Admission.HOLD);
    }

    @Test
    void searchesIdleForMoreThanAMinuteAreForgotten() {
        FiringRate rate = new FiringRate(5);
        for (int i = 0; i < 1000; i++) {
            rate.admit("s" + i, T0);
        }
        assertThat(rate.remembered()).isEqualTo(1000);

        // a search that holds hits is kept until its digest is out
        for (int i = 0; i < 6; i++) {
            rate.admit("busy", T0.plusSeconds(30));
        }
        rate.admit("later", T0.plusSeconds(90));
        assertThat(rate.remembered()).as("admit sweeps once a minute").isEqualTo(2);

        assertThat(rate.dueDigests(T0.plusSeconds(95))).containsExactly("busy");
        assertThat(rate.dueDigests(T0.plusSeconds(200))).isEmpty();
        assertThat(rate.remembered()).isZero();
    }

    @Test
    void aDeletedSearchIsForgottenAtOnce() {
        FiringRate rate = new FiringRate(1);
        rate.admit("s1", T0);
        rate.admit("s1", T0);
        rate.forget("s1");

        assertThat(rate.dueDigests(T0.plusSeconds(60))).isEmpty();
        assertThat(rate.admit("s1", T0.plusSeconds(1))).isEqualTo(Admission.SEND);
    }

    @Test
    void concurrentHitsOfOneSearchAreCountedExactly() throws Exception {
        FiringRate rate = new FiringRate(20);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        AtomicInteger sent = new AtomicInteger();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                done.add(threads.submit(() -> {
                    if (rate.admit("s1", T0.plus(Duration.ofMillis(1))) == Admission.SEND) {
                        sent.incrementAndGet();
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(sent).hasValue(20);
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new FiringRate(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
