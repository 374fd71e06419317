package io.newsflow.localstack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two launchers on one data folder: the second waits its bounded time and then says who holds the folder. */
class LauncherLockTest {
    @TempDir
    Path home;

    private Process otherLauncher;

    @AfterEach
    void stopTheOtherLauncher() throws InterruptedException {
        if (otherLauncher != null) {
            otherLauncher.destroyForcibly();
            otherLauncher.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSecondLauncherIsRefusedWhileAnotherProcessHoldsTheLockAndGetsItOnceThatOneHasGone() throws Exception {
        otherLauncher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath(), LauncherLockHolder.class.getName(), home.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(otherLauncher.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("holding");
        }

        long started = System.nanoTime();
        assertThatThrownBy(() -> LauncherLock.acquire(home, "down", Duration.ofMillis(600)))
                .isInstanceOf(LauncherLock.HeldElsewhere.class)
                .hasMessageStartingWith("another bin/newsflow is running (pid " + otherLauncher.pid() + ", bin/newsflow up since ");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited its time, no longer").isBetween(
                Duration.ofMillis(600), Duration.ofSeconds(5));

        otherLauncher.destroyForcibly(); // killed, as a launcher may be: the system releases its lock
        otherLauncher.waitFor(10, TimeUnit.SECONDS);
        try (LauncherLock lock = LauncherLock.acquire(home, "down", Duration.ofSeconds(5))) {
            assertThat(LauncherLock.file(home)).content().contains("pid=" + ProcessHandle.current().pid(), "command=down");
        }
    }

    @Test
    void aSecondHolderInTheSameJvmIsRefusedToo() throws Exception {
        try (LauncherLock first = LauncherLock.acquire(home, "up", Duration.ZERO)) {
            assertThatThrownBy(() -> LauncherLock.acquire(home, "restart kafka", Duration.ofMillis(300)))
                    .isInstanceOf(LauncherLock.HeldElsewhere.class)
                    .hasMessageContaining("pid " + ProcessHandle.current().pid() + ", bin/newsflow up");
        }
        try (LauncherLock again = LauncherLock.acquire(home, "down", Duration.ZERO)) {
            assertThat(again).isNotNull();
        }
    }

    /** The main and test classes of this module, where the other launcher's main class is found. */
    private static String classpath() throws URISyntaxException {
        return String.join(File.pathSeparator,
                Path.of(LauncherLock.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                Path.of(LauncherLockHolder.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    }
}
