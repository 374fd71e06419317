package io.newsflow.ingest.watch;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ScanProgressTest {
    private static final Instant T0 = Instant.parse("2024-09-06T08:00:00Z");

    @Test
    void aLoopThatStopsCompletingScansCountsAsStalledWithTheTimeOfTheLastOne() {
        ScanProgress progress = new ScanProgress(Duration.ofSeconds(30), T0);
        progress.scanCompleted(T0.plusSeconds(10));

        assertThat(progress.stalled(T0.plusSeconds(40))).isEmpty();
        assertThat(progress.stalled(T0.plusSeconds(41))).hasValueSatisfying(reason ->
                assertThat(reason).contains("no inbox scan completed since 2024-09-06T08:00:10Z"));
    }

    @Test
    void aFileInWorkForLongerThanTheTimeoutCountsAsStalledToo() {
        ScanProgress progress = new ScanProgress(Duration.ofSeconds(30), T0);
        progress.oldestWork("stuck.txt", T0);
        progress.scanCompleted(T0.plusSeconds(60));

        assertThat(progress.stalled(T0.plusSeconds(60))).hasValueSatisfying(reason ->
                assertThat(reason).contains("file \"stuck.txt\" in work since 2024-09-06T08:00:00Z"));
        progress.oldestWork(null, null);
        assertThat(progress.stalled(T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void anInboxThatCannotBeScannedKeepsTheLoopDownWithTheReasonUntilAScanWorksAgain() {
        ScanProgress progress = new ScanProgress(Duration.ofSeconds(30), T0);
        progress.inboxUnusable("inbox \"/data/inbox\" is a regular file, not a folder");
        progress.scanCompleted(T0.plusSeconds(1)); // the loop itself goes on

        assertThat(progress.stalled(T0.plusSeconds(1))).contains("inbox \"/data/inbox\" is a regular file, not a folder");
        progress.inboxUsable();
        assertThat(progress.stalled(T0.plusSeconds(1))).isEmpty();
    }
}
