package io.newsflow.search.web;

import io.newsflow.search.api.FacetValue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A horizontal bar chart of the most frequent values (names, categories), each bar a link, laid out for an inline
 * SVG; the template draws it and escapes every text.
 *
 * @param title  what the chart shows, for its accessible name
 * @param width  the drawing's width in SVG units
 * @param height the drawing's height
 * @param rows   the values, most frequent first
 */
public record RankChart(String title, int width, int height, List<Row> rows) {
    static final int WIDTH = 360;
    static final int ROW = 26;
    static final int LABEL_WIDTH = 120;
    static final int COUNT_WIDTH = 40;
    /** Characters of a label that fit left of the bars at the chart's font size. */
    static final int MAX_LABEL = 8;

    /** One value: its label at the left, its bar from {@link #LABEL_WIDTH}, its count after the bar. */
    public record Row(String label, long count, String url, double y, double barWidth, double textY, double countX) {
        /** The label as drawn: long names are cut, the whole name is in the row's tooltip. */
        public String shortLabel() {
            return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1) + "…";
        }
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public int barX() {
        return LABEL_WIDTH;
    }

    public int labelX() {
        return LABEL_WIDTH - 8;
    }

    public String summary() {
        if (rows.isEmpty()) {
            return title + "：没有数据";
        }
        StringBuilder text = new StringBuilder(title).append("：");
        for (int i = 0; i < rows.size(); i++) {
            text.append(i == 0 ? "" : "，").append(rows.get(i).label()).append(" ").append(rows.get(i).count());
        }
        return text.toString();
    }

    /**
     * @param label how a value is shown (a category id as its name)
     * @param url   where a value's bar leads
     */
    public static RankChart of(String title, List<FacetValue> values, Function<String, String> label, Function<String, String> url) {
        long max = values.stream().mapToLong(FacetValue::count).max().orElse(0);
        double room = WIDTH - LABEL_WIDTH - COUNT_WIDTH;
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            FacetValue value = values.get(i);
            double barWidth = max == 0 ? 0 : Math.max(2, room * value.count() / max);
            double y = i * ROW + 4;
            rows.add(new Row(label.apply(value.value()), value.count(), url.apply(value.value()), y,
                    Math.round(barWidth * 10) / 10.0, y + 14, LABEL_WIDTH + Math.round(barWidth * 10) / 10.0 + 6));
        }
        return new RankChart(title, WIDTH, Math.max(ROW, values.size() * ROW + 8), rows);
    }
}
