package io.newsflow.ingest.it;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Gives every test run an empty data folder, so files left by an earlier run cannot be published again. */
public class FreshDataFolder implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            Path target = Files.createDirectories(Path.of("target"));
            return Map.of("newsflow.home", Files.createTempDirectory(target, "test-newsflow-").toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // kept for inspection after a failure; target/ is cleaned by the build
    }
}
