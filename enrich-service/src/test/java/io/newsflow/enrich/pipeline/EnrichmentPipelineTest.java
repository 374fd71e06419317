package io.newsflow.enrich.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.enrich.category.Category;
import io.newsflow.enrich.entities.NamesDictionary;
import io.newsflow.model.Article;
import io.newsflow.model.IssueDateSource;
import io.newsflow.model.NewsJson;
import io.newsflow.model.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The pipeline against the expectations of {@code samples/manifest.json}, for every sample page. */
class EnrichmentPipelineTest {
    private static final Path SAMPLES = Path.of(System.getProperty("newsflow.samples", "../samples"));

    /** Without the names dictionary: the samples' people must be found by the tagger and the page context alone. */
    private static final EnrichmentPipeline pipeline = EnrichmentPipeline.load("test", NamesDictionary.empty());

    static Stream<String> samples() throws IOException {
        List<String> names = new ArrayList<>();
        manifest().path("files").fieldNames().forEachRemaining(names::add);
        return names.stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void splitsTheSamplePageIntoTheArticlesAReaderSees(String sample) throws Exception {
        JsonNode expected = manifest().path("files").path(sample);
        Page page = page(sample, LocalDate.parse(expected.path("issueDate").asText()));

        List<Article> articles = pipeline.enrich(page);

        assertThat(articles).hasSize(expected.path("articles").size());
        List<String> headlineLines = articles.stream()
                .flatMap(article -> Stream.concat(Stream.of(article.headline()), article.subheadlines().stream()))
                .toList();
        for (int i = 0; i < articles.size(); i++) {
            Article article = articles.get(i);
            JsonNode want = expected.path("articles").get(i);
            assertThat(article.id()).isEqualTo(sha(sample).substring(0, 16) + "-" + (i + 1));
            assertThat(article.headline() + String.join("", article.subheadlines()))
                    .contains(want.path("headlineContains").asText());
            assertThat(article.body()).startsWith(want.path("bodyStartsWith").asText());
            assertThat(article.eventDate()).isEqualTo(want.path("eventDate").isNull()
                    ? null : LocalDate.parse(want.path("eventDate").asText()));
            assertThat(article.reporters()).containsExactlyElementsOf(strings(want.path("reporters")));
            assertThat(article.persons()).contains(strings(want.path("personsInclude")).toArray(String[]::new));
            assertThat(article.body()).doesNotContain("（" + String.join("、", article.reporters()) + "）");
            // No headline line was swallowed into a body as a paragraph of its own or glued to a paragraph's end.
            for (String paragraph : article.body().split("\n")) {
                assertThat(headlineLines).noneSatisfy(line -> assertThat(paragraph).endsWith(line));
            }
            assertThat(article.lead()).isNotBlank();
            assertThat(article.charCount()).isEqualTo(article.body().length());
            if (want.has("category")) {
                assertThat(article.category()).as("category of article %d", i + 1).isEqualTo(want.path("category").asText());
            }
        }
    }

    /**
     * Every person the pipeline outputs must be a real person named in that article: precision ≥ 0.95 over all
     * sample articles, and most people found. Precision is counted against the hand-read complete list of
     * {@code sample-persons.json}, not against manifest.json's {@code personsInclude}, which names only some of
     * the people (a correct person missing there would count as wrong).
     */
    @Test
    void personsAreRealPeopleOfTheArticle() throws Exception {
        JsonNode truth = NewsJson.mapper().readTree(getClass().getResource("/sample-persons.json")).path("files");
        int output = 0;
        int correct = 0;
        int named = 0;
        List<String> wrong = new ArrayList<>();
        for (String sample : samples().toList()) {
            List<Article> articles = pipeline.enrich(page(sample,
                    LocalDate.parse(manifest().path("files").path(sample).path("issueDate").asText())));
            assertThat(articles).hasSize(truth.path(sample).size());
            for (int i = 0; i < articles.size(); i++) {
                List<String> real = strings(truth.path(sample).get(i));
                named += real.size();
                for (String person : articles.get(i).persons()) {
                    output++;
                    if (real.contains(person)) {
                        correct++;
                    } else {
                        wrong.add(sample + "#" + (i + 1) + ":" + person);
                    }
                }
            }
        }
        double precision = correct / (double) output;
        double recall = correct / (double) named;
        System.out.printf("sample persons: precision %.3f recall %.3f wrong %s%n", precision, recall, wrong);
        assertThat(precision).as("person precision, wrong: %s", wrong).isGreaterThanOrEqualTo(0.95);
        assertThat(recall).as("person recall").isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void articlesCarryKeywordsACategoryAndTheDatesTheyMention() throws Exception {
        Page page = page("000_d79d82bd7f5a9708.txt", LocalDate.of(2023, 12, 21));

        for (Article article : pipeline.enrich(page)) {
            assertThat(article.keywords()).isNotEmpty().hasSizeLessThanOrEqualTo(8).doesNotHaveDuplicates();
            assertThat(Category.fromId(article.category())).as("category %s", article.category()).isPresent();
            assertThat(article.dates()).contains(article.eventDate()).isSorted();
            assertThat(article.places()).isNotEmpty();
            assertThat(article.enrichedAt()).isEqualTo(page.receivedAt());
        }
    }

    @Test
    void reprocessingAPageYieldsTheSameArticles() throws Exception {
        Page page = page("000_d79d82bd7f5a9708.txt", LocalDate.of(2023, 12, 21));

        EnrichmentPipeline another = EnrichmentPipeline.load("test", NamesDictionary.empty());

        assertThat(NewsJson.mapper().writeValueAsString(another.enrich(page)))
                .isEqualTo(NewsJson.mapper().writeValueAsString(pipeline.enrich(page)));
    }

    @Test
    void articleWithoutAHeadlineBlockTakesItsLeadAsHeadline() {
        Page page = new Page(sha("x_0000000000000000.txt"), "x.txt", LocalDate.of(2024, 3, 2), IssueDateSource.SIDECAR,
                "UTF-8", "本报讯 3月1日，市里召开会议。会议研究了工作。（王拓）\n", 0, Instant.EPOCH);

        Article article = pipeline.enrich(page).getFirst();

        assertThat(article.headline()).isEqualTo("本报讯 3月1日，市里召开会议。");
        assertThat(article.subheadlines()).isEmpty();
        assertThat(article.eventDate()).isEqualTo(LocalDate.of(2024, 3, 1));
    }

    private static Page page(String sample, LocalDate issueDate) throws IOException {
        return new Page(sha(sample), sample, issueDate, IssueDateSource.SIDECAR, "UTF-8",
                Files.readString(SAMPLES.resolve(sample)), 0, Instant.EPOCH);
    }

    /** The samples are named after the first 16 hex digits of their hash; the rest does not matter here. */
    private static String sha(String sample) {
        return (sample.substring(sample.indexOf('_') + 1, sample.indexOf('.')) + "0".repeat(64)).substring(0, 64);
    }

    private static JsonNode manifest() throws IOException {
        return NewsJson.mapper().readTree(SAMPLES.resolve("manifest.json").toFile());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
