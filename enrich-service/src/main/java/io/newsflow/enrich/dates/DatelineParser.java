package io.newsflow.enrich.dates;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the event date from an article's dateline ({@code 本报讯 12月20日…}). The dateline has no year: it is the
 * issue's year, or the year before when that would put the event after the issue (a January page on December news).
 */
public final class DatelineParser {
    private static final Pattern DATELINE = Pattern.compile("^\\s*本报讯\\s*(\\d{1,2})月(\\d{1,2})日");

    public Optional<LocalDate> eventDate(String body, LocalDate issueDate) {
        if (issueDate == null) {
            return Optional.empty();
        }
        Matcher matcher = DATELINE.matcher(body);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return IssueYear.onOrBefore(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), issueDate);
    }
}
