package io.newsflow.pagefiles;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

/**
 * The issue dates a page may plausibly have: from {@code earliest} to {@code ahead} after today (in {@code zone}).
 * A date outside it (year 0, year 999999999, a typo far in the future) is refused where it enters, because
 * downstream stores cannot hold every {@link LocalDate}.
 */
public record IssueDateRange(LocalDate earliest, Period ahead, ZoneId zone, Clock clock) {
    public static final LocalDate DEFAULT_EARLIEST = LocalDate.of(1900, 1, 1);
    public static final Period DEFAULT_AHEAD = Period.ofYears(1);

    /** 1900-01-01 to one year after today. */
    public static IssueDateRange defaults(ZoneId zone) {
        return new IssueDateRange(DEFAULT_EARLIEST, DEFAULT_AHEAD, zone, Clock.systemUTC());
    }

    public LocalDate latest() {
        return LocalDate.now(clock.withZone(zone)).plus(ahead);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(earliest) && !date.isAfter(latest());
    }

    /**
     * @param where what gave the date, for the message ({@code "the sidecar"}, {@code "the file name"})
     * @throws NotTextException {@link NotTextException.Reason#ISSUE_DATE} when the date is outside the range
     */
    public LocalDate check(LocalDate date, String where) throws NotTextException {
        if (!contains(date)) {
            throw new NotTextException(NotTextException.Reason.ISSUE_DATE, "issue date",
                    "the issue date %s from %s is outside the plausible range %s to %s".formatted(date, where, earliest, latest()));
        }
        return date;
    }
}
