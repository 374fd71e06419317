package io.newsflow.localstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogRotationTest {

    @Test
    void withoutSettings10MbFilesFiveOfThemPerService() {
        assertThat(LogRotation.fromEnvironment(Map.of())).isEqualTo(new LogRotation("10M", 5));
    }

    @Test
    void theEnvironmentSetsSizeAndNumberAndTheServiceIsToldThem() {
        LogRotation rotation = LogRotation.fromEnvironment(Map.of("NEWSFLOW_LOG_MAX_SIZE", "512k", "NEWSFLOW_LOG_FILES", "3"));

        assertThat(rotation.systemProperties(Path.of("/data/logs/enrich-service.log"))).contains(
                "-Dquarkus.log.console.enabled=false",
                "-Dquarkus.log.file.path=/data/logs/enrich-service.log",
                "-Dquarkus.log.file.rotation.max-file-size=512K",
                // three files: the current one and two older
                "-Dquarkus.log.file.rotation.max-backup-index=2");
    }

    @Test
    void aSizeOrNumberThatMeansNothingIsRefusedWithTheVariablesName() {
        assertThatThrownBy(() -> LogRotation.fromEnvironment(Map.of("NEWSFLOW_LOG_MAX_SIZE", "10 MB")))
                .hasMessageContaining("NEWSFLOW_LOG_MAX_SIZE").hasMessageContaining("'10 MB'");
        assertThatThrownBy(() -> LogRotation.fromEnvironment(Map.of("NEWSFLOW_LOG_FILES", "five")))
                .hasMessageContaining("NEWSFLOW_LOG_FILES");
        assertThatThrownBy(() -> LogRotation.fromEnvironment(Map.of("NEWSFLOW_LOG_FILES", "1")))
                .hasMessageContaining("NEWSFLOW_LOG_FILES must be 2 or more");
    }
}
