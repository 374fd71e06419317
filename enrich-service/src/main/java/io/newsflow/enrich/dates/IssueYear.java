package io.newsflow.enrich.dates;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

/**
 * The year rule for dates a newspaper writes without one ({@code 12月20日}): they fall in the issue's year, or in
 * the year before when that would put them after the issue (a January page on December news).
 */
final class IssueYear {
    private IssueYear() {
    }

    /** The date of that month and day on or before the issue date; empty when it is no date (2月30日, 2月29日 in a common year). */
    static Optional<LocalDate> onOrBefore(int month, int day, LocalDate issueDate) {
        MonthDay monthDay;
        try {
            monthDay = MonthDay.of(month, day);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        int year = monthDay.isAfter(MonthDay.from(issueDate)) ? issueDate.getYear() - 1 : issueDate.getYear();
        return monthDay.isValidYear(year) ? Optional.of(monthDay.atYear(year)) : Optional.empty();
    }
}
