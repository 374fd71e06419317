package io.newsflow.bench.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Lays articles out as a PDF extraction of a page would: hard-wrapped at a column width of 13–17 characters
 * (a paragraph's first line indented) or, on some pages, one long line a paragraph; blank lines between most
 * paragraphs and at column breaks in the middle of sentences; bylines at the end of the last line or on a line of
 * their own, full-width or half-width brackets; headline blocks before their article, after it, all at the end of
 * the page, or mixed; sometimes a label such as {@code 二泉月} at the top.
 */
final class PageLayout {
    /** Where the headline blocks sit. */
    enum Placement { BEFORE, AFTER, END, MIXED }

    /** One article to lay out: paragraphs (section heads marked), its headline blocks and byline reporters. */
    record Piece(List<String> paragraphs, List<List<String>> headline, List<String> reporters) {
    }

    private static final String CLOSING = "。，、；：！？）》”’」』!?,;:)";
    private static final String OPENING = "（《“‘「『(";

    private final Random random;
    private final Placement placement;
    private final int width;
    private final boolean longLines;
    private final String label;
    private final double blankBetweenParagraphs;
    private final List<String> out = new ArrayList<>();
    private int columnLeft;

    private PageLayout(Random random, Placement placement, int width, boolean longLines, String label,
                       double blankBetweenParagraphs) {
        this.random = random;
        this.placement = placement;
        this.width = width;
        this.longLines = longLines;
        this.label = label;
        this.blankBetweenParagraphs = blankBetweenParagraphs;
        this.columnLeft = columnLength();
    }

    static PageLayout random(Random random, List<String> labels) {
        Placement placement = Placement.values()[CorpusGenerator.pick(random, new int[] {0, 1, 2, 3},
                new int[] {30, 25, 25, 20})];
        int width = 13 + random.nextInt(5);
        boolean longLines = random.nextInt(10) == 0;
        String label = !labels.isEmpty() && random.nextInt(6) == 0 ? labels.get(random.nextInt(labels.size())) : null;
        return new PageLayout(random, placement, width, longLines, label, 0.5 + 0.4 * random.nextDouble());
    }

    CorpusGenerator.Shape shape(List<Piece> pieces) {
        return new CorpusGenerator.Shape(placement, longLines ? 0 : width, longLines,
                pieces.stream().anyMatch(piece -> piece.reporters().isEmpty()), label != null);
    }

    String render(List<Piece> pieces) {
        out.clear();
        if (label != null) {
            out.add(label);
            blank();
        }
        List<List<List<String>>> atEnd = new ArrayList<>();
        for (Piece piece : pieces) {
            boolean before = placement == Placement.BEFORE || placement == Placement.MIXED && random.nextBoolean();
            if (placement == Placement.END) {
                atEnd.add(piece.headline());
            } else if (before) {
                headline(piece.headline());
            }
            body(piece);
            if (placement != Placement.END && !before) {
                headline(piece.headline());
            }
        }
        atEnd.forEach(this::headline);
        // the extraction often starts the page with a stray space and ends it with blank lines
        String first = random.nextBoolean() ? " " + out.getFirst() : out.getFirst();
        out.set(0, first);
        return String.join("\n", out) + "\n".repeat(1 + random.nextInt(3));
    }

    private void headline(List<List<String>> blocks) {
        for (List<String> block : blocks) {
            blank();
            out.addAll(block);
            blank();
        }
    }

    private void body(Piece piece) {
        blank();
        List<String> paragraphs = piece.paragraphs();
        for (int i = 0; i < paragraphs.size(); i++) {
            String paragraph = paragraphs.get(i);
            boolean head = SourceArticle.isHead(paragraph);
            boolean last = i == paragraphs.size() - 1;
            if (head) {
                blank();
            }
            List<String> lines = wrap(SourceArticle.text(paragraph), !head);
            if (last && !piece.reporters().isEmpty()) {
                byline(lines, piece.reporters());
            } else {
                lines.forEach(this::bodyLine);
            }
            if (head || last || random.nextDouble() < blankBetweenParagraphs) {
                blank();
            }
        }
    }

    /** The last paragraph's lines with the byline: at the end of its last line or on a line of its own. */
    private void byline(List<String> lines, List<String> reporters) {
        boolean fullWidth = random.nextInt(5) != 0;
        String byline = (fullWidth ? "（" : "(") + String.join("、", reporters) + (fullWidth ? "）" : ")");
        switch (random.nextInt(4)) {
            case 0 -> lines.set(lines.size() - 1, lines.getLast() + byline);
            case 1 -> lines.set(lines.size() - 1, lines.getLast() + " " + byline);
            case 2 -> {
                lines.forEach(this::bodyLine);
                blank();
                lines = List.of(byline);
            }
            default -> lines.add(byline);
        }
        lines.forEach(this::bodyLine);
    }

    private List<String> wrap(String text, boolean indent) {
        List<String> lines = new ArrayList<>();
        if (longLines) {
            lines.add(text);
            return lines;
        }
        int at = 0;
        boolean first = true;
        while (at < text.length()) {
            int lineWidth = Math.clamp(width + random.nextInt(3) - 1, 13, 17) - (first && indent ? 2 : 0);
            int end = Math.min(text.length(), at + lineWidth);
            // line-breaking rules of Chinese typesetting: no line starts with closing punctuation, none ends with
            // an opening bracket or quote
            while (end < text.length() && CLOSING.indexOf(text.charAt(end)) >= 0) {
                end++;
            }
            while (end - 1 > at + 1 && end < text.length() && OPENING.indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            lines.add(text.substring(at, end));
            at = end;
            first = false;
        }
        return lines;
    }

    /** A body line; a column ends every few dozen lines, wherever the text is (a blank line mid-sentence). */
    private void bodyLine(String line) {
        out.add(line);
        if (!longLines && --columnLeft == 0) {
            blank();
            columnLeft = columnLength();
        }
    }

    private int columnLength() {
        return 18 + random.nextInt(18);
    }

    /** One blank line, never two in a row. */
    private void blank() {
        if (!out.isEmpty() && !out.getLast().isEmpty()) {
            out.add("");
        }
    }
}
