package io.newsflow.bench.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A generated corpus: distinct pages with known article counts, so results can be checked, not only timed. */
public record Corpus(List<GeneratedPage> pages) {

    public Corpus {
        pages = List.copyOf(pages);
    }

    public int size() {
        return pages.size();
    }

    public int totalArticles() {
        return pages.stream().mapToInt(GeneratedPage::articleCount).sum();
    }

    public long totalChars() {
        return pages.stream().mapToLong(page -> page.text().length()).sum();
    }

    /** Every article id the corpus must produce, in page order. */
    public Set<String> expectedArticleIds() {
        Set<String> ids = new LinkedHashSet<>();
        pages.forEach(page -> ids.addAll(page.articleIds()));
        return ids;
    }

    /**
     * Writes every page into {@code folder} under its file name and returns the written paths. For an inbox,
     * write into a staging folder on the same file system and move the files in, so no half-written file is seen.
     */
    public List<Path> writeTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>(pages.size());
        for (GeneratedPage page : pages) {
            written.add(Files.write(folder.resolve(page.fileName()), page.bytes()));
        }
        return written;
    }
}
