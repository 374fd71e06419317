package io.newsflow.bench.corpus;

import io.newsflow.enrich.entities.NamesDictionary;
import io.newsflow.enrich.pipeline.EnrichmentPipeline;
import io.newsflow.model.Article;
import io.newsflow.model.IssueDateSource;
import io.newsflow.model.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated corpus: deterministic, distinct, dated by file name, and split by the pipeline as intended. */
class CorpusGeneratorTest {
    private static final Path SAMPLES = Path.of(System.getProperty("newsflow.samples", "../samples"));
    private static final long SEED = 42;

    private static CorpusGenerator generator;
    /** As the service builds it (the bundled names dictionary does not change how pages are cut). */
    private static EnrichmentPipeline pipeline;

    @BeforeAll
    static void readSamples() throws IOException {
        generator = new CorpusGenerator(SAMPLES);
        pipeline = EnrichmentPipeline.load("bench-test", NamesDictionary.bundled());
    }

    @Test
    void sameSeedGivesTheSamePagesAndASmallerCorpusIsAPrefix() {
        List<GeneratedPage> pages = generator.generate(60, SEED);

        assertThat(generator.generate(60, SEED)).isEqualTo(pages);
        assertThat(generator.generate(20, SEED)).isEqualTo(pages.subList(0, 20));
        assertThat(generator.generate(20, SEED + 1)).isNotEqualTo(pages.subList(0, 20));
    }

    @Test
    void everyPageHasDistinctBytesAndTheIssueDateInItsFileName() {
        List<GeneratedPage> pages = generator.generate(1000, SEED);

        assertThat(pages).extracting(GeneratedPage::sha256).doesNotHaveDuplicates();
        assertThat(pages).extracting(GeneratedPage::fileName).doesNotHaveDuplicates();
        // the way ingest reads a date from a file name: yyyy-MM-dd with no digit continuing on either side
        Pattern date = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})[-_]?(\\d{2})[-_]?(\\d{2})(?!\\d)");
        assertThat(pages).allSatisfy(page -> {
            Matcher matcher = date.matcher(page.fileName());
            assertThat(matcher.find()).isTrue();
            assertThat(LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3)))).isEqualTo(page.issueDate());
            assertThat(page.articleCount()).isBetween(2, 5).isEqualTo(page.headlines().size());
            assertThat(page.articleIds()).hasSize(page.articleCount()).doesNotHaveDuplicates();
        });
    }

    @Test
    void pagesVaryInWidthPlacementAndKindOfPiece() {
        List<CorpusGenerator.Generated> pages = generator.generateWithShapes(300, SEED);

        assertThat(pages).extracting(generated -> generated.shape().placement())
                .contains(PageLayout.Placement.values());
        assertThat(pages).extracting(generated -> generated.shape().width())
                .contains(PageLayout.MIN_WIDTH, PageLayout.MAX_WIDTH)
                .allMatch(width -> width == 0 || width >= PageLayout.MIN_WIDTH && width <= PageLayout.MAX_WIDTH);
        assertThat(pages).anyMatch(generated -> generated.shape().longLines());
        assertThat(pages).anyMatch(generated -> generated.shape().commentary());
        assertThat(pages).anyMatch(generated -> generated.shape().label());
        assertThat(pages).anyMatch(generated -> generated.shape().kickers());
        assertThat(pages).anyMatch(generated -> generated.shape().subtitles());
        assertThat(pages).anyMatch(generated -> generated.shape().brokenByline());
        assertThat(pages).anyMatch(generated -> generated.shape().midSentenceBreak());
        assertThat(pages).anyMatch(generated -> generated.page().text().contains("】\n"));
        assertThat(pages).anyMatch(generated -> generated.page().text().contains("（\n"));
        assertThat(pages).anyMatch(generated -> generated.page().text().contains(")\n"));
        assertThat(pages).anyMatch(generated -> generated.page().text().contains("）\n"));
    }

    @Test
    void thePipelineSplitsEveryGeneratedPageIntoItsArticles() {
        Split split = split(generator.generateWithShapes(600, SEED));

        assertThat(split.missplit()).as("pages the pipeline split into a different number of articles").isEmpty();
        int misses = split.headlineMisses().values().stream().mapToInt(Integer::intValue).sum();
        System.getLogger(getClass().getName()).log(System.Logger.Level.INFO,
                "{0} pages checked; headline found for {1} of {2} articles; misses by placement {3}",
                split.checked(), split.articles() - misses, split.articles(), split.headlineMisses());
        assertThat(1 - misses / (double) split.articles()).as("share of articles with their own headline")
                .isGreaterThanOrEqualTo(0.95);
    }

    private record Split(List<String> missplit, int checked, int articles, Map<String, Integer> headlineMisses) {
    }

    private static Split split(List<CorpusGenerator.Generated> pages) {
        List<String> missplit = new ArrayList<>();
        Map<String, Integer> headlineMisses = new TreeMap<>();
        int articles = 0;
        for (CorpusGenerator.Generated generated : pages) {
            GeneratedPage page = generated.page();
            List<Article> split = pipeline.enrich(new Page(page.sha256(), page.fileName(), page.issueDate(),
                    IssueDateSource.FILENAME, "UTF-8", page.text(), page.bytes().length,
                    Instant.parse("2024-01-01T00:00:00Z")));
            if (split.size() != page.articleCount()) {
                missplit.add(page.fileName() + " " + generated.shape() + ": " + split.size() + " articles, expected "
                        + page.articleCount());
                continue;
            }
            assertThat(split).extracting(Article::id).containsExactlyElementsOf(page.articleIds());
            for (int i = 0; i < split.size(); i++) {
                articles++;
                Article article = split.get(i);
                if (!(article.headline() + String.join("", article.subheadlines())).contains(page.headlines().get(i))) {
                    headlineMisses.merge(generated.shape().placement().name(), 1, Integer::sum);
                }
            }
        }
        return new Split(missplit, pages.size(), articles, headlineMisses);
    }

    @Test
    void bylinesAndDatelinesAreThere() {
        GeneratedPage page = generator.generate(1, SEED).getFirst();

        assertThat(page.text()).contains("本报讯 ");
        assertThat(page.bytes()).isEqualTo(page.text().getBytes(StandardCharsets.UTF_8));
    }
}
