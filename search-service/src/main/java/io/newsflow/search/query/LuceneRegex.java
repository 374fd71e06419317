package io.newsflow.search.query;

/**
 * Makes user text literal inside a Lucene regular expression (the syntax of a terms aggregation's
 * {@code include}). A backslash makes any following character literal, except letters such as {@code \d} and
 * {@code \w} that name character classes; so every character that is not a letter or a digit is escaped and
 * letters and digits, which are literal anyway, are not.
 */
public final class LuceneRegex {
    private LuceneRegex() {
    }

    public static String literal(String text) {
        StringBuilder regex = new StringBuilder(text.length() * 2);
        text.codePoints().forEach(c -> {
            if (!Character.isLetterOrDigit(c)) {
                regex.append('\\');
            }
            regex.appendCodePoint(c);
        });
        return regex.toString();
    }

    /** A regular expression matching every string that starts with {@code prefix}. */
    public static String startingWith(String prefix) {
        return literal(prefix) + ".*";
    }
}
