package io.newsflow.enrich.pipeline;

import java.time.Duration;

/**
 * How much work one page may cause. A newspaper page holds some 3,000 to 20,000 characters in a few dozen articles;
 * the limits leave room for ten times that and refuse what no page is (100,000 copies of one line, a whole book in
 * one file), which would otherwise hold a consumer for minutes or exhaust the heap and stall every page behind it.
 *
 * @param maxPageChars    characters of page text
 * @param maxArticles     articles the page is cut into
 * @param maxArticleChars characters of one article's body
 * @param maxLineRepeats  times one line (of at least {@link #REPEAT_MIN_CHARS} characters) may occur on the page
 * @param maxTime         time to enrich the page, checked between articles
 */
public record PageLimits(int maxPageChars, int maxArticles, int maxArticleChars, int maxLineRepeats, Duration maxTime) {
    /** Shorter lines (dashes, a lone character, a short label) repeat on real pages and are not counted. */
    public static final int REPEAT_MIN_CHARS = 4;

    // the defaults, as text for the service's configuration (newsflow.enrich.limits.*) to take them from here
    public static final String DEFAULT_MAX_PAGE_CHARS = "200000";
    public static final String DEFAULT_MAX_ARTICLES = "100";
    public static final String DEFAULT_MAX_ARTICLE_CHARS = "50000";
    public static final String DEFAULT_MAX_LINE_REPEATS = "20";
    public static final String DEFAULT_MAX_TIME = "20s";

    /** The defaults, as the service has them unless configured otherwise. */
    public static final PageLimits DEFAULT = new PageLimits(Integer.parseInt(DEFAULT_MAX_PAGE_CHARS),
            Integer.parseInt(DEFAULT_MAX_ARTICLES), Integer.parseInt(DEFAULT_MAX_ARTICLE_CHARS),
            Integer.parseInt(DEFAULT_MAX_LINE_REPEATS), Duration.parse("PT" + DEFAULT_MAX_TIME));

    public PageLimits {
        if (maxPageChars < 1 || maxArticles < 1 || maxArticleChars < 1 || maxLineRepeats < 1
                || maxTime.isNegative() || maxTime.isZero()) {
            throw new IllegalArgumentException("page limits must be positive: " + maxPageChars + " chars, " + maxArticles
                    + " articles, " + maxArticleChars + " chars an article, " + maxLineRepeats + " repeats, " + maxTime);
        }
    }
}
