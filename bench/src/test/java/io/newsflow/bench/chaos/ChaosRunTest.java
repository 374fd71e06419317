package io.newsflow.bench.chaos;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChaosRunTest {
    private final ChaosRun.Options options = new ChaosRun.Options(Path.of("."), Path.of("home"), 130,
            Duration.ofSeconds(30), Duration.ofSeconds(10), 3, Duration.ofMinutes(3));

    @Test
    void theFloodTakesSeveralSharesOfThePagesAndThePoisonPageIsTheOnlyPageToBeDeadLettered() {
        List<Fault> faults = ChaosRun.faults(options);

        Fault flood = faults.stream().filter(f -> f.name().startsWith("inbox flooded")).findFirst().orElseThrow();
        assertThat(flood.shares()).isGreaterThan(1);
        assertThat(flood.pagesPerSecond()).isZero();
        assertThat(faults).filteredOn(f -> f != flood).allSatisfy(f -> assertThat(f.shares()).isEqualTo(1));
        assertThat(faults).filteredOn(f -> f.pageDeadLetters() > 0).singleElement()
                .satisfies(f -> assertThat(f.name()).startsWith("poison page").satisfies(name -> assertThat(f.pageDeadLetters()).isEqualTo(1)));
    }

    @Test
    void thePoisonPageIsInsideIngestsLimitsAndHasNoArticles() {
        var poison = PoisonPage.repeatedLine(100_000);

        assertThat(poison.bytes().length).isBetween(2_000_000, 5 * 1024 * 1024);
        assertThat(poison.articleIds()).isEmpty();
        assertThat(poison.text().lines().distinct()).hasSize(1);
    }
}
