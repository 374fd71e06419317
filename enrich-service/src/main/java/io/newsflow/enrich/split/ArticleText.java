package io.newsflow.enrich.split;

import java.util.List;

/**
 * The text of one article as cut from its page: body paragraphs, the reporters of its byline and the lines of
 * the headline block matched to it (kicker, title, subtitle in page order; empty when no block matched).
 */
public record ArticleText(List<String> paragraphs, List<String> reporters, List<String> headlineLines) {
    public ArticleText {
        paragraphs = List.copyOf(paragraphs);
        reporters = List.copyOf(reporters);
        headlineLines = List.copyOf(headlineLines);
    }

    public ArticleText(List<String> paragraphs, List<String> reporters) {
        this(paragraphs, reporters, List.of());
    }

    public String body() {
        return String.join("\n", paragraphs);
    }

    /** True when no headline block on the page matched, so the headline has to be taken from the lead. */
    public boolean headlineFromLead() {
        return headlineLines.isEmpty();
    }

    public ArticleText withHeadlineLines(List<String> lines) {
        return new ArticleText(paragraphs, reporters, lines);
    }
}
