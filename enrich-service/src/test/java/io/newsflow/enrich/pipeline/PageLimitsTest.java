package io.newsflow.enrich.pipeline;

import io.newsflow.enrich.entities.NamesDictionary;
import io.newsflow.enrich.ner.PerceptronTagger;
import io.newsflow.model.Article;
import io.newsflow.model.IssueDateSource;
import io.newsflow.model.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A page past a limit is refused with its reason, quickly; a page within them is enriched as before. */
class PageLimitsTest {
    private static final Path SAMPLES = Path.of(System.getProperty("newsflow.samples", "../samples"));
    private static PerceptronTagger tagger;

    @BeforeAll
    static void loadTagger() throws Exception {
        try (InputStream model = EnrichmentPipeline.class.getResourceAsStream(EnrichmentPipeline.MODEL)) {
            tagger = PerceptronTagger.load(model, EnrichmentPipeline.MODEL);
        }
    }

    @Test
    void aPageOfOneLineRepeatedAHundredThousandTimesIsRefusedAtOnceAsTooLong() {
        // the probe's page: 3.2 MB, inside ingest's 5 MB limit, that made the service run out of memory
        String page = "本报讯 今天市里召开了全体干部大会。\n".repeat(100_000);

        long started = System.nanoTime();
        assertThatThrownBy(() -> pipeline(PageLimits.DEFAULT).enrich(page(page)))
                .isInstanceOfSatisfying(PageRefusedException.class, e -> assertThat(e.reason()).isEqualTo("page-too-long"))
                .hasMessageContaining("1900000 characters");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aLineRepeatedMoreOftenThanAllowedRefusesThePageAsRepetitive() {
        String page = "本报讯 今天市里召开了全体干部大会。\n".repeat(PageLimits.DEFAULT.maxLineRepeats() + 1);

        assertThatThrownBy(() -> pipeline(PageLimits.DEFAULT).enrich(page(page)))
                .isInstanceOfSatisfying(PageRefusedException.class, e -> assertThat(e.reason()).isEqualTo("repetitive-text"))
                .hasMessageContaining("今天市里召开了全体干部大会");
    }

    @Test
    void shortLinesMayRepeatAsOnRealPages() {
        String page = newsArticles(3) + "\n——\n".repeat(50);

        assertThat(pipeline(PageLimits.DEFAULT).enrich(page(page))).hasSize(3);
    }

    @Test
    void aPageCutIntoMoreArticlesThanAllowedIsRefusedAndOneWithExactlyThatManyIsEnriched() {
        PageLimits fiveArticles = new PageLimits(200_000, 5, 50_000, 20, Duration.ofSeconds(20));

        assertThat(pipeline(fiveArticles).enrich(page(newsArticles(5)))).hasSize(5);
        assertThatThrownBy(() -> pipeline(fiveArticles).enrich(page(newsArticles(6))))
                .isInstanceOfSatisfying(PageRefusedException.class, e -> assertThat(e.reason()).isEqualTo("too-many-articles"))
                .hasMessageContaining("6 articles");
    }

    @Test
    void anArticleLongerThanAllowedRefusesItsPage() {
        PageLimits shortArticles = new PageLimits(200_000, 100, 500, 20, Duration.ofSeconds(20));
        String longArticle = "本报讯 " + IntStream.range(0, 60).mapToObj(i -> "第" + i + "位代表在会上发言，介绍了本地的经验。")
                .collect(Collectors.joining());

        assertThatThrownBy(() -> pipeline(shortArticles).enrich(page(newsArticles(2) + "\n" + longArticle + "\n")))
                .isInstanceOfSatisfying(PageRefusedException.class, e -> assertThat(e.reason()).isEqualTo("article-too-long"))
                .hasMessageContaining("article 3");
    }

    @Test
    void aPageThatTakesLongerThanAllowedIsRefused() throws Exception {
        PageLimits noTime = new PageLimits(200_000, 100, 50_000, 20, Duration.ofNanos(1));
        Page sample = page(Files.readString(SAMPLES.resolve("000_d79d82bd7f5a9708.txt")));

        assertThatThrownBy(() -> pipeline(noTime).enrich(sample))
                .isInstanceOfSatisfying(PageRefusedException.class, e -> assertThat(e.reason()).isEqualTo("too-slow"));
        assertThat(pipeline(PageLimits.DEFAULT).enrich(sample)).hasSizeGreaterThan(1);
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new PageLimits(0, 1, 1, 1, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PageLimits(1, 1, 1, 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    /** {@code count} news articles, each opened by 本报讯 and closed by a byline, all different. */
    private static String newsArticles(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> "本报讯 第" + i + "次会议今天在市政府召开，与会代表讨论了城市建设的规划。\n（记者 王" + "一二三四五六七八九十".charAt(i % 10) + "明）\n")
                .collect(Collectors.joining("\n"));
    }

    private static EnrichmentPipeline pipeline(PageLimits limits) {
        return new EnrichmentPipeline("test", tagger, NamesDictionary.empty(), limits);
    }

    private static Page page(String text) {
        return new Page("ab".repeat(32), "limits.txt", LocalDate.of(2024, 3, 1), IssueDateSource.FILENAME, "UTF-8", text,
                text.length() * 3L, Instant.parse("2024-03-01T08:00:00Z"));
    }
}
