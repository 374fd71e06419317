package io.newsflow.enrich.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.localstack.InjectKafkaCompanion;
import io.newsflow.localstack.LocalStackResource;
import io.newsflow.localstack.TopicSnapshot;
import io.newsflow.model.IssueDateSource;
import io.newsflow.model.NewsJson;
import io.newsflow.model.Page;
import io.newsflow.model.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = LocalStackResource.ELASTICSEARCH, value = "false"))
class PagesToArticlesIT {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void publishesOneKeyedArticlePerArticleOfAPage() throws Exception {
        String sha = UUID.randomUUID().toString().replace("-", "") + "00000000000000000000000000000000";
        Path sample = Path.of(System.getProperty("newsflow.samples"), "000_d79d82bd7f5a9708.txt");
        Page page = new Page(sha, sample.getFileName().toString(), LocalDate.of(2023, 12, 21), IssueDateSource.FILENAME,
                "UTF-8", Files.readString(sample), Files.size(sample), Instant.now());

        send(sha, NewsJson.mapper().writeValueAsString(page));

        try (ConsumerTask<String, String> reader = kafka.consumeStrings().fromTopics(Topics.ARTICLES)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<ConsumerRecord<String, String>> articles = reader.getRecords().stream()
                        .filter(record -> record.key().startsWith(sha.substring(0, 16))).toList();
                assertThat(articles).extracting(ConsumerRecord::key)
                        .containsExactlyInAnyOrder(sha.substring(0, 16) + "-1", sha.substring(0, 16) + "-2", sha.substring(0, 16) + "-3");
                JsonNode second = NewsJson.mapper().readTree(articles.stream()
                        .filter(record -> record.key().endsWith("-2")).findFirst().orElseThrow().value());
                assertThat(second.get("pageSha256").asText()).isEqualTo(sha);
                assertThat(second.get("eventDate").asText()).isEqualTo("2023-12-19");
                assertThat(second.get("body").asText()).startsWith("本报讯 12月19日，市委书记杜小刚");
                assertThat(second.get("reporters")).extracting(JsonNode::asText).containsExactly("高美梅");
                assertThat(second.get("persons")).extracting(JsonNode::asText).contains("杜小刚");
                assertThat(second.get("keywords")).isNotEmpty();
                assertThat(second.get("category").asText()).isEqualTo("politics");
                assertThat(second.get("dates")).extracting(JsonNode::asText).contains("2023-12-19");
                assertThat(second.get("enrichedAt").asText()).isEqualTo(page.receivedAt().toString());
            });
        }
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("newsflow_enrich_pages_total{outcome=\"enriched\"}"))
                .body(containsString("newsflow_enrich_articles_per_page"))
                .body(containsString("newsflow_enrich_page_processing_seconds_bucket"));
    }

    @Test
    void sendsAPageThatCannotBeEnrichedToTheDeadLetterTopicWithTheException() throws Exception {
        String key = "page-without-text-" + UUID.randomUUID();

        send(key, "{\"sha256\":\"" + "ab".repeat(32) + "\",\"fileName\":\"x.txt\"}");

        try (ConsumerTask<String, String> reader = kafka.consumeStrings().fromTopics(Topics.PAGES_DLQ)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<ConsumerRecord<String, String>> dead = reader.getRecords().stream()
                        .filter(record -> key.equals(record.key())).toList();
                assertThat(dead).singleElement().satisfies(record -> {
                    assertThat(header(record, "dead-letter-reason")).contains("text");
                    assertThat(header(record, "dead-letter-topic")).isEqualTo(Topics.PAGES);
                    assertThat(header(record, "dead-letter-offset")).isNotBlank();
                });
            });
        }
    }

    @Test
    void sendsARecordThatIsNoPageToTheDeadLetterTopicWithTheReason() throws Exception {
        String key = "not-a-page-" + UUID.randomUUID();

        send(key, "{this is not json");

        try (ConsumerTask<String, String> reader = kafka.consumeStrings().fromTopics(Topics.PAGES_DLQ)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<ConsumerRecord<String, String>> dead = reader.getRecords().stream()
                        .filter(record -> key.equals(record.key())).toList();
                assertThat(dead).singleElement().satisfies(record -> {
                    assertThat(record.value()).isEqualTo("{this is not json");
                    assertThat(header(record, "dead-letter-reason")).isNotBlank();
                    assertThat(header(record, "dead-letter-topic")).isEqualTo(Topics.PAGES);
                });
            });
        }
    }

    @Test
    void deadLettersAnInvalidPageOfMoreThanOneMegabyteWithTheReason() throws Exception {
        String key = "big-page-without-sha256-" + UUID.randomUUID();
        // 3 MB of text, a page ingest-service may well publish (news.pages and news.pages.dlq take 8 MB records), but no
        // sha256: it fails validation
        String value = "{\"fileName\":\"big.txt\",\"text\":\"" + "本报讯".repeat(350_000) + "\"}";
        assertThat(value.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(2 * 1024 * 1024).isLessThan(Topics.PAGE_RECORD_MAX_BYTES);

        send(key, value);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(TopicSnapshot.read(kafka, Topics.PAGES_DLQ))
                        .filteredOn(record -> key.equals(record.key()))
                        .singleElement().satisfies(record -> {
                            assertThat(record.value()).isEqualTo(value);
                            assertThat(header(record, "dead-letter-reason")).contains("sha256");
                            assertThat(header(record, "dead-letter-topic")).isEqualTo(Topics.PAGES);
                        }));
    }

    @Test
    void aPageCutIntoTooManyArticlesIsDeadLetteredOnceAndThePagesBehindItFlowOn() throws Exception {
        String poisonSha = UUID.randomUUID().toString().replace("-", "") + "0".repeat(32);
        // 1,000 distinct short news items: 60,000 characters, well inside the page size limits, but 10 times the
        // articles a page may have (the probe's page of 100,000 lines made the service run out of memory)
        String poisonText = IntStream.rangeClosed(1, 1_000)
                .mapToObj(i -> "本报讯 第" + i + "次会议在市政府召开，讨论了规划。\n")
                .collect(Collectors.joining("\n"));
        Page poison = new Page(poisonSha, "poison.txt", LocalDate.of(2024, 3, 1), IssueDateSource.FILENAME, "UTF-8",
                poisonText, poisonText.length() * 3L, Instant.now());
        String sampleSha = UUID.randomUUID().toString().replace("-", "") + "1".repeat(32);
        Path sample = Path.of(System.getProperty("newsflow.samples"), "001_3af030e9bda65c46.txt");
        Page behind = new Page(sampleSha, sample.getFileName().toString(), LocalDate.of(2022, 2, 26), IssueDateSource.FILENAME,
                "UTF-8", Files.readString(sample), Files.size(sample), Instant.now());

        // same key, so the same partition: the sample page waits behind the poison page
        send(poisonSha, NewsJson.mapper().writeValueAsString(poison));
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.PAGES, poisonSha, NewsJson.mapper().writeValueAsString(behind)))
                .awaitCompletion();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(TopicSnapshot.read(kafka, Topics.ARTICLES))
                .extracting(ConsumerRecord::key).anyMatch(key -> key.startsWith(sampleSha.substring(0, 16))));
        assertThat(TopicSnapshot.read(kafka, Topics.PAGES_DLQ)).filteredOn(record -> poisonSha.equals(record.key()))
                .singleElement().satisfies(record -> {
                    assertThat(header(record, "dead-letter-reason")).contains("too-many-articles").contains("1000 articles");
                    assertThat(NewsJson.mapper().readValue(record.value(), Page.class).sha256()).isEqualTo(poisonSha);
                });
        assertThat(TopicSnapshot.read(kafka, Topics.ARTICLES)).extracting(ConsumerRecord::key)
                .noneMatch(key -> key.startsWith(poisonSha.substring(0, 16)));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("newsflow_enrich_pages_refused_total{reason=\"too-many-articles\"} 1.0"));
    }

    @Test
    void aFileNameCannotForgeALineInTheLog() throws Exception {
        String sha = UUID.randomUUID().toString().replace("-", "") + "2".repeat(32);
        String forged = "FORGED-" + sha.substring(0, 8) + " outcome=enriched";
        Path sample = Path.of(System.getProperty("newsflow.samples"), "002_8811b50d0c9ae951.txt");
        Page page = new Page(sha, "front.txt\n" + forged + "\r\u001b[31m", LocalDate.of(2024, 7, 27), IssueDateSource.FILENAME,
                "UTF-8", Files.readString(sample), Files.size(sample), Instant.now());

        send(sha, NewsJson.mapper().writeValueAsString(page));

        Path log = Path.of("target", "enrich-service-test.log");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Files.readAllLines(log)).anyMatch(line -> line.contains("page=" + sha)));
        assertThat(Files.readAllLines(log)).filteredOn(line -> line.contains(forged))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("page=" + sha).contains("front.txt\\n" + forged)
                        .doesNotContain("\u001b"));
    }

    private void send(String key, String value) {
        kafka.produceStrings().withProp(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.PAGE_RECORD_MAX_BYTES)
                .fromRecords(new ProducerRecord<>(Topics.PAGES, key, value)).awaitCompletion();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return KafkaCompanion.getHeader(record.headers(), name);
    }
}
