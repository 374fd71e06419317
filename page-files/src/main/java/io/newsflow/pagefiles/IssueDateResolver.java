package io.newsflow.pagefiles;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.model.IssueDateSource;
import io.newsflow.model.NewsJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a page's issue date, first rule that answers wins: the file name ({@code 2024-09-06}, {@code 20240906},
 * {@code 2024_09_06} anywhere in it); a parent folder inside the inbox named that way (or nested
 * {@code 2024/09/06}); a sidecar {@code <name>.json} with {@code issueDate}; the file's modification date.
 */
public final class IssueDateResolver {
    // digits must not continue on either side, so a longer number is not read as a date
    private static final Pattern DATE = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})[-_]?(\\d{2})[-_]?(\\d{2})(?!\\d)");

    public record ResolvedDate(LocalDate date, IssueDateSource source) {
    }

    private final ZoneId zone;

    public IssueDateResolver(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * @param relativePath the file's path relative to the inbox (its folders are the folder rule's input)
     * @param sidecar      the sidecar JSON file, if one came with the page
     * @param modified     the file's modification time
     */
    public ResolvedDate resolve(Path relativePath, Optional<Path> sidecar, FileTime modified) {
        Optional<LocalDate> fromName = dateIn(relativePath.getFileName().toString());
        if (fromName.isPresent()) {
            return new ResolvedDate(fromName.get(), IssueDateSource.FILENAME);
        }
        Optional<LocalDate> fromFolder = dateInFolders(relativePath.getParent());
        if (fromFolder.isPresent()) {
            return new ResolvedDate(fromFolder.get(), IssueDateSource.FOLDER);
        }
        Optional<LocalDate> fromSidecar = sidecar.flatMap(IssueDateResolver::dateInSidecar);
        if (fromSidecar.isPresent()) {
            return new ResolvedDate(fromSidecar.get(), IssueDateSource.SIDECAR);
        }
        return new ResolvedDate(modified.toInstant().atZone(zone).toLocalDate(), IssueDateSource.MTIME);
    }

    static Optional<LocalDate> dateIn(String name) {
        Matcher matcher = DATE.matcher(name);
        while (matcher.find()) {
            Optional<LocalDate> date = date(matcher.group(1), matcher.group(2), matcher.group(3));
            if (date.isPresent()) {
                return date;
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> dateInFolders(Path folders) {
        for (Path folder = folders; folder != null; folder = folder.getParent()) {
            Optional<LocalDate> date = dateIn(folder.getFileName().toString());
            if (date.isPresent()) {
                return date;
            }
            // yyyy/MM/dd as three nested folders
            if (folder.getNameCount() >= 3) {
                Path days = folder.subpath(folder.getNameCount() - 3, folder.getNameCount());
                if (days.getName(0).toString().matches("(19|20)\\d{2}") && days.getName(1).toString().matches("\\d{2}")
                        && days.getName(2).toString().matches("\\d{2}")) {
                    Optional<LocalDate> nested = date(days.getName(0).toString(), days.getName(1).toString(), days.getName(2).toString());
                    if (nested.isPresent()) {
                        return nested;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> dateInSidecar(Path sidecar) {
        try {
            JsonNode issueDate = NewsJson.mapper().readTree(Files.readString(sidecar)).path("issueDate");
            return issueDate.isTextual() ? Optional.of(LocalDate.parse(issueDate.asText())) : Optional.empty();
        } catch (IOException | DateTimeException e) {
            return Optional.empty(); // an unreadable sidecar does not stop the page: the next rule answers
        }
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
