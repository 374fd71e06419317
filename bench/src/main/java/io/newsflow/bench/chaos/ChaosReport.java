package io.newsflow.bench.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One row per fault: how long it lasted, how long the system took to settle on its own, and what was wrong. */
public final class ChaosReport {

    /**
     * @param recoverySeconds from the heal to the settled state; negative when it never settled
     * @param problem         why the row failed, or null
     */
    record Row(String fault, int pages, double outageSeconds, double recoverySeconds, long lost, long extra,
               long duplicates, long pagesDeadLettered, long articlesDeadLettered, long filesWaiting, long filesFailed,
               List<String> notReady, String problem) {
        boolean passed() {
            return problem == null;
        }
    }

    private final List<Row> rows = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
    }

    public boolean passed() {
        return !rows.isEmpty() && rows.stream().allMatch(Row::passed);
    }

    /** The problems of the failed rows, one line each. */
    public List<String> problems() {
        return rows.stream().filter(row -> !row.passed()).map(row -> row.fault() + ": " + row.problem()).toList();
    }

    /** The report as a Markdown table. */
    public String table() {
        StringBuilder table = new StringBuilder("""
                | fault | pages | fault lasted | settled after | lost | extra | duplicates | dead letters (pages/articles) | files left | failed files | not ready | result |
                |---|---|---|---|---|---|---|---|---|---|---|---|
                """);
        for (Row row : rows) {
            table.append(String.format(Locale.ROOT, "| %s | %d | %.0f s | %s | %d | %d | %d | %d / %d | %d | %d | %s | %s |%n",
                    row.fault(), row.pages(), row.outageSeconds(),
                    row.recoverySeconds() < 0 ? "never" : String.format(Locale.ROOT, "%.1f s", row.recoverySeconds()),
                    row.lost(), row.extra(), row.duplicates(), row.pagesDeadLettered(), row.articlesDeadLettered(), row.filesWaiting(),
                    row.filesFailed(), row.notReady().isEmpty() ? "-" : String.join(", ", row.notReady()),
                    row.passed() ? "pass" : "FAIL: " + row.problem()));
        }
        return table.toString();
    }
}
