package io.newsflow.enrich.dates;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DateMentionsTest {
    private static final LocalDate ISSUE = LocalDate.of(2023, 12, 21);
    private final DateMentions mentions = new DateMentions();

    @Test
    void readsEveryWrittenFormOfAFullDate() {
        String body = "项目于2023年3月1日签约，2023-04-02开工，2023.5.3封顶，2023/06/04竣工，二〇二三年七月五日投产。";

        assertThat(mentions.dates(body, ISSUE)).containsExactly(
                LocalDate.of(2023, 3, 1), LocalDate.of(2023, 4, 2), LocalDate.of(2023, 5, 3),
                LocalDate.of(2023, 6, 4), LocalDate.of(2023, 7, 5));
    }

    @Test
    void monthAndDayTakeTheIssueYearOrTheYearBefore() {
        String body = "12月30日召开动员会，1月3日正式启动。";

        assertThat(mentions.dates(body, LocalDate.of(2024, 1, 5)))
                .containsExactly(LocalDate.of(2023, 12, 30), LocalDate.of(2024, 1, 3));
    }

    @Test
    void givesBothEndsOfARange() {
        assertThat(mentions.dates("展会于12月15日至17日举行。", ISSUE))
                .containsExactly(LocalDate.of(2023, 12, 15), LocalDate.of(2023, 12, 17));
        assertThat(mentions.dates("培训班12月4—6日在北京举办。", ISSUE))
                .containsExactly(LocalDate.of(2023, 12, 4), LocalDate.of(2023, 12, 6));
        assertThat(mentions.dates("11月调研期间，8日—9日走访企业。", ISSUE))
                .containsExactly(LocalDate.of(2023, 11, 8), LocalDate.of(2023, 11, 9));
    }

    @Test
    void bareDayNeedsAMonthEarlierInTheSameSentence() {
        assertThat(mentions.dates("大会12月18日开幕，20日闭幕。", ISSUE))
                .containsExactly(LocalDate.of(2023, 12, 18), LocalDate.of(2023, 12, 20));
        assertThat(mentions.dates("大会12月18日开幕。20日闭幕。", ISSUE))
                .containsExactly(LocalDate.of(2023, 12, 18));
        assertThat(mentions.dates("20日，市领导走访慰问困难群众。", ISSUE)).isEmpty();
    }

    @Test
    void durationsAndHouseNumbersAreNoDates() {
        assertThat(mentions.dates("12月1日起，申请须在30日内办结。", ISSUE))
                .containsExactly(LocalDate.of(2023, 12, 1));
        assertThat(mentions.dates("12月1日起，人民路20号门店开业。", ISSUE))
                .containsExactly(LocalDate.of(2023, 12, 1));
        assertThat(mentions.dates("12月20号开业。", ISSUE)).containsExactly(LocalDate.of(2023, 12, 20));
        assertThat(mentions.dates("坚持一日三餐，每周运动三次。", ISSUE)).isEmpty();
    }

    @Test
    void ignoresDatesThatDoNotExist() {
        assertThat(mentions.dates("2月30日，2023年2月29日，2024年2月29日。", ISSUE))
                .containsExactly(LocalDate.of(2024, 2, 29));
    }

    @Test
    void withoutIssueDateKeepsOnlyDatesWithAWrittenYear() {
        String body = "2024年1月1日至6月30日开展专项行动。12月20日召开总结会。";

        assertThat(mentions.dates(body, null)).containsExactly(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30));
    }

    @Test
    void returnsDistinctDatesInOrder() {
        String body = "12月20日上午召开会议。\n会后，12月19日的调研成果和2023年12月20日的会议精神一并印发。";

        assertThat(mentions.dates(body, ISSUE))
                .containsExactly(LocalDate.of(2023, 12, 19), LocalDate.of(2023, 12, 20));
    }

    @Test
    void readsFullWidthDigits() {
        assertThat(mentions.dates("１２月２０日，２０２３年１１月５日。", ISSUE))
                .containsExactly(LocalDate.of(2023, 11, 5), LocalDate.of(2023, 12, 20));
    }

    @Test
    void emptyBodyHasNoDates() {
        assertThat(mentions.dates("", ISSUE)).isEmpty();
    }
}
