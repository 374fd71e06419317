package io.newsflow.ingest.watch;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBackoffTest {
    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(5));

    @Test
    void theWaitDoublesWithEveryFailureUpToTheMaximumAndStartsAgainOnceTheFileIsDone() {
        Path file = Path.of("inbox/a.txt");

        assertThat(backoff.failed(file)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.failed(file)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.failed(file)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.failed(file)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.failed(file)).isEqualTo(Duration.ofSeconds(5));
        backoff.done(file);
        assertThat(backoff.failed(file)).isEqualTo(Duration.ofSeconds(1));
    }

    /** Files that failed and then left the inbox by other means (deleted, taken by another instance) were kept for ever. */
    @Test
    void filesThatAreGoneAreForgottenSoTheMemoryHeldIsBoundedByTheFilesPresent() {
        Set<Path> present = new HashSet<>();
        for (int wave = 0; wave < 100; wave++) {
            present.clear();
            for (int i = 0; i < 50; i++) {
                Path file = Path.of("inbox/wave-" + wave + "-" + i + ".txt");
                backoff.failed(file);
                present.add(file);
            }
            backoff.retainOnly(present); // the next scan: the earlier waves are gone
        }

        assertThat(backoff.size()).isEqualTo(50);
        Path stillThere = Path.of("inbox/wave-99-0.txt");
        assertThat(backoff.failed(stillThere)).as("a file still present keeps its backoff").isEqualTo(Duration.ofSeconds(2));
    }
}
