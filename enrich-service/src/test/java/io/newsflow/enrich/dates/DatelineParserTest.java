package io.newsflow.enrich.dates;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DatelineParserTest {
    private final DatelineParser parser = new DatelineParser();

    @Test
    void takesTheYearFromTheIssueDate() {
        assertThat(parser.eventDate("本报讯 12月20日下午，连云港", LocalDate.of(2023, 12, 21)))
                .contains(LocalDate.of(2023, 12, 20));
    }

    @Test
    void datelineAfterTheIssueDateBelongsToThePreviousYear() {
        assertThat(parser.eventDate("本报讯 12月31日，", LocalDate.of(2024, 1, 2)))
                .contains(LocalDate.of(2023, 12, 31));
    }

    @Test
    void noDateWithoutDatelineOrIssueDate() {
        assertThat(parser.eventDate("会议指出，", LocalDate.of(2024, 1, 2))).isEmpty();
        assertThat(parser.eventDate("本报讯 12月31日，", null)).isEmpty();
        assertThat(parser.eventDate("本报讯 2月30日，", LocalDate.of(2024, 3, 2))).isEmpty();
    }

    @Test
    void leapDayIsKeptOnlyInALeapYear() {
        assertThat(parser.eventDate("本报讯 2月29日，", LocalDate.of(2024, 3, 1))).contains(LocalDate.of(2024, 2, 29));
        assertThat(parser.eventDate("本报讯 2月29日，", LocalDate.of(2023, 3, 1))).isEmpty();
    }
}
