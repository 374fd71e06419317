package io.newsflow.bench.stack;

import io.newsflow.bench.report.Measurement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time each process of the run used over a period (user + system, as the kernel counts it): where the
 * machine's cores went, which a throughput figure alone does not say.
 */
final class ProcessCpu {
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
            double seconds = e.getValue().toNanos() / 1e9;
            total += seconds;
            figures.add(Measurement.of(benchmark, "CPU " + e.getKey() + ", " + what + " (% of " + cores + " cores)",
                    100 * seconds / (wall * cores), "%"));
        }
        figures.add(Measurement.of(benchmark, "CPU all processes above, " + what + " (% of " + cores + " cores)",
                100 * total / (wall * cores), "%"));
        return figures;
    }

    private static Map<String, Duration> cpu(Map<String, Long> pids) {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration())
                .ifPresent(d -> cpu.put(name, d)));
        return cpu;
    }
}
