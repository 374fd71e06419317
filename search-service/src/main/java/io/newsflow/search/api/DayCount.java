package io.newsflow.search.api;

import java.time.LocalDate;

/** The number of matching articles whose event date is {@code date}. */
public record DayCount(LocalDate date, long count) {
}
