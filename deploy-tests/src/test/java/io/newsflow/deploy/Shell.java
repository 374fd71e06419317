package io.newsflow.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one of the repository's POSIX sh scripts the way a container would: {@code sh script args}, a given environment. */
final class Shell {
    record Result(int exitCode, String output) {
    }

    private Shell() {
    }

    /** Runs {@code sh <script> <args>} in {@code dir} with only PATH, HOME and {@code env} set; stdout and stderr merged. */
    static Result run(Path dir, Map<String, String> env, String script, String... args) {
        List<String> command = new ArrayList<>(List.of("sh", Repo.path(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> environment = pb.environment();
        String path = environment.getOrDefault("PATH", "/usr/bin:/bin");
        environment.clear();
        environment.put("PATH", path);
        environment.put("HOME", dir.toString());
        environment.putAll(env);
        try {
            Process process = pb.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(script + " did not finish within 60 s");
            }
            return new Result(process.exitValue(), new String(output));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
