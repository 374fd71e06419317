package io.newsflow.bench.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Peak resident memory of processes over a period (Linux): the kernel's own peak ({@code VmHWM} of
 * {@code /proc/<pid>/status}, reset at the start by writing 5 to {@code clear_refs}, which root may do) and, as a
 * check, the highest {@code VmRSS} seen by sampling every 100 ms.
 */
final class ProcessMemory implements AutoCloseable {
    private final Map<String, Long> pids;
    private final Map<String, Long> sampledPeakKb = new ConcurrentHashMap<>();
    private final Map<String, Boolean> hwmReset = new LinkedHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rss-sampler");
        t.setDaemon(true);
        return t;
    });

    /** Starts watching the processes (name to pid). */
    ProcessMemory(Map<String, Long> pids) {
        this.pids = Map.copyOf(pids);
        pids.forEach((name, pid) -> hwmReset.put(name, resetPeak(pid)));
        sampler.scheduleAtFixedRate(this::sample, 0, 100, TimeUnit.MILLISECONDS);
    }

    /**
     * Peak RSS in MB per process since the start: {@code VmHWM} where it could be reset, else the sampled peak
     * (VmHWM would then include everything before the period).
     */
    Map<String, Double> peakMb() {
        sample();
        Map<String, Double> peaks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            long sampled = sampledPeakKb.getOrDefault(name, 0L);
            long peak = hwmReset.get(name) ? Math.max(sampled, status(pid, "VmHWM:")) : sampled;
            peaks.put(name, peak / 1024.0);
        });
        return peaks;
    }

    /** Whether the kernel's peak was reset for every process (else the sampled peak is reported). */
    boolean kernelPeaks() {
        return !hwmReset.containsValue(false);
    }

    /** The JVM memory options a process was started with ({@code -Xmx…}, {@code -Xms…}, {@code -XX:…Memory…}). */
    static String heapSettings(long pid) {
        List<String> args = ProcessHandle.of(pid).flatMap(p -> p.info().arguments()).map(List::of).orElse(List.of());
        List<String> memory = args.stream().filter(a -> a.startsWith("-Xm") || a.startsWith("-Xss")
                || (a.startsWith("-XX:") && (a.contains("Heap") || a.contains("RAM") || a.contains("Metaspace")))).toList();
        return memory.isEmpty() ? "JVM defaults" : String.join(" ", memory);
    }

    private void sample() {
        pids.forEach((name, pid) -> sampledPeakKb.merge(name, status(pid, "VmRSS:"), Math::max));
    }

    private static boolean resetPeak(long pid) {
        try {
            Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** A {@code kB} field of {@code /proc/<pid>/status}, 0 when unreadable. */
    private static long status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process is gone or this is no Linux
        }
        return 0;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
