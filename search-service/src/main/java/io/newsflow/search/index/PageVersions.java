package io.newsflow.search.index;

import io.newsflow.model.Article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which version of a page the index keeps. A page is one file name on one issue date ({@link PageKey}); its content
 * may change (a corrected page dropped again under the same name), and each content is a version, told apart by
 * {@code pageSha256} and ordered by {@code enrichedAt} (when ingest received it). The newest version's articles
 * replace the older ones': articles of an older version are not written, and those already in the index are removed.
 * A page without issue date or file name has no identity beyond its content and is never replaced. Plain logic; the
 * index is asked by {@link BulkIndexer}.
 */
final class PageVersions {
    private PageVersions() {
    }

    /** One page of one issue. */
    record PageKey(String sourceFile, LocalDate issueDate) {
        /** The page an article belongs to, if it has an identity beyond its content. */
        static Optional<PageKey> of(Article article) {
            if (article.sourceFile() == null || article.issueDate() == null || article.enrichedAt() == null) {
                return Optional.empty();
            }
            return Optional.of(new PageKey(article.sourceFile(), article.issueDate()));
        }
    }

    /** One content of a page, as the index holds it. */
    record Version(String pageSha256, Instant enrichedAt) {
    }

    /**
     * @param write      the articles to write: those of the newest version of their page, and of pages without identity
     * @param superseded articles of a version older than one the index or the batch already has: not written
     * @param older      per page, the versions in the index older than the newest: their articles are removed
     */
    record Plan(List<Article> write, List<Article> superseded, Map<PageKey, Set<String>> older) {
    }

    /** The pages of these articles that have an identity. */
    static Set<PageKey> keys(List<Article> articles) {
        Set<PageKey> keys = new LinkedHashSet<>();
        articles.forEach(article -> PageKey.of(article).ifPresent(keys::add));
        return keys;
    }

    /**
     * @param batch   articles about to be written
     * @param indexed the versions the index holds of the batch's pages
     */
    static Plan plan(List<Article> batch, Map<PageKey, List<Version>> indexed) {
        Map<PageKey, Version> newest = new HashMap<>();
        indexed.forEach((key, versions) -> versions.forEach(version -> newest.merge(key, version, PageVersions::newer)));
        for (Article article : batch) {
            PageKey.of(article).ifPresent(key -> newest.merge(key, new Version(article.pageSha256(), article.enrichedAt()),
                    PageVersions::newer));
        }
        List<Article> write = new ArrayList<>();
        List<Article> superseded = new ArrayList<>();
        for (Article article : batch) {
            Optional<PageKey> key = PageKey.of(article);
            if (key.isPresent() && isOlder(article.pageSha256(), article.enrichedAt(), newest.get(key.get()))) {
                superseded.add(article);
            } else {
                write.add(article);
            }
        }
        Map<PageKey, Set<String>> older = new LinkedHashMap<>();
        indexed.forEach((key, versions) -> versions.stream()
                .filter(version -> isOlder(version.pageSha256(), version.enrichedAt(), newest.get(key)))
                .sorted(Comparator.comparing(Version::pageSha256))
                .forEach(version -> older.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(version.pageSha256())));
        return new Plan(write, superseded, older);
    }

    /** Another content received strictly earlier. Two contents received at the same instant are both kept. */
    private static boolean isOlder(String sha256, Instant enrichedAt, Version newest) {
        return !sha256.equals(newest.pageSha256()) && enrichedAt.isBefore(newest.enrichedAt());
    }

    private static Version newer(Version a, Version b) {
        return b.enrichedAt().isAfter(a.enrichedAt()) ? b : a;
    }
}
