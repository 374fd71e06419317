package io.newsflow.search.web;

import io.newsflow.search.api.DayCount;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bar chart of article counts over time, laid out for an inline SVG: one bar per day that has articles (days
 * without any left out, as the histograms answer them), or per month once there are too many days for bars a
 * reader can tell apart. Pure geometry; the template draws it, so every text in it is escaped there.
 *
 * @param title   what the chart shows, for its accessible name
 * @param width   the drawing's width in SVG units (it scales to the page)
 * @param height  the drawing's height
 * @param bars    the bars, oldest first
 * @param labels  the labels under the time axis (some of the bars')
 * @param max     the largest count (top of the value axis)
 * @param byMonth whether a bar is a month instead of a day
 */
public record DayChart(String title, int width, int height, List<Bar> bars, List<Label> labels, long max, boolean byMonth) {
    static final int WIDTH = 720;
    static final int HEIGHT = 220;
    static final int LEFT = 40;
    static final int RIGHT = 10;
    static final int TOP = 12;
    static final int BOTTOM = 46;
    /** More days than this and a bar is a month. */
    static final int MAX_DAY_BARS = 62;
    static final int MAX_LABELS = 8;

    /**
     * @param date  first day of the bar (the month's first day when by month)
     * @param label the date as shown
     * @param count articles
     */
    public record Bar(LocalDate date, String label, long count, double x, double y, double width, double height) {
    }

    public record Label(double x, String text) {
    }

    public boolean isEmpty() {
        return bars.isEmpty();
    }

    /** The value axis' baseline, in SVG units. */
    public int baseline() {
        return height - BOTTOM;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return width - RIGHT;
    }

    public int top() {
        return TOP;
    }

    /** Where the value axis' numbers end (right-aligned left of the axis). */
    public int valueLabelX() {
        return LEFT - 6;
    }

    public int maxLabelY() {
        return TOP + 8;
    }

    /** Baseline of the time axis' labels. */
    public int labelY() {
        return height - BOTTOM + 18;
    }

    /** A sentence saying what the chart shows, for screen readers. */
    public String summary() {
        if (bars.isEmpty()) {
            return title + "：没有数据";
        }
        long total = bars.stream().mapToLong(Bar::count).sum();
        return title + "：" + bars.getFirst().label() + " 至 " + bars.getLast().label() + "，共 " + total + " 篇，"
                + bars.size() + (byMonth ? " 个月" : " 天") + "，最多一" + (byMonth ? "月" : "天") + " " + max + " 篇";
    }

    public static DayChart of(String title, List<DayCount> days) {
        return of(title, days, WIDTH, HEIGHT, MAX_LABELS);
    }

    /** A narrow chart for a side column: fewer labels, so that they stay legible at its width. */
    public static DayChart compact(String title, List<DayCount> days) {
        return of(title, days, 360, 180, 3);
    }

    private static DayChart of(String title, List<DayCount> days, int chartWidth, int chartHeight, int maxLabels) {
        boolean byMonth = days.size() > MAX_DAY_BARS;
        List<DayCount> points = byMonth ? perMonth(days) : days;
        long max = points.stream().mapToLong(DayCount::count).max().orElse(0);
        int plotWidth = chartWidth - LEFT - RIGHT;
        int plotHeight = chartHeight - TOP - BOTTOM;
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        if (points.isEmpty()) {
            return new DayChart(title, chartWidth, chartHeight, bars, labels, 0, byMonth);
        }
        double slot = (double) plotWidth / points.size();
        double barWidth = Math.max(1, Math.min(48, slot * 0.8));
        int labelEvery = Math.max(1, (int) Math.ceil(points.size() / (double) maxLabels));
        for (int i = 0; i < points.size(); i++) {
            DayCount point = points.get(i);
            double h = max == 0 ? 0 : plotHeight * (double) point.count() / max;
            double x = LEFT + slot * i + (slot - barWidth) / 2;
            String label = byMonth ? YearMonth.from(point.date()).toString() : point.date().toString();
            bars.add(new Bar(point.date(), label, point.count(), round(x), round(TOP + plotHeight - h), round(barWidth), round(h)));
            if (i % labelEvery == 0) {
                labels.add(new Label(round(LEFT + slot * i + slot / 2), label));
            }
        }
        return new DayChart(title, chartWidth, chartHeight, bars, labels, max, byMonth);
    }

    private static List<DayCount> perMonth(List<DayCount> days) {
        Map<YearMonth, Long> months = new LinkedHashMap<>();
        for (DayCount day : days) {
            months.merge(YearMonth.from(day.date()), day.count(), Long::sum);
        }
        return months.entrySet().stream().map(e -> new DayCount(e.getKey().atDay(1), e.getValue())).toList();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
