package io.newsflow.ingest.watch;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StabilityTrackerTest {
    private static final Path FILE = Path.of("inbox/page.txt");
    private static final Instant T0 = Instant.parse("2024-09-06T08:00:00Z");
    private final StabilityTracker tracker = new StabilityTracker(Duration.ofSeconds(1));

    @Test
    void aFileIsReadyOnlyAfterItsSizeAndTimeStayedTheSameForTheMinimumAge() {
        var state = new StabilityTracker.FileState(100, FileTime.from(T0));

        assertThat(tracker.observe(Map.of(FILE, state), T0)).isEmpty();
        assertThat(tracker.observe(Map.of(FILE, state), T0.plusMillis(500))).isEmpty();
        assertThat(tracker.hasPending()).isTrue();
        assertThat(tracker.observe(Map.of(FILE, state), T0.plusMillis(1000))).containsExactly(FILE);
        assertThat(tracker.hasPending()).isFalse();
    }

    @Test
    void aGrowingFileStartsItsWaitAgainAtEveryChange() {
        tracker.observe(Map.of(FILE, new StabilityTracker.FileState(100, FileTime.from(T0))), T0);
        var grown = new StabilityTracker.FileState(200, FileTime.from(T0.plusMillis(900)));

        assertThat(tracker.observe(Map.of(FILE, grown), T0.plusMillis(1200))).isEmpty();
        assertThat(tracker.observe(Map.of(FILE, grown), T0.plusMillis(1800))).isEmpty();
        assertThat(tracker.observe(Map.of(FILE, grown), T0.plusMillis(1900))).containsExactly(FILE);
    }

    @Test
    void aFileNotModifiedForTheMinimumAgeIsReadyAtFirstSight() {
        var old = new StabilityTracker.FileState(100, FileTime.from(T0.minusSeconds(30)));
        var fresh = new StabilityTracker.FileState(100, FileTime.from(T0.minusMillis(400)));
        Path other = Path.of("inbox/fresh.txt");

        assertThat(tracker.observe(Map.of(FILE, old, other, fresh), T0)).containsExactly(FILE);
        assertThat(tracker.observe(Map.of(other, fresh), T0.plusMillis(600))).containsExactly(other);
    }

    @Test
    void aModificationTimeInTheFutureFallsBackToTwoObservations() {
        var future = new StabilityTracker.FileState(100, FileTime.from(T0.plusSeconds(3600)));

        assertThat(tracker.observe(Map.of(FILE, future), T0)).isEmpty();
        assertThat(tracker.observe(Map.of(FILE, future), T0.plusMillis(900))).isEmpty();
        assertThat(tracker.observe(Map.of(FILE, future), T0.plusMillis(1000))).containsExactly(FILE);
    }

    @Test
    void aRewriteOfTheSameSizeIsAChangeToo() {
        tracker.observe(Map.of(FILE, new StabilityTracker.FileState(100, FileTime.from(T0))), T0);

        var rewritten = new StabilityTracker.FileState(100, FileTime.from(T0.plusMillis(800)));

        assertThat(tracker.observe(Map.of(FILE, rewritten), T0.plusMillis(1000))).isEmpty();
    }

    @Test
    void aHeldFileWaitsUntilItsTime() {
        var state = new StabilityTracker.FileState(100, FileTime.from(T0));
        tracker.holdUntil(FILE, T0.plusSeconds(5));

        tracker.observe(Map.of(FILE, state), T0);
        assertThat(tracker.observe(Map.of(FILE, state), T0.plusSeconds(2))).isEmpty();
        assertThat(tracker.observe(Map.of(FILE, state), T0.plusSeconds(5))).containsExactly(FILE);
    }
}
