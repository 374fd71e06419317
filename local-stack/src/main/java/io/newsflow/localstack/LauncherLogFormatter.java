package io.newsflow.localstack;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * The launcher's log lines as plain messages, one per line, with the exception's message after them. Numbers are
 * written as they are: JUL's own formatting groups digits ({@code 127.0.0.1:9,092}, {@code pid 14,113}).
 */
final class LauncherLogFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(message(record));
        if (record.getThrown() != null) {
            line.append(": ").append(record.getThrown());
        }
        return line.append(System.lineSeparator()).toString();
    }

    static String message(LogRecord record) {
        String pattern = record.getMessage();
        Object[] parameters = record.getParameters();
        if (pattern == null || parameters == null || parameters.length == 0) {
            return String.valueOf(pattern);
        }
        Object[] plain = Arrays.stream(parameters).map(p -> p instanceof Number ? p.toString() : p).toArray();
        return new MessageFormat(pattern, Locale.ROOT).format(plain);
    }
}
