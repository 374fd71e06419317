package io.newsflow.ingest.decode;

import io.newsflow.model.IssueDateSource;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a page's issue date in its file name ({@code 2024-09-06}, {@code 20240906}, {@code 2024_09_06} anywhere in it).
 * Folder names, sidecar files and the modification date come with the ingest issue.
 */
public final class IssueDateResolver {
    // digits must not continue on either side, so a hash like 20240906123 is not read as a date
    private static final Pattern DATE = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})[-_]?(\\d{2})[-_]?(\\d{2})(?!\\d)");

    public record ResolvedDate(LocalDate date, IssueDateSource source) {
    }

    public Optional<ResolvedDate> resolve(Path file) {
        return dateIn(file.getFileName().toString()).map(date -> new ResolvedDate(date, IssueDateSource.FILENAME));
    }

    static Optional<LocalDate> dateIn(String name) {
        Matcher matcher = DATE.matcher(name);
        while (matcher.find()) {
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                        Integer.parseInt(matcher.group(3))));
            } catch (DateTimeException e) {
                // not a calendar date (20241399): look further
            }
        }
        return Optional.empty();
    }
}
