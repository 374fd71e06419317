package io.newsflow.bench.enrichment;

import io.newsflow.bench.report.Measurement;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a JMH benchmark method spends its time, from the execution samples of a Flight Recorder recording:
 * self time (the sampled top frame) per method, inclusive time per method of {@code io.newsflow.enrich}, and the
 * share spent inside HanLP. Only samples of the JMH worker thread inside the benchmark method count (not setup).
 */
final class HotMethods {
    private static final String ENRICH = "io.newsflow.enrich.";
    private static final String HANLP = "com.hankcs.hanlp.";

    private final Map<String, Integer> self = new HashMap<>();
    private final Map<String, Integer> inclusive = new HashMap<>();
    private int samples;
    private int inHanlp;

    private HotMethods() {
    }

    static HotMethods read(Path recording, String benchmarkMethod) throws IOException {
        HotMethods hot = new HotMethods();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    hot.sample(event, benchmarkMethod);
                }
            }
        }
        if (hot.samples == 0) {
            throw new IllegalStateException("no execution samples of " + benchmarkMethod + " in " + recording);
        }
        return hot;
    }

    private void sample(RecordedEvent event, String benchmarkMethod) {
        RecordedThread thread = event.getThread("sampledThread");
        RecordedStackTrace stack = event.getStackTrace();
        if (thread == null || thread.getJavaName() == null || !thread.getJavaName().contains("jmh-worker")
                || stack == null || stack.getFrames().isEmpty()) {
            return;
        }
        List<RecordedFrame> frames = stack.getFrames();
        boolean measured = frames.stream().anyMatch(frame -> isBenchmark(frame.getMethod(), benchmarkMethod))
                || stack.isTruncated() && frames.stream().anyMatch(frame -> type(frame).startsWith(ENRICH));
        if (!measured) {
            return;
        }
        samples++;
        self.merge(name(frames.getFirst().getMethod()), 1, Integer::sum);
        Set<String> seen = new HashSet<>();
        boolean hanlp = false;
        for (RecordedFrame frame : frames) {
            String type = type(frame);
            hanlp |= type.startsWith(HANLP);
            if (type.startsWith(ENRICH) && seen.add(name(frame.getMethod()))) {
                inclusive.merge(name(frame.getMethod()), 1, Integer::sum);
            }
        }
        if (hanlp) {
            inHanlp++;
        }
    }

    /** The top {@code selfCount} methods by self time and top {@code inclusiveCount} pipeline methods, as % of samples. */
    List<Measurement> measurements(String benchmark, int selfCount, int inclusiveCount) {
        List<Measurement> figures = new ArrayList<>();
        figures.add(Measurement.of(benchmark, "profile: pipeline samples (JFR, 10 ms)", samples, "samples"));
        figures.add(Measurement.of(benchmark, "profile: time inside HanLP", percent(inHanlp), "%"));
        top(self, selfCount).forEach(entry -> figures.add(
                Measurement.of(benchmark, "hot self: " + entry.getKey(), percent(entry.getValue()), "%")));
        top(inclusive, inclusiveCount).forEach(entry -> figures.add(
                Measurement.of(benchmark, "hot total: " + entry.getKey(), percent(entry.getValue()), "%")));
        return figures;
    }

    private double percent(int count) {
        return Math.round(1000.0 * count / samples) / 10.0;
    }

    private static List<Map.Entry<String, Integer>> top(Map<String, Integer> counts, int limit) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .toList();
    }

    private static boolean isBenchmark(RecordedMethod method, String benchmarkMethod) {
        return method.getType().getName().equals(EnrichmentJmh.class.getName())
                && method.getName().equals(benchmarkMethod);
    }

    private static String type(RecordedFrame frame) {
        return frame.getMethod().getType().getName();
    }

    /** {@code SimpleClassName.method}, with the package for classes outside the project (HanLP, the JDK). */
    private static String name(RecordedMethod method) {
        String type = method.getType().getName();
        String shown = type.startsWith(ENRICH) ? type.substring(type.lastIndexOf('.') + 1) : type;
        return shown + "." + method.getName();
    }
}
