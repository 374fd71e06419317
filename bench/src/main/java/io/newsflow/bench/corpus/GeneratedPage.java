package io.newsflow.bench.corpus;

import io.newsflow.model.Article;
import io.newsflow.pagefiles.PageFile;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One generated page and what the pipeline should make of it.
 *
 * @param fileName  e.g. {@code 2023-12-21_p00042.txt}: the issue date the way ingest reads it from a name
 * @param issueDate the issue date encoded in {@code fileName}
 * @param text      the page text, as a file would hold it
 * @param articles  the articles a reader sees on the page, in reading order, as the generator laid them out
 */
public record GeneratedPage(String fileName, LocalDate issueDate, String text, List<Expected> articles) {

    /**
     * One article as the generator put it on the page.
     *
     * @param paragraphs   its body paragraphs, dateline included, byline excluded
     * @param title        its headline's title line (a title set on two lines joined)
     * @param subheadlines its kicker and subtitle lines, in page order
     * @param reporters    the names of its byline (empty for a commentary)
     * @param eventDate    the date of its dateline ({@code null} for a commentary)
     */
    public record Expected(List<String> paragraphs, String title, List<String> subheadlines, List<String> reporters,
                           LocalDate eventDate) {
        public Expected {
            paragraphs = List.copyOf(paragraphs);
            subheadlines = List.copyOf(subheadlines);
            reporters = List.copyOf(reporters);
        }

        /** The body as the pipeline joins it: paragraphs separated by a line break. */
        public String body() {
            return String.join("\n", paragraphs);
        }
    }

    public GeneratedPage {
        articles = List.copyOf(articles);
    }

    /** How many articles a reader sees on the page. */
    public int articleCount() {
        return articles.size();
    }

    /** The title of each article, in article order. */
    public List<String> headlines() {
        return articles.stream().map(Expected::title).toList();
    }

    /** The file's bytes (UTF-8), exactly what a benchmark drops into the inbox. */
    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Hex sha256 of {@link #bytes()}: the page's key on {@code news.pages}. */
    public String sha256() {
        return PageFile.sha256(bytes());
    }

    /** The ids the page's articles get ({@code <sha256 first 16 hex>-<ordinal>}, ordinals from 1). */
    public List<String> articleIds() {
        String sha = sha256();
        return IntStream.rangeClosed(1, articleCount()).mapToObj(ordinal -> Article.idOf(sha, ordinal)).toList();
    }
}
