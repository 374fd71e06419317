package io.newsflow.enrich.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Re-joins text that a PDF extraction hard-wrapped into short lines. Chinese has no spaces between words, so
 * wrapped lines are concatenated without a separator (this heals names split across lines, {@code 杜} / {@code 小刚}).
 * A paragraph ends at a blank line after a sentence end, or at a line that ends a sentence well short of the
 * usual line width; a blank line in the middle of a sentence is a column break and is healed.
 */
public final class LineJoiner {
    /** Share of lines near the most common length above which the text counts as hard-wrapped to a column. */
    private static final double WRAPPED_SHARE = 0.5;

    /** Paragraphs of the given lines, each without line breaks. */
    public List<String> paragraphs(List<String> lines) {
        int width = typicalWidth(lines);
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                if (Sentences.endsSentence(current)) {
                    flush(current, paragraphs);
                }
                continue;
            }
            current.append(line);
            if (Sentences.endsSentence(current) && line.length() < width - 2) {
                flush(current, paragraphs);
            }
        }
        flush(current, paragraphs);
        return paragraphs;
    }

    /**
     * The wrap width of the column: the most common length of the non-blank lines, when most lines are within a
     * few characters of it. Text with long unwrapped lines has no such width; there every line that ends a
     * sentence ends its paragraph, so the width is unbounded.
     */
    public static int typicalWidth(List<String> lines) {
        int mode = modeLength(lines);
        if (mode == Integer.MAX_VALUE) {
            return mode;
        }
        long nonBlank = lines.stream().filter(line -> !line.isBlank()).count();
        long nearMode = lines.stream().map(String::strip).filter(line -> !line.isEmpty())
                .filter(line -> Math.abs(line.length() - mode) <= 3).count();
        return nearMode >= WRAPPED_SHARE * nonBlank ? mode : Integer.MAX_VALUE;
    }

    private static int modeLength(List<String> lines) {
        int[] counts = new int[512];
        for (String line : lines) {
            int length = line.strip().length();
            if (length > 0 && length < counts.length) {
                counts[length]++;
            }
        }
        int best = 0;
        for (int length = 1; length < counts.length; length++) {
            if (counts[length] >= counts[best]) {
                best = length;
            }
        }
        return best == 0 ? Integer.MAX_VALUE : best;
    }

    private static void flush(StringBuilder current, List<String> paragraphs) {
        if (!current.isEmpty()) {
            paragraphs.add(current.toString());
            current.setLength(0);
        }
    }
}
