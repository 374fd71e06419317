package io.newsflow.logging;

/**
 * User-controlled text (file names, upload names, messages quoting them) as it may appear in a log line: control
 * characters, line and paragraph separators, quotes and backslashes escaped ({@code \n}, {@code \u001b}, {@code \"}),
 * so a name cannot start a forged log line, colour the terminal or break a {@code key="value"} pair.
 */
public final class LogSafe {
    private LogSafe() {
    }

    public static String text(Object value) {
        String text = String.valueOf(value);
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case '\\' -> "\\\\";
                case '"' -> "\\\"";
                default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || isBidiControl(c)
                        ? "\\u%04x".formatted((int) c) : null;
            };
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (escaped != null) {
                if (replacement != null) {
                    escaped.append(replacement);
                } else {
                    escaped.append(c);
                }
            }
        }
        return escaped == null ? text : escaped.toString();
    }

    /** Characters that reorder the text shown after them (a "Trojan source" file name). */
    private static boolean isBidiControl(char c) {
        return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069' || c == '\u200E' || c == '\u200F';
    }
}
