package io.newsflow.search.query;

/**
 * The free text of a search as {@code simple_query_string} reads it. That parser never fails: it silently reads
 * an unclosed quote or parenthesis some way the user did not mean. We refuse those with a message instead, so
 * that a typo gets a 400 and not a surprising result.
 */
final class QueryText {
    private QueryText() {
    }

    /** Stripped text with Chinese (full-width and curly) double quotes turned into the {@code "} that marks a phrase. */
    static String normalized(String text) {
        if (text == null) {
            return "";
        }
        return text.replace('\u201C', '"').replace('\u201D', '"').replace('\uFF02', '"').strip();
    }

    /** Throws {@link InvalidQueryException} for an unclosed phrase or unbalanced parentheses. */
    static void checkSyntax(String text) {
        boolean inPhrase = false;
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++; // an escaped character is plain text
            } else if (c == '"') {
                inPhrase = !inPhrase;
            } else if (!inPhrase && c == '(') {
                depth++;
            } else if (!inPhrase && c == ')') {
                if (--depth < 0) {
                    throw new InvalidQueryException("q has a closing parenthesis without an opening one");
                }
            }
        }
        if (inPhrase) {
            throw new InvalidQueryException("q has an unclosed double quote; a phrase is written \"like this\"");
        }
        if (depth > 0) {
            throw new InvalidQueryException("q has an opening parenthesis without a closing one");
        }
    }
}
