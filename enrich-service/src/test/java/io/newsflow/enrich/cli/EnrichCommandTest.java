package io.newsflow.enrich.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.model.NewsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EnrichCommandTest {
    private static final Path SAMPLES = Path.of(System.getProperty("newsflow.samples", "../samples"));

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsOneArticleJsonPerLineWithTheIssueDateFromTheFileName(@TempDir Path dir) throws Exception {
        Path page = Files.copy(SAMPLES.resolve("001_3af030e9bda65c46.txt"), dir.resolve("2022-02-26_front.txt"));

        int status = run(page.toString());

        assertThat(status).isZero();
        List<JsonNode> articles = lines();
        assertThat(articles).hasSize(4);
        assertThat(articles).allSatisfy(article -> assertThat(article.path("issueDate").asText()).isEqualTo("2022-02-26"));
        assertThat(articles.get(0).path("persons")).extracting(JsonNode::asText).contains("杜小刚", "周常青");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("4 articles, issue date 2022-02-26 (filename)");
    }

    @Test
    void theIssueDateOptionWinsAndDecidesTheEventYear(@TempDir Path dir) throws Exception {
        Path page = Files.copy(SAMPLES.resolve("000_d79d82bd7f5a9708.txt"), dir.resolve("front.txt"));

        assertThat(run(page.toString(), "--issue-date", "2020-01-05")).isZero();

        // 12月20日 after a 5 January issue belongs to the year before
        assertThat(lines().getFirst().path("eventDate").asText()).isEqualTo("2019-12-20");
    }

    @Test
    void badArgumentsAndUnreadableFilesAreReported(@TempDir Path dir) throws Exception {
        assertThat(run()).isEqualTo(2);
        assertThat(run("x.txt", "--issue-date", "2024-13-01")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: bin/newsflow enrich");

        Path binary = Files.write(dir.resolve("image.txt"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        assertThat(run(binary.toString(), dir.resolve("missing.txt").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("image.txt: not a text page").contains("missing.txt: cannot read");
    }

    private int run(String... args) throws Exception {
        return EnrichCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> articles = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                articles.add(NewsJson.mapper().readTree(line));
            }
        }
        return articles;
    }
}
