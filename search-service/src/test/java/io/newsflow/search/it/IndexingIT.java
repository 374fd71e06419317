package io.newsflow.search.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.localstack.LocalStack;
import io.newsflow.localstack.ElasticsearchUsers;
import io.newsflow.localstack.InjectKafkaCompanion;
import io.newsflow.localstack.LocalStackResource;
import io.newsflow.localstack.TopicSnapshot;
import io.newsflow.model.Article;
import io.newsflow.model.NewsJson;
import io.newsflow.model.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Indexing under faults and re-indexing, checked against the real node's own view of the index and the broker's view
 * of the service's committed offsets ("consumed" means committed past, not merely "seen in the index").
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class IndexingIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ConfigProperty(name = "mp.messaging.incoming.articles.group.id")
    String groupId;

    /** SmallRye's window for a record to be acknowledged before it fails the channel; 0: no window. */
    @ConfigProperty(name = "mp.messaging.incoming.articles.throttled.unprocessed-record-max-age.ms")
    long unprocessedRecordMaxAgeMs;

    @ConfigProperty(name = "quarkus.elasticsearch.socket-timeout")
    Duration socketTimeout;

    @ConfigProperty(name = "newsflow.search.web.overview-timeout")
    Duration overviewTimeout;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void elasticsearchFrozenForThreeWindowsIsWaitedOutAliveUnreadyAndResumesByItself() throws Exception {
        // three times the longest window that could end the wait: the record-ack window (60 s by default before it
        // was switched off) or a bulk request's socket timeout; a frozen node accepts connections and never answers
        Duration window = Duration.ofMillis(Math.max(unprocessedRecordMaxAgeMs, socketTimeout.toMillis()));
        Duration freeze = window.multipliedBy(3);
        LocalStack stack = LocalStackResource.stack();
        String page = newPage();
        Instant first = Instant.now().minusSeconds(600);
        List<RecordMetadata> sent = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 1; i <= 30; i++) {
            sent.add(send(article(page, i, "无锡新闻" + i, first)));
            ids.add(Article.idOf(page, i));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(idsOf(page)).hasSize(30));

        long pid = stack.elasticsearch().pid();
        Signals.send("STOP", pid);
        Instant frozen = Instant.now();
        try {
            Instant newer = Instant.now();
            for (int i = 1; i <= 10; i++) {
                sent.add(send(article(page, i, "更新" + i, newer)));
            }
            for (int i = 31; i <= 90; i++) {
                sent.add(send(article(page, i, "无锡新闻" + i, newer)));
                ids.add(Article.idOf(page, i));
            }
            // the overview page answers within its bound, the frozen node's part shown as unknown
            Instant asked = Instant.now();
            given().when().get("/overview").then().statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("Elasticsearch did not answer within"));
            assertThat(Duration.between(asked, Instant.now())).isLessThan(overviewTimeout.plusSeconds(2));
            await().atMost(freeze).until(() -> health("ready").statusCode() == 503);
            await().atMost(freeze).until(() -> metric("newsflow_search_indexing_waiting") == 1.0);
            assertThat(readinessReason()).contains("Elasticsearch");
            Duration left = freeze.minus(Duration.between(frozen, Instant.now()));
            if (!left.isNegative()) {
                await().during(left).atMost(left.plusSeconds(10)).until(() -> health("live").statusCode() == 200);
            }
        } finally {
            Signals.send("CONT", pid);
        }
        assertThat(Duration.between(frozen, Instant.now())).isGreaterThanOrEqualTo(freeze);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(idsOf(page)).isEqualTo(ids));
        awaitConsumed(sent);
        for (int i = 1; i <= 10; i++) {
            assertThat(source(Article.idOf(page, i)).get("headline").asText()).isEqualTo("更新" + i);
        }
        assertThat(deadLetteredKeys()).doesNotContainAnyElementsOf(ids);
        await().atMost(Duration.ofSeconds(30)).until(() -> health("ready").statusCode() == 200);
        assertThat(health("live").statusCode()).isEqualTo(200);
        assertThat(metric("newsflow_search_indexing_waiting")).isZero();
    }

    @Test
    void elasticsearchStoppedMidStreamIsWaitedForAndLosesNothing() throws Exception {
        LocalStack stack = LocalStackResource.stack();
        String page = newPage();
        List<RecordMetadata> sent = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 1; i <= 100; i++) {
            sent.add(send(article(page, i, "无锡新闻" + i, Instant.now())));
            ids.add(Article.idOf(page, i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> idsOf(page).size() >= 30);

        stack.elasticsearch().stop();
        try {
            for (int i = 101; i <= 200; i++) {
                sent.add(send(article(page, i, "无锡新闻" + i, Instant.now())));
                ids.add(Article.idOf(page, i));
            }
            given().queryParam("q", "无锡新闻")
                    .when().get("/api/search")
                    .then().statusCode(503)
                    .body("error", equalTo("the search index is not reachable right now; try again shortly"));
            // the indexer has met the outage (a bulk request failed) before the node comes back
            await().atMost(Duration.ofSeconds(30)).until(() -> metric("newsflow_search_indexing_waiting") == 1.0);
            assertThat(health("ready").statusCode()).isEqualTo(503);
        } finally {
            stack.restartElasticsearch();
        }

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(idsOf(page)).isEqualTo(ids));
        awaitConsumed(sent);
        assertThat(deadLetteredKeys()).doesNotContainAnyElementsOf(ids);
    }

    @Test
    void aRemovedAliasIsWaitedForNotAutoCreatedAndNothingIsDeadLettered() throws Exception {
        String page = newPage();
        List<RecordMetadata> sent = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 1; i <= 10; i++) {
            sent.add(send(article(page, i, "梁溪区" + i, Instant.now())));
            ids.add(Article.idOf(page, i));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(idsOf(page)).hasSize(10));
        String index = aliasTarget();

        es("POST", "/_aliases", "{\"actions\":[{\"remove\":{\"index\":\"" + index + "\",\"alias\":\"news-articles\"}}]}");
        try {
            for (int i = 11; i <= 30; i++) {
                sent.add(send(article(page, i, "梁溪区" + i, Instant.now())));
                ids.add(Article.idOf(page, i));
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(readinessReason()).contains("index-missing"));
            assertThat(metric("newsflow_search_indexing_waiting")).isEqualTo(1.0);
            // no concrete index took the alias' name (Elasticsearch auto-creates one for a plain write)
            assertThat(es("GET", "/news-articles", null).path("status").asInt()).isEqualTo(404);
        } finally {
            es("POST", "/_aliases", "{\"actions\":[{\"add\":{\"index\":\"" + index
                    + "\",\"alias\":\"news-articles\",\"is_write_index\":true}}]}");
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(idsOf(page)).isEqualTo(ids));
        awaitConsumed(sent);
        assertThat(deadLetteredKeys()).doesNotContainAnyElementsOf(ids);
        await().atMost(Duration.ofSeconds(30)).until(() -> health("ready").statusCode() == 200);
    }

    @Test
    void aRotatedPasswordPausesIndexingWithTheReasonAndNothingIsDeadLettered() throws Exception {
        String page = newPage();
        List<RecordMetadata> sent = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 1; i <= 5; i++) {
            sent.add(send(article(page, i, "锡山区" + i, Instant.now())));
            ids.add(Article.idOf(page, i));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(idsOf(page)).hasSize(5));

        // the operator rotates the node's password of search-service's user, and the service still has the old one:
        // the user's hash becomes another's (the node reads its file realm again within seconds)
        Path users = LocalStackResource.stack().elasticsearch().configDir().resolve("users");
        String original = Files.readString(users);
        String adminHash = original.lines().filter(line -> line.startsWith(ElasticsearchUsers.ADMIN + ":")).findFirst().orElseThrow()
                .substring(ElasticsearchUsers.ADMIN.length() + 1);
        String rotated = original.lines()
                .map(line -> line.startsWith(ElasticsearchUsers.SEARCH + ":") ? ElasticsearchUsers.SEARCH + ":" + adminHash : line)
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        Files.writeString(users, rotated);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> searchUserStatus() == 401);
            for (int i = 6; i <= 20; i++) {
                sent.add(send(article(page, i, "锡山区" + i, Instant.now())));
                ids.add(Article.idOf(page, i));
            }
            // indexing waits (readiness may say so from its own probe first)
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(metric("newsflow_search_indexing_waiting")).isEqualTo(1.0);
                assertThat(readinessReason()).contains("credentials-refused");
            });
            assertThat(idsOf(page)).hasSize(5);
            // a search meets the same refusal: 503 with a message, never the node's answer or a stack trace
            given().queryParam("q", "锡山区").when().get("/api/search")
                    .then().statusCode(503).body("message", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Exception")));
        } finally {
            Files.writeString(users, original);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(idsOf(page)).isEqualTo(ids));
        awaitConsumed(sent);
        assertThat(deadLetteredKeys()).doesNotContainAnyElementsOf(ids);
        await().atMost(Duration.ofSeconds(30)).until(() -> health("ready").statusCode() == 200);
    }

    @Test
    void anOlderVersionOfAnArticleNeverOverwritesANewerOne() throws Exception {
        String page = newPage();
        Instant now = Instant.now();
        Article newer = article(page, 1, "第二版标题", now);
        send(newer);
        // the same key: the same partition, after the newer one, so it is consumed after it
        RecordMetadata older = send(article(page, 1, "第一版标题", now.minusSeconds(60)));

        awaitConsumed(List.of(older));
        JsonNode document = es("GET", "/news-articles/_doc/" + newer.id(), null);
        assertThat(document.path("_source").path("headline").asText()).isEqualTo("第二版标题");
        assertThat(document.path("_version").asLong()).isEqualTo(now.toEpochMilli());
        assertThat(deadLetteredKeys()).doesNotContain(newer.id());
    }
    @Test
    void reindexBuildsANewIndexFromTheTopicAndSwapsTheAliasWhileSearchesKeepAnswering() throws Exception {
        String page = newPage();
        Set<String> ids = new HashSet<>();
        for (int i = 1; i <= 50; i++) {
            send(article(page, i, "太湖治理" + i, Instant.now()));
            ids.add(Article.idOf(page, i));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(idsOf(page)).hasSize(50));
        String before = aliasTarget();

        AtomicBoolean searching = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        List<Integer> failures = new ArrayList<>();
        Thread searcher = Thread.ofPlatform().start(() -> {
            while (searching.get()) {
                int status = given().queryParam("q", "太湖治理").when().get("/api/search").then().extract().statusCode();
                if (status == 200) {
                    answered.incrementAndGet();
                } else {
                    failures.add(status);
                }
            }
        });
        try {
            TestUsers.as("admin").when().post("/api/admin/reindex").then().statusCode(202).body("state", equalTo("running"));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                    TestUsers.as("admin").when().get("/api/admin/reindex").then().statusCode(200).body("state", equalTo("done")));
        } finally {
            searching.set(false);
            searcher.join();
        }

        String after = aliasTarget();
        assertThat(after).isNotEqualTo(before).endsWith("-v" + (Long.parseLong(before.replaceAll(".*-v", "")) + 1));
        assertThat(failures).isEmpty();
        assertThat(answered.get()).isPositive();
        assertThat(idsOf(page)).isEqualTo(ids);
        TestUsers.as("admin").when().get("/api/admin/reindex").then().body("replayed", org.hamcrest.Matchers.greaterThanOrEqualTo(50));
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("newsflow_search_documents_indexed_total"))
                .body(org.hamcrest.Matchers.containsString("newsflow_search_bulk_latency_seconds"))
                .body(org.hamcrest.Matchers.containsString("kafka_consumer_fetch_manager_records_lag_max"));
    }

    @Test
    void reindexKeepsOnlyThePreviousIndex() throws Exception {
        String page = newPage();
        send(article(page, 1, "惠山区", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(idsOf(page)).hasSize(1));
        long before = version(aliasTarget());

        for (int run = 1; run <= 2; run++) {
            TestUsers.as("admin").when().post("/api/admin/reindex").then().statusCode(202);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                    TestUsers.as("admin").when().get("/api/admin/reindex").then().statusCode(200).body("state", equalTo("done")));
        }

        assertThat(aliasTarget()).isEqualTo("news-articles-v" + (before + 2));
        assertThat(versionedIndices()).containsExactlyInAnyOrder("news-articles-v" + (before + 1), "news-articles-v" + (before + 2));
        assertThat(idsOf(page)).hasSize(1);
    }

    @Test
    void reindexDoesNotStartWhenACopyWouldTakeTheDiskPastTheLowWatermark() throws Exception {
        String page = newPage();
        send(article(page, 1, "滨湖区", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(idsOf(page)).hasSize(1));
        String before = aliasTarget();
        Set<String> indices = versionedIndices();

        // 1%: any disk is past it; the local node does not enforce watermarks, so nothing else changes
        es("PUT", "/_cluster/settings", "{\"persistent\":{\"cluster.routing.allocation.disk.watermark.low\":\"1%\"}}");
        try {
            TestUsers.as("admin").when().post("/api/admin/reindex").then().statusCode(507)
                    .body("status", equalTo(507))
                    .body("error", org.hamcrest.Matchers.allOf(
                            org.hamcrest.Matchers.startsWith("not enough disk to re-index " + before),
                            org.hamcrest.Matchers.containsString("under the low disk watermark 1%")));
        } finally {
            es("PUT", "/_cluster/settings", "{\"persistent\":{\"cluster.routing.allocation.disk.watermark.low\":null}}");
        }
        TestUsers.as("admin").when().get("/api/admin/reindex").then().body("state", org.hamcrest.Matchers.not(equalTo("running")));
        assertThat(aliasTarget()).isEqualTo(before);
        assertThat(versionedIndices()).isEqualTo(indices);
    }

    private static String newPage() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "0".repeat(48);
    }

    private static Article article(String page, int ordinal, String headline, Instant enrichedAt) {
        String body = "本报讯 12月20日，" + headline + "。";
        // a file named after the page: one name and issue date is one page (PageVersions)
        return new Article(Article.idOf(page, ordinal), ordinal, page, "page-" + page.substring(0, 16) + ".txt", LocalDate.of(2023, 12, 21), headline,
                List.of(), body, body, LocalDate.of(2023, 12, 20), List.of(LocalDate.of(2023, 12, 20)), List.of(), List.of(), List.of(), List.of(), List.of(),
                null, body.length(), enrichedAt, "test");
    }

    private RecordMetadata send(Article article) throws Exception {
        return kafka.produceStrings()
                .fromRecords(new ProducerRecord<>(Topics.ARTICLES, article.id(), NewsJson.mapper().writeValueAsString(article)))
                .awaitCompletion().getFirstRecord();
    }

    /** Waits until the service's consumer group has committed past every one of these records. */
    private void awaitConsumed(List<RecordMetadata> records) {
        Map<TopicPartition, Long> last = new HashMap<>();
        records.forEach(r -> last.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::max));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.consumerGroups().offsets(groupId);
            last.forEach((partition, offset) -> {
                OffsetAndMetadata position = committed.get(partition);
                assertThat(position == null ? -1 : position.offset()).as("committed offset of %s", partition).isGreaterThan(offset);
            });
        });
    }

    /** Keys of every record on the dead-letter topic, read to its end. */
    private Set<String> deadLetteredKeys() {
        return TopicSnapshot.read(kafka, Topics.ARTICLES_DLQ).stream().map(ConsumerRecord::key).collect(Collectors.toSet());
    }

    private static io.restassured.response.Response health(String kind) {
        return given().when().get("/q/health/" + kind).then().extract().response();
    }

    /** Why the Elasticsearch readiness check is DOWN, as /q/health/ready shows it. */
    private static String readinessReason() {
        Object reason = health("ready").path("checks.find { it.name == 'elasticsearch-index' }.data.reason");
        return String.valueOf(reason);
    }

    /** A metric's value on /q/metrics (Prometheus text), or NaN when absent. */
    private static double metric(String name) {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(Double.NaN);
    }

    /** What the node answers search-service's user, with the password the service has. */
    private static int searchUserStatus() throws IOException, InterruptedException {
        var stack = LocalStackResource.stack();
        HttpRequest request = HttpRequest.newBuilder(java.net.URI.create(stack.endpoints().elasticsearchUrl() + "/_security/_authenticate"))
                .header("Authorization", stack.elasticsearchUsers().authorization(ElasticsearchUsers.SEARCH)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static JsonNode es(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = LocalStackResource.stack().elasticsearch().request(path).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return NewsJson.mapper().readTree(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Ids of a page's documents, as the node sees them after a refresh. */
    private static Set<String> idsOf(String page) throws IOException, InterruptedException {
        es("POST", "/news-articles/_refresh", null);
        JsonNode hits = es("POST", "/news-articles/_search", "{\"size\":1000,\"_source\":false,\"query\":{\"term\":{\"pageSha256\":\"" + page + "\"}}}");
        Set<String> ids = new HashSet<>();
        hits.path("hits").path("hits").forEach(hit -> ids.add(hit.path("_id").asText()));
        return ids;
    }

    private static JsonNode source(String id) throws IOException, InterruptedException {
        return es("GET", "/news-articles/_doc/" + id, null).path("_source");
    }

    private static String aliasTarget() throws IOException, InterruptedException {
        return es("GET", "/_alias/news-articles", null).fieldNames().next();
    }

    private static long version(String index) {
        return Long.parseLong(index.replaceAll(".*-v", ""));
    }

    private static Set<String> versionedIndices() throws IOException, InterruptedException {
        Set<String> indices = new HashSet<>();
        es("GET", "/news-articles-v*", null).fieldNames().forEachRemaining(indices::add);
        return indices;
    }
}
