package io.newsflow.enrich.ner;

import java.util.List;

/** One sentence of a BIO corpus: its characters and one tag per character. */
public record TaggedSentence(String text, List<String> tags) {
    public TaggedSentence {
        tags = List.copyOf(tags);
        if (text.length() != tags.size()) {
            throw new IllegalArgumentException("sentence has " + text.length() + " chars but " + tags.size() + " tags");
        }
    }
}
