package io.newsflow.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scripts the one-shot jobs run in the Kafka, Elasticsearch and Kibana images. Those images are not all
 * guaranteed to have bash, so the scripts are POSIX sh; {@code sh -n} checks their syntax without running them.
 */
class ShellScriptsTest {

    @ParameterizedTest
    @ValueSource(strings = {"docker/kafka/create-topics.sh", "docker/elasticsearch/setup-users.sh", "kibana/import-saved-objects.sh",
            "docker/secrets/check-secrets.sh", "docker/secrets/generate-secrets.sh", "docker/env-from-files.sh"})
    void scriptIsValidPosixShell(String script) throws Exception {
        assertThat(Files.isRegularFile(Repo.path(script))).as(script).isTrue();
        assertThat(Repo.read(script)).startsWith("#!/bin/sh\n").contains("set -eu");
        Process check = new ProcessBuilder("sh", "-n", Repo.path(script).toString()).redirectErrorStream(true).start();
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(check.getInputStream().readAllBytes());
        assertThat(check.exitValue()).as("sh -n %s: %s", script, output).isZero();
    }
}
