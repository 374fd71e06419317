package io.newsflow.enrich.pipeline;

/** Sentence boundaries of Chinese prose. */
final class Sentences {
    private static final String SENTENCE_END = "。！？!?";

    private Sentences() {
    }

    /** The first sentence of the text, with its closing punctuation; the whole first paragraph if none ends. */
    static String first(String text) {
        int newline = text.indexOf('\n');
        String paragraph = newline < 0 ? text : text.substring(0, newline);
        for (int i = 0; i < paragraph.length(); i++) {
            if (SENTENCE_END.indexOf(paragraph.charAt(i)) >= 0) {
                return paragraph.substring(0, i + 1);
            }
        }
        return paragraph;
    }
}
