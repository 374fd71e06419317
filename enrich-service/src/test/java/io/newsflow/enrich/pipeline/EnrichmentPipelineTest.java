package io.newsflow.enrich.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.model.Article;
import io.newsflow.model.IssueDateSource;
import io.newsflow.model.NewsJson;
import io.newsflow.model.Page;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The walking-skeleton pipeline against the expectations of {@code shared/samples/manifest.json}. */
class EnrichmentPipelineTest {
    private static final Path SAMPLES = Path.of(System.getProperty("newsflow.samples", "../../shared/samples"));
    private static final String SAMPLE = "000_d79d82bd7f5a9708.txt";
    private static final String SHA = "d79d82bd7f5a9708000000000000000000000000000000000000000000000000";

    private final EnrichmentPipeline pipeline = new EnrichmentPipeline("test",
            Clock.fixed(Instant.parse("2023-12-21T08:00:00Z"), ZoneOffset.UTC));

    @Test
    void splitsTheSamplePageIntoTheArticlesAReaderSees() throws Exception {
        JsonNode expected = NewsJson.mapper().readTree(SAMPLES.resolve("manifest.json").toFile()).path("files").path(SAMPLE);
        Page page = new Page(SHA, SAMPLE, LocalDate.parse(expected.path("issueDate").asText()), IssueDateSource.SIDECAR,
                "UTF-8", Files.readString(SAMPLES.resolve(SAMPLE)), 0, Instant.EPOCH);

        List<Article> articles = pipeline.enrich(page);

        assertThat(articles).hasSize(expected.path("articles").size());
        for (int i = 0; i < articles.size(); i++) {
            Article article = articles.get(i);
            JsonNode want = expected.path("articles").get(i);
            assertThat(article.id()).isEqualTo("d79d82bd7f5a9708-" + (i + 1));
            assertThat(article.body()).startsWith(want.path("bodyStartsWith").asText());
            assertThat(article.eventDate()).isEqualTo(LocalDate.parse(want.path("eventDate").asText()));
            assertThat(article.reporters()).containsExactlyElementsOf(strings(want.path("reporters")));
            assertThat(article.body()).contains(strings(want.path("personsInclude")));
            assertThat(article.body()).doesNotContain("（" + String.join("、", article.reporters()) + "）");
            assertThat(article.lead()).isNotBlank();
            assertThat(article.charCount()).isEqualTo(article.body().length());
        }
    }

    @Test
    void reprocessingAPageYieldsTheSameArticles() throws Exception {
        Page page = new Page(SHA, SAMPLE, LocalDate.of(2023, 12, 21), IssueDateSource.FILENAME, "UTF-8",
                Files.readString(SAMPLES.resolve(SAMPLE)), 0, Instant.EPOCH);

        assertThat(pipeline.enrich(page)).isEqualTo(pipeline.enrich(page));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
