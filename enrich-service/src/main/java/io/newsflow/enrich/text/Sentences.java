package io.newsflow.enrich.text;

/**
 * Sentence boundaries of Chinese prose: the one rule that re-joining lines, cutting a page into blocks and taking
 * an article's lead all use.
 */
public final class Sentences {
    /** Punctuation that ends a sentence. */
    public static final String END = "。！？!?";
    /** Closing quotes end a sentence only right after a sentence end ({@code …。”}), not after a quoted word. */
    private static final String CLOSING_QUOTES = "”』」\"'";

    private Sentences() {
    }

    /** Whether the text ends a sentence, closing quotes after the sentence end included. */
    public static boolean endsSentence(CharSequence text) {
        int end = text.length() - 1;
        while (end >= 0 && CLOSING_QUOTES.indexOf(text.charAt(end)) >= 0) {
            end--;
        }
        return end >= 0 && END.indexOf(text.charAt(end)) >= 0;
    }

    /** The first sentence of the text, with its closing punctuation; the whole first paragraph if none ends. */
    public static String first(String text) {
        int newline = text.indexOf('\n');
        String paragraph = newline < 0 ? text : text.substring(0, newline);
        for (int i = 0; i < paragraph.length(); i++) {
            if (END.indexOf(paragraph.charAt(i)) >= 0) {
                return paragraph.substring(0, i + 1);
            }
        }
        return paragraph;
    }
}
