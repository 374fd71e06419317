package io.newsflow.enrich.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The pipeline against the expectations of {@code shared/samples/manifest.json}, for every sample page. */
class EnrichmentPipelineTest {
    private static final Path SAMPLES = Path.of(System.getProperty("newsflow.samples", "../../shared/samples"));

    private final EnrichmentPipeline pipeline = new EnrichmentPipeline("test",
            Clock.fixed(Instant.parse("2023-12-21T08:00:00Z"), ZoneOffset.UTC));

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
            assertThat(article.body()).contains(strings(want.path("personsInclude")));
            assertThat(article.body()).doesNotContain("（" + String.join("、", article.reporters()) + "）");
            // No headline line was swallowed into a body as a paragraph of its own or glued to a paragraph's end.
            for (String paragraph : article.body().split("\n")) {
                assertThat(headlineLines).noneSatisfy(line -> assertThat(paragraph).endsWith(line));
            }
            assertThat(article.lead()).isNotBlank();
            assertThat(article.charCount()).isEqualTo(article.body().length());
        }
    }

    @Test
    void reprocessingAPageYieldsTheSameArticles() throws Exception {
        Page page = page("000_d79d82bd7f5a9708.txt", LocalDate.of(2023, 12, 21));

        assertThat(pipeline.enrich(page)).isEqualTo(pipeline.enrich(page));
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
