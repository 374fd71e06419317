package io.newsflow.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a pid the launcher recorded stands for now: the launcher's own process still running, a process that has
 * exited, or another process that got the same pid.
 */
sealed interface RecordedProcess {

    long pid();

    /** Alive and carrying the mark: the launcher's process, the only kind that is ever signalled. */
    record Ours(ProcessHandle handle) implements RecordedProcess {
        @Override
        public long pid() {
            return handle.pid();
        }
    }

    /** No process has the pid, or only a zombie (killed, not yet collected by its parent) that runs nothing. */
    record Exited(long pid) implements RecordedProcess {
    }

    /** A live process without the mark: the pid was reused, or the pid file was written by someone else. */
    record Stranger(long pid, String commandLine) implements RecordedProcess {
    }

    /** Why a record of this pid is stale, for the one line that says so; null for {@link Ours}. */
    default String staleBecause() {
        return switch (this) {
            case Ours ours -> null;
            case Exited exited -> exited.pid() > 0 ? "pid " + exited.pid() + " has exited" : "it holds no pid";
            case Stranger stranger -> "pid " + stranger.pid() + " is another process now (" + shortened(stranger.commandLine()) + ")";
        };
    }

    /** Checks {@code pid} against the mark its process was started with. */
    static RecordedProcess of(long pid, ProcessMark mark) {
        if (pid <= 0) {
            return new Exited(pid);
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive() || isZombie(pid)) {
            return new Exited(pid);
        }
        Optional<List<String>> commandLine = commandLine(handle.get());
        return commandLine.map(arguments -> arguments.contains(mark.argument())).orElse(false)
                ? new Ours(handle.get())
                : new Stranger(pid, commandLine.map(arguments -> String.join(" ", arguments)).orElse("command line not readable"));
    }

    /**
     * The whole command line, from {@code /proc/<pid>/cmdline}: {@link ProcessHandle.Info} reads only its first 4 KB
     * and then gives no arguments at all, and a broker's class path alone is longer.
     */
    private static Optional<List<String>> commandLine(ProcessHandle process) {
        try {
            String text = new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")), StandardCharsets.UTF_8);
            return text.isEmpty() ? Optional.empty() : Optional.of(List.of(text.split("\0")));
        } catch (IOException e) {
            ProcessHandle.Info info = process.info(); // no /proc
            return info.command().map(command -> Stream.concat(Stream.of(command), Stream.of(info.arguments().orElse(new String[0]))).toList());
        }
    }

    /**
     * Whether the process has exited but is still listed (state Z or X in {@code /proc/<pid>/stat}): Java counts such
     * a process as alive until its parent collects it, which init may do seconds after a kill.
     */
    static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int end = stat.lastIndexOf(')'); // the command name in parentheses may itself hold ") "
            char state = end >= 0 && end + 2 < stat.length() ? stat.charAt(end + 2) : '?';
            return state == 'Z' || state == 'X';
        } catch (IOException e) {
            return false; // gone altogether, or no /proc: ProcessHandle knows
        }
    }

    private static String shortened(String commandLine) {
        return commandLine.length() <= 120 ? commandLine : commandLine.substring(0, 117) + "...";
    }
}
