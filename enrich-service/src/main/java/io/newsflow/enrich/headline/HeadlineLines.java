package io.newsflow.enrich.headline;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a headline block into the title and the other lines (kicker, subtitles). The title is the first line
 * that is neither a kicker (it introduces the title: ends with a colon or a reporting verb such as {@code 强调})
 * nor a subtitle (set off by a dash, or carrying clauses: a comma). A Chinese title line never begins with a conjunction, so a line that
 * does ({@code 与长电科技…}) is the wrapped rest of the line above and is joined to it first.
 */
public final class HeadlineLines {
    private static final String CONTINUATION_START = "与和及并暨";
    private static final List<String> KICKER_ENDS = List.of("：", ":", "强调", "指出", "表示", "说");

    public record Headline(String title, List<String> subheadlines) {
    }

    public Headline of(List<String> blockLines) {
        List<String> lines = joinWrapped(blockLines);
        int title = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (canBeTitle(lines.get(i))) {
                title = i;
                break;
            }
        }
        List<String> others = new ArrayList<>(lines);
        String chosen = others.remove(title);
        return new Headline(chosen, others);
    }

    private static List<String> joinWrapped(List<String> blockLines) {
        List<String> lines = new ArrayList<>();
        for (String raw : blockLines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!lines.isEmpty() && CONTINUATION_START.indexOf(line.charAt(0)) >= 0) {
                lines.set(lines.size() - 1, lines.getLast() + line);
            } else {
                lines.add(line);
            }
        }
        return lines;
    }

    /** A kicker introduces the title below it: it ends with a colon or a reporting verb. */
    static boolean isKicker(String line) {
        return KICKER_ENDS.stream().anyMatch(line.strip()::endsWith);
    }

    /** A subtitle set off by a dash ({@code ——记……}) hangs below its title. */
    static boolean isDashSubtitle(String line) {
        return line.strip().startsWith("—");
    }

    /** A title is neither kicker nor dashed subtitle and carries no clauses (a comma or semicolon). */
    static boolean canBeTitle(String line) {
        return !isKicker(line) && !isDashSubtitle(line) && !line.matches(".*[，,；;].*");
    }
}
