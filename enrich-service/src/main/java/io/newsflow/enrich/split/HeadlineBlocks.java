package io.newsflow.enrich.split;

import io.newsflow.enrich.text.Sentences;

import java.util.regex.Pattern;

/**
 * Tells prose blocks from headline-like blocks. Prose carries sentence punctuation; headlines, kickers, labels
 * and section heads do not end sentences, so a block without a sentence end is a head of some kind.
 */
final class HeadlineBlocks {
    /** Clause punctuation: a block with it continues a sentence even when no sentence ends inside it. */
    private static final String CLAUSE = "，,；;、";

    private HeadlineBlocks() {
    }

    /** A block outside any article that starts prose (an unsigned commentary, say) rather than a headline. */
    static boolean isProse(Block block) {
        return block.contains(Sentences.END);
    }

    /**
     * A block inside running prose that is a head (section head such as {@code 一是……}, or a headline after the
     * last paragraph): no punctuation of a sentence at all. Column-break fragments always carry a comma or stop.
     */
    static boolean isHeadInProse(Block block) {
        return !block.contains(Sentences.END) && !block.contains(CLAUSE);
    }

    /**
     * A block that a column break cut out of running prose: its lines fill the column (within a few characters of
     * its width; a paragraph's first line may be indented) and carry clauses, but no sentence ends in it.
     * Headlines are set apart from the column grid, so their lines rarely all fill it.
     */
    static boolean isColumnFragment(Block block, int columnWidth) {
        if (columnWidth == Integer.MAX_VALUE || block.contains(Sentences.END) || !block.contains(CLAUSE)) {
            return false;
        }
        // a paragraph's first line is indented by two characters (stripped by the extraction)
        int first = block.first().length();
        return first <= columnWidth + 3 && first >= columnWidth - 5
                && block.lines().stream().skip(1).allMatch(line -> Math.abs(line.length() - columnWidth) <= 3);
    }

    /** Ordinal openers of section heads: 一是, 二要, （三）, 第四. */
    private static final Pattern ORDINAL =
            Pattern.compile("^(?:[一二三四五六七八九十]+[是要、]|[（(][一二三四五六七八九十\\d]+[)）]|第[一二三四五六七八九十]+)");

    /**
     * A head inside prose that is a section head rather than a paragraph's first line cut off by a column break:
     * it opens with an ordinal, or its last line stops short of the column width (a cut-off fragment fills it;
     * its first line may be indented by two characters).
     */
    static boolean isSectionHead(Block block, int columnWidth) {
        return ORDINAL.matcher(block.first()).find() || block.last().length() < columnWidth - 2;
    }
}
