package io.newsflow.search.alert;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.newsflow.localstack.InjectKafkaCompanion;
import io.newsflow.localstack.LocalStackResource;
import io.newsflow.model.Article;
import io.newsflow.model.NewsJson;
import io.newsflow.model.Topics;
import io.newsflow.search.alert.delivery.WebhookSignature;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Saved searches end to end on the real stack: saved through the API, an article produced into {@code news.articles}
 * is indexed, matched and posted, signed, to a webhook receiver; the same article arriving again is not posted again;
 * the hit shows with the saved search and in its Atom feed, read by a feed parser (ROME).
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class SavedSearchAlertsIT {
    private static final String SECRET = "a-secret-of-the-receiver-0123456789";

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    private final String page = UUID.randomUUID().toString().replace("-", "") + "0".repeat(32);
    private final String marker = "标记" + page.substring(0, 6);

    @Test
    void aNewArticleMatchingASavedSearchIsPostedSignedOnceAndListed() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath created = alerts().contentType("application/json")
                    .body(Map.of("name", "太湖 " + marker, "params", Map.of("q", "太湖", "keyword", List.of(marker)),
                            "webhook", Map.of("url", receiver.url(), "secret", SECRET)))
                    .post("/api/saved-searches").then().statusCode(201).extract().jsonPath();
            String id = created.getString("id");
            String feedToken = created.getString("feedToken");
            assertThat(feedToken).hasSizeGreaterThan(20);
            alerts().get("/api/saved-searches").then().statusCode(200).body("id", hasItem(id));

            Article matching = article(1, "太湖治理取得新进展", "本报讯 太湖水质持续改善。");
            Article other = article(2, "运河文化带建设推进", "本报讯 大运河文化带建设稳步推进。");
            produce(matching, other);

            await().atMost(Duration.ofSeconds(60)).until(() -> !receiver.deliveries().isEmpty());
            WebhookReceiver.Delivery delivery = receiver.deliveries().getFirst();
            JsonPath body = JsonPath.from(delivery.body());
            assertThat(body.getString("articleId")).isEqualTo(matching.id());
            assertThat(body.getString("savedSearchId")).isEqualTo(id);
            assertThat(body.getString("deliveryId")).isEqualTo(delivery.deliveryId()).isEqualTo(AlertHit.deliveryIdOf(id, matching.id()));
            assertThat(body.getString("headline")).isEqualTo(matching.headline());
            assertThat(body.getList("highlights", String.class)).anySatisfy(h -> assertThat(h).contains("<em>太湖</em>"));
            assertThat(body.getString("links.web")).endsWith("/articles/" + matching.id());
            assertThat(WebhookSignature.verify(SECRET, delivery.signature(), delivery.body().getBytes(StandardCharsets.UTF_8),
                    Instant.now().getEpochSecond(), 300)).as("signature " + delivery.signature()).isTrue();

            // the searched article's link opens: the hit came after it was indexed
            given().get("/api/articles/" + matching.id()).then().statusCode(200);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> alerts().get("/api/saved-searches/" + id)
                    .then().statusCode(200).body("hits.articleId", equalTo(List.of(matching.id())))
                    .body("hits[0].state", equalTo("DELIVERED")));

            // the same article again (a replay), and after it on the same partition a second matching article:
            // once the second is posted, the replay has been matched too, and it was not posted again
            Article second = article(3, "太湖蓝藻防控", "本报讯 太湖蓝藻防控工作有序开展。");
            kafka.produceStrings().fromRecords(List.of(
                    new ProducerRecord<>(Topics.ARTICLES, matching.id(), NewsJson.mapper().writeValueAsString(matching)),
                    new ProducerRecord<>(Topics.ARTICLES, matching.id(), NewsJson.mapper().writeValueAsString(second)))).awaitCompletion();
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.countsById().containsKey(AlertHit.deliveryIdOf(id, second.id())));
            assertThat(receiver.countsById()).containsEntry(delivery.deliveryId(), 1L).hasSize(2);

            // the hits index shows a new hit within its refresh interval
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                byte[] feed = given().queryParam("token", feedToken).get("/api/saved-searches/" + id + "/feed.atom")
                        .then().statusCode(200).contentType(containsString("application/atom+xml")).extract().asByteArray();
                SyndFeed parsed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(feed)));
                assertThat(parsed.getFeedType()).isEqualTo("atom_1.0");
                assertThat(parsed.getEntries()).extracting(SyndEntry::getTitle).containsExactlyInAnyOrder(matching.headline(), second.headline());
                assertThat(parsed.getEntries()).extracting(SyndEntry::getLink).anySatisfy(link -> assertThat(link).endsWith("/articles/" + matching.id()));
            });
            given().queryParam("token", "wrong").get("/api/saved-searches/" + id + "/feed.atom").then().statusCode(404);

            alerts().delete("/api/saved-searches/" + id).then().statusCode(204);
            alerts().get("/api/saved-searches").then().statusCode(200).body("id", not(hasItem(id)));
        }
    }

    @Test
    void badSavedSearchesAreRefusedWithAMessage() {
        refused(Map.of("name", "x", "params", Map.of("q", "太湖", "sort", "date")), "no sort");
        refused(Map.of("name", "x", "params", Map.of("q", "太湖", "colour", "red")), "unknown parameter");
        refused(Map.of("name", "x", "params", Map.of("q", "\"太湖")), "unclosed double quote");
        refused(Map.of("name", "x", "params", Map.of("from", "2024-02-30")), "from must be a date");
        refused(Map.of("name", "x", "params", Map.of()), "needs q, a filter or a date range");
        refused(Map.of("name", "x", "params", Map.of("q", List.of(1, 2))), "string or a list of strings");
        refused(Map.of("name", "x".repeat(101), "params", Map.of("q", "太湖")), "name is at most");
        refused(Map.of("name", "x", "params", Map.of("q", "太湖"), "webhook", Map.of("url", "ftp://example.com/x")), "webhook.url");
        refused(Map.of("name", "x", "params", Map.of("q", "太湖"), "webhook", Map.of("url", "https://user:pw@example.com/x")), "webhook.url");
        refused(Map.of("name", "x", "params", Map.of("q", "太湖"), "webhook", Map.of("url", "https://example.com/x", "secret", "short")), "webhook.secret");
        given().contentType("application/json").body(Map.of("name", "x", "params", Map.of("q", "太湖")))
                .post("/api/saved-searches").then().statusCode(401);
        given().auth().preemptive().basic("reader", "test-reader-password").get("/api/saved-searches").then().statusCode(403);
        alerts().get("/api/saved-searches/nope").then().statusCode(404).body("error", containsString("nope"));
    }

    private static void refused(Map<String, Object> body, String message) {
        alerts().contentType("application/json").body(body).post("/api/saved-searches")
                .then().statusCode(400).body("error", containsString(message));
    }

    private static RequestSpecification alerts() {
        return given().auth().preemptive().basic("alerts", "test-alerts-password");
    }

    private void produce(Article... articles) throws Exception {
        List<ProducerRecord<String, String>> records = new java.util.ArrayList<>();
        for (Article article : articles) {
            records.add(new ProducerRecord<>(Topics.ARTICLES, article.id(), NewsJson.mapper().writeValueAsString(article)));
        }
        kafka.produceStrings().fromRecords(records).awaitCompletion();
    }

    private Article article(int ordinal, String headline, String body) {
        return new Article(Article.idOf(page, ordinal), ordinal, page, "alerts-it.txt", LocalDate.of(2024, 3, 1), headline,
                List.of(), body, body, LocalDate.of(2024, 3, 1), List.of(), List.of(), List.of(), List.of("太湖"), List.of(),
                List.of(marker), "environment", body.length(), Instant.parse("2024-03-01T00:00:00Z"), "test");
    }
}
