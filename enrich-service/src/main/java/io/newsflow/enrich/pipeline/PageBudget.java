package io.newsflow.enrich.pipeline;

import java.util.HashMap;
import java.util.Map;

/**
 * Holds one page to its {@link PageLimits}: checks made before the work starts (length, repeated lines), after the
 * page is cut (articles and their size) and while it is tagged (time). Each check throws
 * {@link PageRefusedException}. One budget a page; not thread-safe.
 */
final class PageBudget {
    private final PageLimits limits;
    private final long deadline;

    private PageBudget(PageLimits limits, long startedNanos) {
        this.limits = limits;
        this.deadline = startedNanos + limits.maxTime().toNanos();
    }

    /** Starts the clock for a page whose text passed the checks that need no cutting. */
    static PageBudget start(PageLimits limits, String pageText) {
        checkText(limits, pageText);
        return new PageBudget(limits, System.nanoTime());
    }

    static void checkText(PageLimits limits, String pageText) {
        if (pageText.length() > limits.maxPageChars()) {
            throw new PageRefusedException("page-too-long", "the page has " + pageText.length()
                    + " characters, more than the " + limits.maxPageChars() + " a page may have");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (String line : (Iterable<String>) pageText.lines()::iterator) {
            String text = line.strip();
            if (text.length() >= PageLimits.REPEAT_MIN_CHARS && seen.merge(text, 1, Integer::sum) > limits.maxLineRepeats()) {
                throw new PageRefusedException("repetitive-text", "one line occurs more than " + limits.maxLineRepeats()
                        + " times on the page: " + abbreviate(text));
            }
        }
    }

    void checkArticles(int articles) {
        if (articles > limits.maxArticles()) {
            throw new PageRefusedException("too-many-articles", "the page was cut into " + articles
                    + " articles, more than the " + limits.maxArticles() + " a page may have");
        }
    }

    void checkArticle(int ordinal, int chars) {
        if (chars > limits.maxArticleChars()) {
            throw new PageRefusedException("article-too-long", "article " + ordinal + " has " + chars
                    + " characters, more than the " + limits.maxArticleChars() + " an article may have");
        }
    }

    /** Fails once the page has taken longer than it may; called between articles. */
    void checkTime() {
        if (System.nanoTime() - deadline > 0) {
            throw new PageRefusedException("too-slow", "enriching the page took longer than "
                    + limits.maxTime().toMillis() + " ms");
        }
    }

    private static String abbreviate(String line) {
        return line.length() <= 40 ? line : line.substring(0, 40) + "…";
    }
}
