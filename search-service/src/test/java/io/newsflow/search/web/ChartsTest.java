package io.newsflow.search.web;

import io.newsflow.search.api.DayCount;
import io.newsflow.search.api.FacetValue;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChartsTest {

    @Test
    void drawsOneBarPerDayScaledToTheLargestCount() {
        DayChart chart = DayChart.of("每日文章数", List.of(new DayCount(LocalDate.of(2023, 12, 19), 1),
                new DayCount(LocalDate.of(2023, 12, 20), 2)));

        assertThat(chart.bars()).extracting(DayChart.Bar::label).containsExactly("2023-12-19", "2023-12-20");
        assertThat(chart.max()).isEqualTo(2);
        DayChart.Bar tallest = chart.bars().get(1);
        assertThat(tallest.y()).isEqualTo(chart.top());
        assertThat(tallest.y() + tallest.height()).isEqualTo(chart.baseline());
        assertThat(chart.bars().get(0).height()).isEqualTo(tallest.height() / 2);
        assertThat(chart.bars().get(0).x() + chart.bars().get(0).width()).isLessThan(tallest.x());
        assertThat(chart.summary()).isEqualTo("每日文章数：2023-12-19 至 2023-12-20，共 3 篇，2 天，最多一天 2 篇");
    }

    @Test
    void groupsManyDaysIntoMonthsAndLabelsOnlySomeBars() {
        List<DayCount> days = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            days.add(new DayCount(LocalDate.of(2024, 1, 1).plusDays(i), 1));
        }
        DayChart chart = DayChart.of("每日文章数", days);

        assertThat(chart.byMonth()).isTrue();
        assertThat(chart.bars()).extracting(DayChart.Bar::label).containsExactly("2024-01", "2024-02", "2024-03", "2024-04");
        assertThat(chart.bars()).extracting(DayChart.Bar::count).containsExactly(31L, 29L, 31L, 9L);
        assertThat(chart.bars()).allSatisfy(bar -> assertThat(bar.x() + bar.width()).isLessThanOrEqualTo(chart.right()));
        assertThat(DayChart.compact("每日文章数", days.subList(0, 30)).labels()).hasSizeLessThanOrEqualTo(3);
        assertThat(DayChart.of("空", List.of()).isEmpty()).isTrue();
    }

    @Test
    void ranksValuesAsBarsWithTheirLinksAndCutsLongLabels() {
        RankChart chart = RankChart.of("人物", List.of(new FacetValue("杜小刚", 8), new FacetValue("连云港经济技术开发区管委会", 2)),
                name -> name, name -> "/entities/person/" + name);

        assertThat(chart.rows()).extracting(RankChart.Row::url).containsExactly("/entities/person/杜小刚", "/entities/person/连云港经济技术开发区管委会");
        assertThat(chart.rows().get(1).barWidth()).isEqualTo(chart.rows().get(0).barWidth() / 4);
        assertThat(chart.rows().get(1).shortLabel()).isEqualTo("连云港经济技术…").hasSize(RankChart.MAX_LABEL);
        assertThat(chart.rows().get(0).countX() + RankChart.COUNT_WIDTH).isLessThanOrEqualTo(chart.width() + 6);
    }
}
