package io.newsflow.search.it;

import io.newsflow.localstack.InjectKafkaCompanion;
import io.newsflow.localstack.LocalStackResource;
import io.newsflow.localstack.TopicSnapshot;
import io.newsflow.model.Article;
import io.newsflow.model.NewsJson;
import io.newsflow.model.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class ArticlesToSearchIT {
    /** Every article of this class carries it, and every search filters on it. */
    private static final String RUN = "run-" + UUID.randomUUID();

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "newsflow.search.dead-letter-timeout")
    Duration deadLetterTimeout;

    @Test
    void indexesArticlesFromKafkaAndFindsThemByAChineseName() throws Exception {
        String page = UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "0".repeat(48);
        Article taihu = article(page, 1, "杜小刚在宜兴市调研太湖综合治理",
                "本报讯 12月20日，市委书记杜小刚来到宜兴市主要入湖河流整治、生态清淤现场，调研太湖综合治理进展。");
        Article signing = article(page, 2, "连云港经济技术开发区与长电科技签署战略合作协议",
                "本报讯 12月20日下午，连云港经济技术开发区与江苏长电科技股份有限公司在南京签署战略合作协议。");

        send(taihu.id(), NewsJson.mapper().writeValueAsString(taihu));
        send(signing.id(), NewsJson.mapper().writeValueAsString(signing));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("q", "杜小刚").queryParam("keyword", RUN)
                        .when().get("/api/search")
                        .then().statusCode(200)
                        .body("total", equalTo(1))
                        .body("hits.id", contains(taihu.id()))
                        .body("hits[0].headline", equalTo("杜小刚在宜兴市调研太湖综合治理"))
                        .body("hits[0].eventDate", equalTo("2023-12-20"))
                        .body("hits[0].highlights.body[0]", startsWith("本报讯 12月20日，市委书记<em>杜小刚</em>")));

        // keys spread the two articles over partitions, so they may arrive in different batches
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("q", "长电科技").queryParam("keyword", RUN)
                        .when().get("/api/search")
                        .then().statusCode(200)
                        .body("hits.id", hasItem(signing.id()))
                        .body("hits.id", everyItem(startsWith(page.substring(0, 16)))));
    }

    @Test
    void aCorrectedPageReplacesTheArticlesOfTheVersionItCorrectsAndAReplayOfThatVersionStaysOut() throws Exception {
        String file = "corrected-" + UUID.randomUUID() + ".txt";
        String first = UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "1".repeat(48);
        String corrected = UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "2".repeat(48);
        Instant received = Instant.now().minusSeconds(3600);
        List<Article> original = List.of(
                article(first, file, 1, "梁溪区召开座谈会", "本报讯 梁溪区召开民营企业座谈会。", received),
                article(first, file, 2, "江阴市推进河道整治", "本报讯 江阴市推进河道整治。", received),
                article(first, file, 3, "滨湖区举办读书节", "本报讯 滨湖区举办读书节。", received),
                article(first, file, 4, "新吴区新增企业", "本报讯 新吴区新增企业。", received));
        for (Article article : original) {
            send(article.id(), NewsJson.mapper().writeValueAsString(article));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(idsOf(first, corrected))
                .containsExactlyInAnyOrderElementsOf(original.stream().map(Article::id).toList()));

        // the same file name and issue date dropped again with other content, received later: two articles now
        List<Article> correction = List.of(
                article(corrected, file, 1, "梁溪区召开民营企业座谈会", "本报讯 梁溪区召开民营企业座谈会，听取意见。", received.plusSeconds(600)),
                article(corrected, file, 2, "江阴市推进河道综合整治", "本报讯 江阴市推进河道综合整治。", received.plusSeconds(600)));
        for (Article article : correction) {
            send(article.id(), NewsJson.mapper().writeValueAsString(article));
        }
        List<String> correctedIds = correction.stream().map(Article::id).toList();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(idsOf(first, corrected)).containsExactlyInAnyOrderElementsOf(correctedIds));

        // the first version replayed (a rewind of the topics): its articles stay out
        for (Article article : original) {
            send(article.id(), NewsJson.mapper().writeValueAsString(article));
        }
        Article marker = article(UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "3".repeat(48), 1,
                "惠山区举办马拉松", "本报讯 惠山区举办马拉松。");
        send(marker.id(), NewsJson.mapper().writeValueAsString(marker));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("q", "惠山区").queryParam("keyword", RUN)
                .when().get("/api/search").then().statusCode(200).body("hits.id", hasItem(marker.id())));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(idsOf(first, corrected)).containsExactlyInAnyOrderElementsOf(correctedIds));
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .containsPattern("newsflow_search_pages_replaced_total [1-9]")
                .containsPattern("newsflow_search_articles_superseded_total [1-9]");
    }

    /** Ids of the indexed articles of this run from these pages. */
    private static List<String> idsOf(String... pages) {
        return given().queryParam("keyword", RUN).queryParam("size", "100").when().get("/api/search")
                .then().statusCode(200).extract().jsonPath().getList("hits.id", String.class).stream()
                .filter(id -> java.util.Arrays.stream(pages).anyMatch(page -> id.startsWith(page.substring(0, 16))))
                .toList();
    }

    @Test
    void sendsARecordThatIsNoArticleToTheDeadLetterTopicAndIndexesItsBatchMates() throws Exception {
        String page = UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "0".repeat(48);
        Article good = article(page, 1, "无锡举行长江大保护会议", "本报讯 12月18日，无锡召开长江大保护推进会。");
        String badKey = page.substring(0, 16) + "-2";

        send(badKey, "[\"not\", \"an article\"]");
        send(good.id(), NewsJson.mapper().writeValueAsString(good));

        try (ConsumerTask<String, String> reader = kafka.consumeStrings().fromTopics(Topics.ARTICLES_DLQ)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<ConsumerRecord<String, String>> dead = reader.getRecords().stream().filter(r -> badKey.equals(r.key())).toList();
                assertThat(dead).singleElement().satisfies(record -> {
                    assertThat(KafkaCompanion.getHeader(record.headers(), "dead-letter-reason"))
                            .startsWith("not an article");
                    assertThat(KafkaCompanion.getHeader(record.headers(), "dead-letter-topic"))
                            .isEqualTo(Topics.ARTICLES);
                });
            });
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("q", "长江大保护").queryParam("keyword", RUN)
                        .when().get("/api/search")
                        .then().statusCode(200)
                        .body("hits.id", contains(good.id())));
    }

    @Test
    void sendsADocumentElasticsearchRefusesToTheDeadLetterTopicWithItsReasonAndIndexesTheRest() throws Exception {
        String page = UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "0".repeat(48);
        Article good = article(page, 1, "锡山区召开推进会", "本报讯 12月18日，锡山区召开推进会。");
        Article base = article(page, 2, "过长的类别", "本报讯 12月18日，过长的类别。");
        // a keyword over Lucene's 32 766-byte term limit: valid JSON, a valid Article, refused by the index alone
        Article refused = new Article(base.id(), base.ordinal(), base.pageSha256(), base.sourceFile(), base.issueDate(),
                base.headline(), base.subheadlines(), base.body(), base.lead(), base.eventDate(), base.dates(), base.reporters(),
                base.persons(), base.places(), base.organizations(), base.keywords(), "类".repeat(12_000),
                base.charCount(), base.enrichedAt(), base.pipelineVersion());

        send(refused.id(), NewsJson.mapper().writeValueAsString(refused));
        send(good.id(), NewsJson.mapper().writeValueAsString(good));

        try (ConsumerTask<String, String> reader = kafka.consumeStrings().fromTopics(Topics.ARTICLES_DLQ)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<ConsumerRecord<String, String>> dead = reader.getRecords().stream().filter(r -> refused.id().equals(r.key())).toList();
                assertThat(dead).singleElement().satisfies(record ->
                        assertThat(KafkaCompanion.getHeader(record.headers(), "dead-letter-reason"))
                                .startsWith("400 ").contains("category"));
            });
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("q", "锡山区").queryParam("keyword", RUN)
                        .when().get("/api/search")
                        .then().statusCode(200)
                        .body("hits.id", contains(good.id())));
        given().when().get("/api/articles/" + refused.id()).then().statusCode(404);
    }

    @Test
    void deadLettersKafkaDoesNotAcknowledgeAreWaitedForAndTheirBatchMatesAreNeverDeadLettered() throws Exception {
        String page = UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "0".repeat(48);
        List<Article> good = List.of(article(page, 1, "新吴区举办招聘会", "本报讯 12月18日，新吴区举办招聘会。"),
                article(page, 3, "新吴区开通公交线路", "本报讯 12月18日，新吴区开通公交线路。"));
        Article base = article(page, 2, "过长的类别", "本报讯 12月18日，过长的类别。");
        Article refused = new Article(base.id(), base.ordinal(), base.pageSha256(), base.sourceFile(), base.issueDate(),
                base.headline(), base.subheadlines(), base.body(), base.lead(), base.eventDate(), base.dates(), base.reporters(),
                base.persons(), base.places(), base.organizations(), base.keywords(), "类".repeat(12_000),
                base.charCount(), base.enrichedAt(), base.pipelineVersion());
        long node = LocalStackResource.stack().elasticsearch().pid();
        long broker = LocalStackResource.stack().kafka().pid();
        try {
            // the batch is read while the node is frozen, so that it is still being indexed when the broker freezes
            Signals.send("STOP", node);
            for (Article article : List.of(good.get(0), refused, good.get(1))) {
                send(article.id(), NewsJson.mapper().writeValueAsString(article));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> metric("newsflow_search_indexing_waiting") == 1.0);
            Signals.send("STOP", broker);
            Signals.send("CONT", node);
            // the documents are written, the dead letter is not acknowledged: waited for, with readiness saying why
            await().atMost(Duration.ofSeconds(30)).until(() -> "DOWN".equals(deadLetterCheck().get("status"))
                    && String.valueOf(deadLetterCheck().get("data")).contains("Kafka to take dead letters"));
            // longer than one attempt (newsflow.search.dead-letter-timeout), after which the batch used to be rejected whole
            await().during(deadLetterTimeout.plusSeconds(2)).atMost(deadLetterTimeout.plusSeconds(10))
                    .until(() -> "DOWN".equals(deadLetterCheck().get("status")));
        } finally {
            Signals.send("CONT", node);
            Signals.send("CONT", broker);
        }
        // the refused document is dead-lettered (again, should its batch be redelivered after the broker's return:
        // at least once), its batch mates never
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(TopicSnapshot.read(kafka, Topics.ARTICLES_DLQ))
                .filteredOn(record -> record.key().startsWith(page.substring(0, 16)))
                .isNotEmpty().allSatisfy(record -> assertThat(record.key()).isEqualTo(refused.id())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("q", "新吴区").queryParam("keyword", RUN).when().get("/api/search")
                        .then().statusCode(200).body("hits.id", containsInAnyOrder(good.get(0).id(), good.get(1).id())));
        await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(deadLetterCheck().get("status")));
        assertThat(TopicSnapshot.read(kafka, Topics.ARTICLES_DLQ)).filteredOn(record -> record.key().startsWith(page.substring(0, 16)))
                .allSatisfy(record -> assertThat(record.key()).isEqualTo(refused.id()));
    }

    /** The dead letters' readiness check as /q/health/ready shows it, whatever the overall status. */
    private static java.util.Map<String, Object> deadLetterCheck() {
        return given().when().get("/q/health/ready").then().extract().jsonPath()
                .getMap("checks.find { it.name == 'kafka-dead-letters' }");
    }

    /** A metric's value on /q/metrics (Prometheus text), or NaN when absent. */
    private static double metric(String name) {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(Double.NaN);
    }

    @Test
    void answersBadRequestsWith400AndAMessage() {
        given().queryParam("q", "太湖").queryParam("size", 500)
                .when().get("/api/search")
                .then().statusCode(400)
                .body("status", equalTo(400))
                .body("error", startsWith("size must be between 1 and 100"));
    }

    /** An article of a page of its own: a file named after the page (one name and date is one page, see PageVersions). */
    private static Article article(String page, int ordinal, String headline, String body) {
        return article(page, "page-" + page.substring(0, 16) + ".txt", ordinal, headline, body, Instant.now());
    }

    private static Article article(String page, String file, int ordinal, String headline, String body, Instant enrichedAt) {
        return new Article(Article.idOf(page, ordinal), ordinal, page, file, LocalDate.of(2023, 12, 21),
                headline, List.of(), body, body, LocalDate.of(2023, 12, 20), List.of(LocalDate.of(2023, 12, 20)), List.of("高美梅"), List.of("杜小刚"),
                List.of("宜兴市"), List.of(), List.of("太湖", RUN), null, body.length(), enrichedAt, "test");
    }

    private void send(String key, String value) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.ARTICLES, key, value)).awaitCompletion();
    }
}
