package io.newsflow.enrich.split;

import java.util.List;

/** The text of one article as cut from its page: body paragraphs and the reporters of its byline. */
public record ArticleText(List<String> paragraphs, List<String> reporters) {
    public ArticleText {
        paragraphs = List.copyOf(paragraphs);
        reporters = List.copyOf(reporters);
    }

    public String body() {
        return String.join("\n", paragraphs);
    }
}
