package io.newsflow.bench.corpus;

import java.util.List;

/**
 * One article of a sample page, taken apart so that it can be laid out again.
 *
 * @param sample     the sample file it came from
 * @param news       {@code true} for a {@code 本报讯} article with dateline and byline; {@code false} for a signed
 *                   commentary (neither)
 * @param lead       for news, the first paragraph after {@code 本报讯 M月D日}; for commentary, its first paragraph
 * @param paragraphs the following paragraphs; section heads ({@code 一是……}) are marked by {@link #isHead(String)}
 * @param headline   kicker, title and subtitle lines of its headline
 */
record SourceArticle(String sample, boolean news, String lead, List<String> paragraphs, HeadlineParts headline) {
    /** Marks a paragraph that is a section head inside a commentary. */
    static final String HEAD_MARK = "\u0001";

    static boolean isHead(String paragraph) {
        return paragraph.startsWith(HEAD_MARK);
    }

    static String text(String paragraph) {
        return isHead(paragraph) ? paragraph.substring(HEAD_MARK.length()) : paragraph;
    }
}
