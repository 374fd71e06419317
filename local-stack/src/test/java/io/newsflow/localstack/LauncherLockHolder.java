package io.newsflow.localstack;

import java.nio.file.Path;
import java.time.Duration;

/** A second launcher for {@link LauncherLockTest}: takes the lock of the folder given, says so, and keeps it until killed. */
public final class LauncherLockHolder {
    private LauncherLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (LauncherLock lock = LauncherLock.acquire(Path.of(args[0]), "up", Duration.ZERO)) {
            System.out.println("holding");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
