package io.newsflow.localstack;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Stops processes the stack started, gracefully first, so brokers and nodes flush their data. Takes a handle, never a
 * bare pid: the caller has made sure the process is its own ({@link RecordedProcess.Ours}, or a {@link Process} it
 * holds), and a handle no longer matches once its pid is reused.
 */
public final class ChildProcesses {
    private static final System.Logger LOG = System.getLogger(ChildProcesses.class.getName());
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 100;

    private ChildProcesses() {
    }

    /** Whether a process with this pid is alive: present and no zombie. */
    public static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ChildProcesses::isAlive).orElse(false);
    }

    private static boolean isAlive(ProcessHandle process) {
        return process.isAlive() && !RecordedProcess.isZombie(process.pid());
    }

    /**
     * Sends SIGTERM to the process, waits up to {@code grace} for it to exit, then kills it and whatever it started
     * that is still alive. Safe to call for a process that is already gone.
     */
    public static void stop(ProcessHandle process, Duration grace) {
        if (!isAlive(process)) {
            return;
        }
        List<ProcessHandle> tree = Stream.concat(Stream.of(process), process.descendants()).toList();
        process.destroy();
        if (!awaitExit(process, grace)) {
            LOG.log(System.Logger.Level.WARNING, "pid {0} ignored SIGTERM for {1} s; killing it",
                    String.valueOf(process.pid()), String.valueOf(grace.toSeconds()));
        }
        tree.stream().filter(ChildProcesses::isAlive).forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : tree) {
            if (!awaitExit(p, KILL_WAIT)) {
                LOG.log(System.Logger.Level.WARNING, "process {0} is still alive after SIGKILL", String.valueOf(p.pid()));
            }
        }
    }

    /**
     * Whether the process exited within the timeout. Polled rather than {@link ProcessHandle#onExit()}: for a process
     * another JVM started that waits until init collects it, seconds after it has exited.
     */
    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isAlive(process)) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
