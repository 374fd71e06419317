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
 * @param fileName     e.g. {@code 2023-12-21_p00042.txt}: the issue date the way ingest reads it from a name
 * @param issueDate    the issue date encoded in {@code fileName}
 * @param text         the page text, as a file would hold it
 * @param articleCount how many articles a reader sees on the page
 * @param headlines    the title line of each article, in article order
 */
public record GeneratedPage(String fileName, LocalDate issueDate, String text, int articleCount,
                            List<String> headlines) {

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
        return IntStream.rangeClosed(1, articleCount).mapToObj(ordinal -> Article.idOf(sha, ordinal)).toList();
    }
}
