package io.newsflow.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@code bin/newsflow bench}:
 * {@code ROOT [--pages N] [--search-articles N] [--seconds N] [--latency-seconds N] [--rate N] [--only a,b] [--out FILE]}.
 *
 * @param root           the project root (the folder with the parent pom)
 * @param pages          corpus size for end-to-end (and the corpus everyone shares)
 * @param searchArticles articles indexed for the search benchmark
 * @param seconds        seconds per concurrency level of the search benchmark
 * @param latencySeconds how long pages are dropped at a steady rate for the latency benchmark
 * @param ratePerSecond  pages dropped per second for the latency benchmark
 * @param only           names of the benchmarks to run; empty for all
 * @param out            where the JSON report goes
 */
public record BenchOptions(Path root, int pages, int searchArticles, int seconds, int latencySeconds,
                           double ratePerSecond, List<String> only, Path out) {

    public static final String USAGE = "usage: BenchMain ROOT [--pages N] [--search-articles N] [--seconds N] "
            + "[--latency-seconds N] [--rate N] [--only name,name] [--out FILE]";

    public static BenchOptions parse(String... args) {
        if (args.length == 0 || args[0].startsWith("--")) {
            throw new IllegalArgumentException(USAGE);
        }
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("unexpected argument " + name + "\n" + USAGE);
            }
            values.put(name.substring(2), args[++i]);
        }
        BenchOptions options = new BenchOptions(root,
                integer(values.remove("pages"), 2000),
                integer(values.remove("search-articles"), 100_000),
                integer(values.remove("seconds"), 30),
                integer(values.remove("latency-seconds"), 60),
                values.containsKey("rate") ? Double.parseDouble(values.remove("rate")) : 2.0,
                values.containsKey("only") ? List.of(values.remove("only").split(",")) : List.of(),
                values.containsKey("out") ? Path.of(values.remove("out")).toAbsolutePath()
                        : root.resolve("bench/target/bench-report.json"));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + values.keySet() + "\n" + USAGE);
        }
        return options;
    }

    /** Whether the benchmark of that name is selected by {@code --only}. */
    public boolean selected(String name) {
        return only.isEmpty() || only.contains(name);
    }

    private static int integer(String value, int fallback) {
        return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
    }
}
