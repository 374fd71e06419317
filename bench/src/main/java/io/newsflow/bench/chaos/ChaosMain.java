package io.newsflow.bench.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bin/newsflow chaos [--pages N] [--freeze-seconds N] [--out FILE]}: the chaos run on a system of its own
 * (free ports, data under {@code bench/target/chaos-home}); prints the report and writes it to a Markdown file.
 * Exits with 1 when any fault did not settle cleanly.
 */
public final class ChaosMain {
    static final String USAGE = "usage: bin/newsflow chaos [--pages N (1000)] [--freeze-seconds N (180)] [--out FILE]";

    private ChaosMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(List.of(args));
        Path root = Path.of(rest.removeLast()).toAbsolutePath();
        int pages = 1000;
        int freezeSeconds = 180;
        Path out = root.resolve("bench/target/chaos-report.md");
        try {
            for (int i = 0; i < rest.size(); i += 2) {
                String value = i + 1 < rest.size() ? rest.get(i + 1) : null;
                switch (rest.get(i)) {
                    case "--pages" -> pages = Integer.parseInt(required(value, "--pages"));
                    case "--freeze-seconds" -> freezeSeconds = Integer.parseInt(required(value, "--freeze-seconds"));
                    case "--out" -> out = Path.of(required(value, "--out"));
                    default -> throw new IllegalArgumentException("unknown option " + rest.get(i));
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
        }
        ChaosReport report = ChaosRun.run(new ChaosRun.Options(root, root.resolve("bench/target/chaos-home"), pages,
                Duration.ofSeconds(freezeSeconds), Duration.ofSeconds(20), 10, Duration.ofMinutes(10)));
        write(out, report);
        System.out.println(report.table());
        System.out.println(report.passed() ? "chaos: every fault settled cleanly" : "chaos: FAILED\n" + String.join("\n", report.problems()));
        System.out.println("report: " + out);
        System.exit(report.passed() ? 0 : 1);
    }

    private static String required(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static void write(Path out, ChaosReport report) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, "# newsflow chaos run\n\n" + report.table());
    }
}
