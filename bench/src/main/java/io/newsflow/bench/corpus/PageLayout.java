package io.newsflow.bench.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Lays articles out as a PDF extraction of a page does: hard-wrapped at a column width of 10–40 characters or, on
 * some pages, one long line a paragraph; blank lines between most paragraphs and at column breaks, wherever the
 * text is (in the middle of a sentence, too); headline blocks (kicker, title, subtitle, on one block or several)
 * before their article, after it, all at the end of the page, or mixed; bylines in full-width, half-width or
 * lenticular brackets at the end of the last line, on a line or block of their own, or broken across lines (the
 * opening bracket left at a line's end, or the names split); sometimes a label such as {@code 二泉月} at the top.
 */
final class PageLayout {
    /** Where the headline blocks sit. */
    enum Placement { BEFORE, AFTER, END, MIXED }

    /** How a byline meets the text before it. */
    enum BylineForm { APPENDED, SPACED, OWN_LINE, OWN_BLOCK, BRACKET_BROKEN, NAMES_BROKEN }

    /** One article to lay out: paragraphs (section heads marked), its headline and byline reporters. */
    record Piece(List<String> paragraphs, HeadlineParts headline, List<String> reporters) {
    }

    static final int MIN_WIDTH = 10;
    static final int MAX_WIDTH = 40;
    private static final String CLOSING = "。，、；：！？）》”’」』!?,;:)";
    private static final String OPENING = "（《“‘「『(";
    private static final String[][] BRACKETS = {{"（", "）"}, {"(", ")"}, {"【", "】"}};

    private final Random random;
    private final Placement placement;
    private final int width;
    private final boolean longLines;
    private final String label;
    private final double blankBetweenParagraphs;
    private final List<String> out = new ArrayList<>();
    private int columnLeft;
    private boolean kickers;
    private boolean subtitles;
    private boolean brokenByline;
    private boolean midSentenceBreak;

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
        int width = MIN_WIDTH + random.nextInt(MAX_WIDTH - MIN_WIDTH + 1);
        boolean longLines = random.nextInt(8) == 0;
        String label = !labels.isEmpty() && random.nextInt(6) == 0 ? labels.get(random.nextInt(labels.size())) : null;
        return new PageLayout(random, placement, width, longLines, label, 0.5 + 0.4 * random.nextDouble());
    }

    /** The shape of the page last rendered. */
    CorpusGenerator.Shape shape(List<Piece> pieces) {
        return new CorpusGenerator.Shape(placement, longLines ? 0 : width, longLines,
                pieces.stream().anyMatch(piece -> piece.reporters().isEmpty()), label != null, kickers, subtitles,
                brokenByline, midSentenceBreak);
    }

    String render(List<Piece> pieces) {
        out.clear();
        if (label != null) {
            out.add(label);
            blank();
        }
        List<HeadlineParts> atEnd = new ArrayList<>();
        for (Piece piece : pieces) {
            kickers |= !piece.headline().kickers().isEmpty();
            subtitles |= !piece.headline().subtitles().isEmpty();
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

    /** Kicker, title and subtitles, each part on the title's block or on a block of its own. */
    private void headline(HeadlineParts headline) {
        blank();
        if (!headline.kickers().isEmpty()) {
            out.addAll(headline.kickers());
            if (random.nextBoolean()) {
                blank();
            }
        }
        out.addAll(headline.titleLines());
        for (String subtitle : headline.subtitles()) {
            if (random.nextBoolean()) {
                blank();
            }
            out.add(subtitle);
        }
        blank();
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

    /** The last paragraph's lines with the byline after them, in one of the forms extraction leaves. */
    private void byline(List<String> lines, List<String> reporters) {
        String[] brackets = BRACKETS[CorpusGenerator.pick(random, new int[] {0, 1, 2}, new int[] {70, 15, 15})];
        String names = String.join("、", reporters);
        String byline = brackets[0] + names + brackets[1];
        BylineForm form = BylineForm.values()[CorpusGenerator.pick(random, new int[] {0, 1, 2, 3, 4, 5},
                new int[] {20, 15, 15, 15, 20, 15})];
        List<String> all = new ArrayList<>(lines);
        String last = all.removeLast();
        switch (form) {
            case APPENDED -> all.add(last + byline);
            case SPACED -> all.add(last + " ".repeat(1 + random.nextInt(2)) + byline);
            case OWN_LINE -> {
                all.add(last);
                all.add(byline);
            }
            case OWN_BLOCK -> {
                all.add(last);
                all.forEach(this::bodyLine);
                blank();
                all = List.of(byline);
            }
            case BRACKET_BROKEN -> {
                all.add(last + brackets[0]);
                all.add(names + brackets[1]);
            }
            case NAMES_BROKEN -> {
                // broken after the first name's separator, or, for one reporter, after the opening bracket
                int cut = reporters.size() > 1 ? reporters.getFirst().length() + 1 : 0;
                all.add(last + brackets[0] + names.substring(0, cut));
                all.add(names.substring(cut) + brackets[1]);
            }
        }
        brokenByline |= form == BylineForm.BRACKET_BROKEN || form == BylineForm.NAMES_BROKEN;
        all.forEach(this::bodyLine);
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
            int lineWidth = Math.max(MIN_WIDTH - 1, width + random.nextInt(3) - 1) - (first && indent ? 2 : 0);
            int end = Math.min(text.length(), at + lineWidth);
            // line-breaking rules of Chinese typesetting: no line starts with closing punctuation, none ends with
            // an opening bracket or quote; and a line break never falls next to a space
            while (end < text.length() && CLOSING.indexOf(text.charAt(end)) >= 0) {
                end++;
            }
            while (end - 1 > at + 1 && end < text.length() && (OPENING.indexOf(text.charAt(end - 1)) >= 0
                    || Character.isWhitespace(text.charAt(end - 1)) || Character.isWhitespace(text.charAt(end)))) {
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
            midSentenceBreak |= !endsSentence(line);
            blank();
            columnLeft = columnLength();
        }
    }

    private static boolean endsSentence(String line) {
        String stripped = line.strip();
        return !stripped.isEmpty() && "。！？）)】".indexOf(stripped.charAt(stripped.length() - 1)) >= 0;
    }

    /** Lines of a column: a page is about as tall whatever its column width. */
    private int columnLength() {
        return Math.max(4, (250 + random.nextInt(350)) / width);
    }

    /** One blank line, never two in a row. */
    private void blank() {
        if (!out.isEmpty() && !out.getLast().isEmpty()) {
            out.add("");
        }
    }
}
