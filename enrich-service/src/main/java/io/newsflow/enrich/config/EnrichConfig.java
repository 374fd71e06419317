package io.newsflow.enrich.config;

import io.newsflow.enrich.pipeline.EnrichmentPipeline;
import io.newsflow.enrich.pipeline.PageLimits;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Configuration of enrich-service; every property is listed in the README's configuration table. */
@ConfigMapping(prefix = "newsflow.enrich")
public interface EnrichConfig {

    /** Version stamped on every article ({@code pipelineVersion}); defaults to the code's own version. */
    @WithDefault(EnrichmentPipeline.VERSION)
    String pipelineVersion();

    /**
     * How long one attempt waits for Kafka to acknowledge a page's articles (or its dead letter). An attempt that
     * times out is retried, never dead-lettered, and marks Kafka unreachable (readiness down) until a send succeeds.
     */
    @WithDefault("30s")
    Duration sendTimeout();

    /** Pause before the first retry of a delivery Kafka did not acknowledge; it doubles for each further retry. */
    @WithDefault("1s")
    Duration retryBackoff();

    /** Longest pause between two attempts of a delivery, however long Kafka stays away. */
    @WithDefault("30s")
    Duration maxRetryBackoff();

    /**
     * The names dictionary ({@code word nature [frequency]} per line), the same file the index analyzer reads.
     * Unset: the copy of the repository's {@code config/names.txt} built into the service.
     */
    Optional<Path> namesFile();

    /**
     * Pages whose articles may be on their way to Kafka while the next pages are enriched (per process); their
     * articles must fit the channel's buffer of 4096.
     */
    @WithDefault("32")
    int maxPagesInFlight();

    /** How much work one page may cause; a page past a limit is a bad record and goes to the dead-letter topic. */
    Limits limits();

    /** The limits of {@link PageLimits}, each with its default there. */
    interface Limits {
        /** Characters of page text (a newspaper page has 3,000 to 20,000). */
        @WithDefault(PageLimits.DEFAULT_MAX_PAGE_CHARS)
        int maxPageChars();

        /** Articles one page may be cut into. */
        @WithDefault(PageLimits.DEFAULT_MAX_ARTICLES)
        int maxArticles();

        /** Characters of one article's body. */
        @WithDefault(PageLimits.DEFAULT_MAX_ARTICLE_CHARS)
        int maxArticleChars();

        /** Times one line of four or more characters may occur on a page. */
        @WithDefault(PageLimits.DEFAULT_MAX_LINE_REPEATS)
        int maxLineRepeats();

        /** Time to enrich one page. */
        @WithDefault(PageLimits.DEFAULT_MAX_TIME)
        Duration maxTime();

        default PageLimits toPageLimits() {
            return new PageLimits(maxPageChars(), maxArticles(), maxArticleChars(), maxLineRepeats(), maxTime());
        }
    }
}
