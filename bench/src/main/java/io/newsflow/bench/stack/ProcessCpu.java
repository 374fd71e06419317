package io.newsflow.bench.stack;

import io.newsflow.bench.report.Measurement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time each process of the run used over a period (user + system, as the kernel counts it): where the
 * machine's cores went, which a throughput figure alone does not say. Also the part of it the JVMs' JIT compiler
 * threads took: compiling is a cost of a service's first minutes, not of its steady state, so a large share says the
 * warm-up was too short for the figure to describe a service that has been running for a while.
 */
final class ProcessCpu {
    /** Clock ticks per second of {@code /proc/<pid>/task/<tid>/stat} (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100;
    private static final String COMPILERS = "JIT compilers";

    private final Map<String, Long> pids;
    private final Map<String, Duration> used = new LinkedHashMap<>();
    private Map<String, Duration> periodStart;
    private long periodStartNanos;
    private long wallNanos;

    private ProcessCpu(Map<String, Long> pids) {
        this.pids = new LinkedHashMap<>(pids); // in the caller's order, for the report
    }

    /** Starts counting for these processes (name to pid). */
    static ProcessCpu start(Map<String, Long> pids) {
        ProcessCpu cpu = new ProcessCpu(pids);
        cpu.resume();
        return cpu;
    }

    /** Counts nothing until {@link #resume()}: for a figure made of several periods. */
    static ProcessCpu paused(Map<String, Long> pids) {
        return new ProcessCpu(pids);
    }

    /** Counts again from now. */
    void resume() {
        periodStart = cpu(pids);
        periodStartNanos = System.nanoTime();
    }

    /** Stops counting; the period since {@link #resume()} adds to the figures. */
    void pause() {
        if (periodStart == null) {
            return;
        }
        wallNanos += System.nanoTime() - periodStartNanos;
        cpu(pids).forEach((name, now) -> {
            Duration before = periodStart.get(name);
            if (before != null) {
                used.merge(name, now.minus(before), Duration::plus);
            }
        });
        periodStart = null;
    }

    /**
     * Per process: CPU seconds counted (since the start, or over the periods between resume and pause) and the
     * share of the machine's cores they are; then the total. {@code what} names the period in the metric
     * ({@code "run"}, {@code "REST, 4 clients"}).
     */
    List<Measurement> figures(String benchmark, String what) {
        pause();
        double wall = wallNanos / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        List<Measurement> figures = new ArrayList<>();
        double total = 0;
        for (Map.Entry<String, Duration> e : used.entrySet()) {
            if (e.getKey().equals(COMPILERS)) {
                continue;
            }
            double seconds = e.getValue().toNanos() / 1e9;
            total += seconds;
            figures.add(Measurement.of(benchmark, "CPU " + e.getKey() + ", " + what + " (% of " + cores + " cores)",
                    100 * seconds / (wall * cores), "%"));
        }
        figures.add(Measurement.of(benchmark, "CPU all processes above, " + what + " (% of " + cores + " cores)",
                100 * total / (wall * cores), "%"));
        figures.add(Measurement.of(benchmark, "CPU of which JIT compiler threads, " + what + " (% of " + cores + " cores)",
                100 * compilingShare(), "%"));
        return figures;
    }

    /** The JIT compiler threads' CPU since the start as a share (0 to 1) of the machine's cores; stops counting. */
    double compilingShare() {
        pause();
        double compiling = used.getOrDefault(COMPILERS, Duration.ZERO).toNanos() / 1e9;
        return compiling / (wallNanos / 1e9 * Runtime.getRuntime().availableProcessors());
    }

    /** CPU of each process, and under {@link #COMPILERS} that of all their JIT compiler threads. */
    private static Map<String, Duration> cpu(Map<String, Long> pids) {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration())
                .ifPresent(d -> cpu.put(name, d)));
        cpu.put(COMPILERS, pids.values().stream().map(ProcessCpu::compilerCpu).reduce(Duration.ZERO, Duration::plus));
        return cpu;
    }

    /** CPU of a JVM's "C1/C2 CompilerThread" threads that are alive now; zero where {@code /proc} cannot say. */
    private static Duration compilerCpu(long pid) {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue; // the thread ended meanwhile
                }
                ticks += compilerTicks(stat);
            }
        } catch (IOException | RuntimeException unreadable) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(Math.round(ticks * 1000 / TICKS_PER_SECOND));
    }

    /**
     * User and system clock ticks of a thread's {@code stat} line when the thread is a JIT compiler thread (the kernel
     * cuts thread names to 15 characters: "C2 CompilerThre"), else 0. The name is the text between the first '(' and
     * the last ')', since a name may hold either.
     */
    static long compilerTicks(String stat) {
        int nameEnd = stat.lastIndexOf(')');
        String name = stat.substring(stat.indexOf('(') + 1, nameEnd);
        if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
            return 0;
        }
        String[] fields = stat.substring(nameEnd + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    }
}
