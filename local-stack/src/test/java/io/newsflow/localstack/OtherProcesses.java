package io.newsflow.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Processes the launcher did not start, as a reused pid would show them: a shell with a child of its own, and a
 * zombie. Each test destroys what it made ({@link #close()}).
 */
final class OtherProcesses implements AutoCloseable {
    private final List<ProcessHandle> started = new ArrayList<>();

    /** {@code sh} waiting for a {@code sleep} it started: an unrelated process with a descendant. */
    Process shellWithChild() throws IOException, InterruptedException {
        Process shell = new ProcessBuilder("sh", "-c", "sleep 300 & wait").start();
        started.add(shell.toHandle());
        started.add(childOf(shell)); // there before this returns, so that close() finds it
        return shell;
    }

    /** The child of a shell from {@link #shellWithChild()}: waits until it is there. */
    ProcessHandle childOf(Process shell) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            var child = shell.children().findFirst();
            if (child.isPresent()) {
                return child.get();
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the shell started no child");
    }

    /**
     * The pid of a zombie: a {@code sleep} that has exited and whose parent (a {@code sleep} the shell turned into)
     * never collects it, as a killed service looks until init reaps it.
     */
    long zombie() throws IOException, InterruptedException {
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0.1 & echo $!; exec sleep 300").start();
        started.add(parent.toHandle());
        long pid;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            pid = Long.parseLong(out.readLine().strip());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!state(pid).equals("Z")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("pid " + pid + " did not turn into a zombie: state " + state(pid));
            }
            Thread.sleep(20);
        }
        return pid;
    }

    private static String state(long pid) throws IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    }

    /** Destroys what was started here, with what it started in turn (the shell's {@code sleep}). */
    @Override
    public void close() {
        for (ProcessHandle process : started) {
            Stream.concat(process.descendants(), Stream.of(process)).toList().forEach(ProcessHandle::destroyForcibly);
        }
    }
}
