package io.newsflow.system;

import io.newsflow.bench.chaos.ChaosReport;
import io.newsflow.bench.chaos.ChaosRun;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chaos run of {@code bin/newsflow chaos}, short enough for the suite: each service, the broker and the node
 * killed, the node frozen, a second instance of two services joining and dying, a poison page, a flooded inbox;
 * after each, every article the generator laid out searchable exactly once, the poison page dead-lettered once and
 * nothing good, nothing left behind, every service ready again; and the same still a while after the last fault.
 */
class ChaosIT {

    @Test
    void everyFaultIsWaitedOutWithoutLosingOrDuplicatingAnArticle() throws Exception {
        Path root = Path.of(System.getProperty("newsflow.repository"));
        ChaosReport report = ChaosRun.run(new ChaosRun.Options(root, Path.of("target", "chaos-home").toAbsolutePath(),
                52, Duration.ofSeconds(30), Duration.ofSeconds(10), 3, Duration.ofMinutes(3)));

        System.out.println(report.table());
        assertThat(report.problems()).isEmpty();
        assertThat(report.passed()).isTrue();
    }
}
