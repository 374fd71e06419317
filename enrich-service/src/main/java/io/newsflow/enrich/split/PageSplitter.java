package io.newsflow.enrich.split;

import io.newsflow.enrich.text.LineJoiner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts a page into articles: an article starts at a line beginning with {@code 本报讯} and ends at its byline
 * or where the next one starts. Text outside such spans (headline blocks, labels) is not body text.
 */
public final class PageSplitter {
    private static final String NEWS_OPENER = "本报讯";

    private final LineJoiner joiner = new LineJoiner();
    private final BylineParser bylines = new BylineParser();

    public List<ArticleText> split(String pageText) {
        List<String> lines = pageText.lines().toList();
        List<ArticleText> articles = new ArrayList<>();
        List<String> current = null;
        for (String line : lines) {
            if (line.strip().startsWith(NEWS_OPENER)) {
                close(current, List.of(), articles);
                current = new ArrayList<>();
            }
            if (current == null) {
                continue;
            }
            Optional<BylineParser.Byline> byline = bylines.parse(line);
            if (byline.isPresent()) {
                current.add(line.strip().substring(0, byline.get().start()));
                close(current, byline.get().reporters(), articles);
                current = null;
            } else {
                current.add(line);
            }
        }
        close(current, List.of(), articles);
        return articles;
    }

    private void close(List<String> lines, List<String> reporters, List<ArticleText> articles) {
        if (lines == null) {
            return;
        }
        List<String> paragraphs = joiner.paragraphs(lines);
        if (!paragraphs.isEmpty()) {
            articles.add(new ArticleText(paragraphs, reporters));
        }
    }
}
