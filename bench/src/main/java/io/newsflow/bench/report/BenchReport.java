package io.newsflow.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The report of one run: the environment it ran in, the options, every {@link Measurement} and the benchmarks
 * that failed. Written as JSON and printed as an aligned table.
 */
public final class BenchReport {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** A benchmark that threw instead of returning its figures. */
    public record Failure(String benchmark, String error, double seconds) {
    }

    /** How long each benchmark took. */
    public record Timing(String benchmark, double seconds) {
    }

    private final Instant startedAt = Instant.now();
    private final Map<String, Object> environment;
    private final Map<String, Object> options;
    private final List<Measurement> measurements = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private final List<Timing> timings = new ArrayList<>();

    public BenchReport(Path root, Map<String, Object> options) {
        this.environment = environment(root);
        this.options = new LinkedHashMap<>(options);
    }

    public synchronized void add(String benchmark, List<Measurement> figures, Duration took) {
        measurements.addAll(figures);
        timings.add(new Timing(benchmark, seconds(took)));
    }

    public synchronized void failed(String benchmark, Throwable error, Duration took) {
        String message = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        failures.add(new Failure(benchmark, message, seconds(took)));
        timings.add(new Timing(benchmark, seconds(took)));
    }

    public synchronized boolean anyFailed() {
        return !failures.isEmpty();
    }

    public synchronized List<Measurement> measurements() {
        return List.copyOf(measurements);
    }

    /** Writes the report as JSON, creating the folder if needed. */
    public synchronized void writeJson(Path file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("startedAt", startedAt);
        json.put("finishedAt", Instant.now());
        json.put("environment", environment);
        json.put("options", options);
        json.put("measurements", measurements);
        json.put("failures", failures);
        json.put("timings", timings);
        json.put("totalSeconds", seconds(Duration.between(startedAt, Instant.now())));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(file.toFile(), json);
    }

    /** Prints the figures as an aligned table, then the failures. */
    public synchronized void printTable(PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"benchmark", "metric", "value", "baseline", "ratio", "target", "met"});
        for (Measurement m : measurements) {
            rows.add(new String[] {m.benchmark(), m.metric(), number(m.value()) + " " + m.unit(),
                    m.baseline() == null ? "" : m.baseline() + " " + number(m.baselineValue()),
                    m.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f", m.ratio()),
                    m.target() == null ? "" : m.target(),
                    m.met() == null ? "" : m.met() ? "yes" : "NO"});
        }
        int[] widths = new int[rows.getFirst().length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], displayWidth(row[i]));
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]).append(" ".repeat(widths[i] - displayWidth(row[i]) + 2));
            }
            out.println(line.toString().stripTrailing());
        }
        for (Failure failure : failures) {
            out.println("FAILED " + failure.benchmark() + ": " + failure.error());
        }
        StringBuilder took = new StringBuilder();
        for (Timing timing : timings) {
            took.append(took.isEmpty() ? "" : ", ").append(timing.benchmark()).append(' ')
                    .append(String.format(Locale.ROOT, "%.0f s", timing.seconds()));
        }
        long total = Math.round(Duration.between(startedAt, Instant.now()).toMillis() / 1000.0);
        out.printf(Locale.ROOT, "total wall time: %d s (%d min %02d s)%s%n", total, total / 60, total % 60,
                took.isEmpty() ? "" : "; " + took);
    }

    /** Figures with sensible precision: integers for large values, three significant digits for small ones. */
    static String number(Double value) {
        if (value == null || value.isNaN()) {
            return "-";
        }
        double abs = Math.abs(value);
        if (abs >= 1000 || abs == Math.rint(abs)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, abs >= 10 ? "%.1f" : "%.3g", value);
    }

    /** Han characters take two columns on a terminal. */
    private static int displayWidth(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); i++) {
            width += Character.isIdeographic(text.codePointAt(i)) || text.charAt(i) >= '\u3000' ? 2 : 1;
        }
        return width;
    }

    private static double seconds(Duration took) {
        return took.toMillis() / 1000.0;
    }

    private static Map<String, Object> environment(Path root) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("cores", Runtime.getRuntime().availableProcessors());
        env.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        env.put("jdk", System.getProperty("java.vm.name") + " " + Runtime.version());
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        env.put("gitCommit", git(root, "rev-parse", "HEAD"));
        String status = git(root, "status", "--porcelain");
        env.put("gitDirty", status == null ? null : !status.isBlank());
        return env;
    }

    /** Output of a git command in {@code root}, or {@code null} when git is missing or fails. */
    private static String git(Path root, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            return process.exitValue() == 0 ? output : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
