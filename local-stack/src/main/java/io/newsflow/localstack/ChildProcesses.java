package io.newsflow.localstack;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops processes the stack started, gracefully first, so brokers and nodes flush their data. */
public final class ChildProcesses {
    private ChildProcesses() {
    }

    /** Whether a process with this pid is alive. */
    public static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Sends SIGTERM to the process and its descendants, waits up to {@code grace}, then kills what is left.
     * Safe to call for a pid that is already gone.
     */
    public static void stop(long pid, Duration grace) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return;
        }
        ProcessHandle process = handle.get();
        var descendants = process.descendants().toList();
        process.destroy();
        awaitExit(process, grace);
        for (ProcessHandle child : descendants) {
            if (child.isAlive()) {
                child.destroy();
                awaitExit(child, Duration.ofSeconds(5));
            }
        }
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        awaitExit(process, Duration.ofSeconds(5));
    }

    private static void awaitExit(ProcessHandle process, Duration timeout) {
        CompletableFuture<ProcessHandle> exit = process.onExit();
        try {
            exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // still alive: the caller escalates
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
