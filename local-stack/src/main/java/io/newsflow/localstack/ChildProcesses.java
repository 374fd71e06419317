package io.newsflow.localstack;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** Stops processes the stack started, gracefully first, so brokers and nodes flush their data. */
public final class ChildProcesses {
    private static final System.Logger LOG = System.getLogger(ChildProcesses.class.getName());
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private ChildProcesses() {
    }

    /** Whether a process with this pid is alive. */
    public static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Sends SIGTERM to the process, waits up to {@code grace} for it to exit, then kills it and whatever it started
     * that is still alive. Safe to call for a pid that is already gone.
     */
    public static void stop(long pid, Duration grace) {
        ProcessHandle process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive).orElse(null);
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = Stream.concat(Stream.of(process), process.descendants()).toList();
        process.destroy();
        if (!awaitExit(process, grace)) {
            LOG.log(System.Logger.Level.WARNING, "pid {0} ignored SIGTERM for {1} s; killing it",
                    String.valueOf(pid), String.valueOf(grace.toSeconds()));
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : tree) {
            if (!awaitExit(p, KILL_WAIT)) {
                LOG.log(System.Logger.Level.WARNING, "process {0} is still alive after SIGKILL", String.valueOf(p.pid()));
            }
        }
    }

    /** Whether the process exited within the timeout. */
    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
