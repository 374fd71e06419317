package io.newsflow.pagefiles;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.model.IssueDateSource;
import io.newsflow.model.NewsJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a page's issue date, first rule that answers wins: the file name ({@code 2024-09-06}, {@code 20240906},
 * {@code 2024_09_06} anywhere in it); a parent folder inside the inbox named that way (or nested
 * {@code 2024/09/06}); a sidecar {@code <name>.json} with {@code issueDate}; the file's modification date, unless
 * it is an unset clock (1970-01-01) or implausible, which gives no date at all.
 * <p>
 * Every stated date (name, folder, sidecar, given) is checked against the {@link IssueDateRange} where it enters
 * and refuses the page when it lies outside; a modification date outside it only gives no date. A sidecar that is
 * there is always read and checked, even when the name decides: it is the user's explicit statement, so a broken
 * one (empty, not JSON, no {@code issueDate}, too large, not a regular file) refuses the page with the reason
 * instead of being silently passed over for the modification date.
 */
public final class IssueDateResolver {
    // digits must not continue on either side, so a longer number is not read as a date
    private static final Pattern DATE = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})[-_]?(\\d{2})[-_]?(\\d{2})(?!\\d)");

    /** Sidecars carry a date and little else: anything larger is not one (and is never read whole). */
    public static final int MAX_SIDECAR_BYTES = 64 * 1024;

    /** A date and where it came from; both null when no rule gave one ({@link #NONE}). */
    public record ResolvedDate(LocalDate date, IssueDateSource source) {
        /** No rule gave a date: the modification time is unset or implausible, and nothing else tells. */
        public static final ResolvedDate NONE = new ResolvedDate(null, null);

        public boolean isPresent() {
            return date != null;
        }
    }

    /** Modification times before this are an unset clock: the Unix epoch's first day, in any time zone. */
    static final Instant UNSET_CLOCK_BEFORE = Instant.parse("1970-01-02T00:00:00Z");

    private final ZoneId zone;
    private final IssueDateRange range;

    /** With the default range, 1900-01-01 to one year after today. */
    public IssueDateResolver(ZoneId zone) {
        this(IssueDateRange.defaults(zone));
    }

    public IssueDateResolver(IssueDateRange range) {
        this.zone = range.zone();
        this.range = range;
    }

    public IssueDateRange range() {
        return range;
    }

    /**
     * @param relativePath the file's path relative to the inbox (its folders are the folder rule's input)
     * @param sidecar      the sidecar JSON file, if one came with the page
     * @param modified     the file's modification time
     * @return the date and its source, or {@link ResolvedDate#NONE} when only the modification time was left and it
     *         is no date (unset or implausible)
     * @throws NotTextException {@link NotTextException.Reason#SIDECAR} for a broken sidecar,
     *                          {@link NotTextException.Reason#ISSUE_DATE} for a name, folder or sidecar date
     *                          outside the range
     */
    public ResolvedDate resolve(Path relativePath, Optional<Path> sidecar, FileTime modified) throws NotTextException {
        Optional<LocalDate> fromSidecar = sidecar.isPresent() ? dateInSidecar(sidecar.get()) : Optional.empty();
        Optional<LocalDate> fromName = dateIn(relativePath.getFileName().toString());
        if (fromName.isPresent()) {
            return new ResolvedDate(range.check(fromName.get(), "the file name"), IssueDateSource.FILENAME);
        }
        Optional<LocalDate> fromFolder = dateInFolders(relativePath.getParent());
        if (fromFolder.isPresent()) {
            return new ResolvedDate(range.check(fromFolder.get(), "the folder name"), IssueDateSource.FOLDER);
        }
        if (fromSidecar.isPresent()) {
            return new ResolvedDate(fromSidecar.get(), IssueDateSource.SIDECAR);
        }
        return fromModificationTime(modified);
    }

    /**
     * The modification date, when it can be one: a time on the first day of 1970 or before is a clock that was never
     * set (a copy that lost its times, a device without a clock), and a date outside the plausible range is no
     * better; either gives no issue date rather than a wrong one, and the page is not refused for it, since
     * nobody stated that date.
     */
    private ResolvedDate fromModificationTime(FileTime modified) {
        if (modified.toInstant().isBefore(UNSET_CLOCK_BEFORE)) {
            return ResolvedDate.NONE;
        }
        LocalDate modifiedOn = modified.toInstant().atZone(zone).toLocalDate();
        return range.contains(modifiedOn) ? new ResolvedDate(modifiedOn, IssueDateSource.MTIME) : ResolvedDate.NONE;
    }

    /** A date given explicitly (an upload's parameter, a command-line option), checked against the range. */
    public ResolvedDate given(LocalDate date, String where) throws NotTextException {
        return new ResolvedDate(range.check(date, where), IssueDateSource.SIDECAR);
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
        // getFileName() is null for the root of an absolute path (bin/newsflow enrich /path/page.txt)
        for (Path folder = folders; folder != null && folder.getFileName() != null; folder = folder.getParent()) {
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

    /**
     * The sidecar's {@code issueDate}, checked; empty when the sidecar is a JSON object without one (it may carry
     * other notes, such as an upload's original name). Any flaw of the sidecar is a {@link NotTextException.Reason#SIDECAR}.
     */
    private Optional<LocalDate> dateInSidecar(Path sidecar) throws NotTextException {
        byte[] bytes;
        try {
            bytes = RegularFiles.read(sidecar, MAX_SIDECAR_BYTES);
        } catch (NotTextException e) {
            throw sidecarError(e.detectedType(), "the sidecar is refused: " + e.getMessage());
        } catch (IOException e) {
            throw sidecarError("unknown", "the sidecar cannot be read: " + e.getClass().getSimpleName());
        }
        String json = new String(bytes, StandardCharsets.UTF_8);
        if (json.isBlank()) {
            throw sidecarError("empty", "the sidecar is empty; it must be JSON like {\"issueDate\":\"2024-09-06\"}");
        }
        JsonNode issueDate;
        try {
            JsonNode root = NewsJson.mapper().readTree(json);
            if (root == null || !root.isObject()) {
                throw sidecarError("application/json", "the sidecar is no JSON object; it must be like {\"issueDate\":\"2024-09-06\"}");
            }
            issueDate = root.path("issueDate");
        } catch (IOException e) {
            throw sidecarError("text/plain", "the sidecar is not valid JSON; it must be like {\"issueDate\":\"2024-09-06\"}");
        }
        if (issueDate.isMissingNode()) {
            return Optional.empty();
        }
        if (!issueDate.isTextual()) {
            throw sidecarError("application/json", "the sidecar's issueDate must be text yyyy-MM-dd");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(issueDate.asText());
        } catch (DateTimeException e) {
            throw sidecarError("application/json", "the sidecar's issueDate must be yyyy-MM-dd, was '" + shortened(issueDate.asText()) + "'");
        }
        return Optional.of(range.check(date, "the sidecar"));
    }

    /** A user's text quoted in a message: at most 40 characters of it. */
    static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static NotTextException sidecarError(String detectedType, String message) {
        return new NotTextException(NotTextException.Reason.SIDECAR, detectedType, message);
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
