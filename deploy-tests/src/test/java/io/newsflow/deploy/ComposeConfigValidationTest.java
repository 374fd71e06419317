package io.newsflow.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * docker-compose.yml as Compose itself reads it: {@code docker-compose config -q} validates the file against the
 * Compose schema and interpolates it, without a Docker engine. Needs the {@code docker-compose} binary (Debian
 * package docker-compose); {@code bin/newsflow test} installs it when it is missing. Never skipped.
 */
class ComposeConfigValidationTest {
    private static Path binary;

    @BeforeAll
    static void findDockerCompose() {
        binary = onPath("docker-compose").orElseGet(() -> fail(
                "docker-compose is not installed, so docker-compose.yml cannot be validated. Run the tests with "
                        + "bin/newsflow test (it installs it), or install it: apt-get install docker-compose"));
    }

    @Test
    void composeAcceptsTheFileWithTheExampleSettings() throws Exception {
        Result result = config(Repo.path(DotEnv.EXAMPLE), "-q");
        assertThat(result.exitCode()).as("docker-compose config -q:%n%s", result.output()).isZero();
    }

    @Test
    void composeListsTheServicesTheOtherTestsCheck() throws Exception {
        Result result = config(Repo.path(DotEnv.EXAMPLE), "--services");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output().lines().toList()).containsExactlyInAnyOrderElementsOf(Compose.load().serviceNames());
    }

    @Test
    void composeNeedsNoSettingInEnvBecauseSecretsAreFiles(@TempDir Path dir) throws Exception {
        // every .env setting has a default; what must not have one (passwords, keys) is a secret file, which
        // the secrets-check job refuses when missing, short or a placeholder (SecretsCheckTest)
        Path empty = Files.writeString(dir.resolve("empty.env"), "# nothing set\n");
        Result result = config(empty, "-q");
        assertThat(result.exitCode()).as("docker-compose config -q:%n%s", result.output()).isZero();
    }

    private record Result(int exitCode, String output) {
    }

    private static Result config(Path envFile, String option) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(),
                "--project-directory", Repo.ROOT.toString(), "-f", Repo.path(Compose.FILE).toString(),
                "--env-file", envFile.toString(), "config", option));
        ProcessBuilder pb = new ProcessBuilder(command).directory(Repo.ROOT.toFile()).redirectErrorStream(true);
        // only the env file may set the compose variables: none leaks in from the shell that runs the build
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(name -> name.startsWith("NEWSFLOW_") || name.startsWith("COMPOSE_") || name.endsWith("_PASSWORD"));
        Process process = pb.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("docker-compose config did not finish within 60 s");
        }
        return new Result(process.exitValue(), new String(output));
    }

    private static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
