package io.newsflow.search.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.localstack.LocalStack;
import io.newsflow.localstack.LocalStackResource;
import io.newsflow.model.Article;
import io.newsflow.model.NewsJson;
import io.newsflow.model.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Indexing under faults and re-indexing, checked against the real node's own view of the index. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class IndexingIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaProducer<String, String> producer;

    @BeforeEach
    void openProducer() {
        producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    @Test
    void elasticsearchStoppedMidStreamLosesAndDuplicatesNothing() throws Exception {
        LocalStack stack = LocalStackResource.stack();
        String page = newPage();
        Set<String> ids = new HashSet<>();
        for (int i = 1; i <= 100; i++) {
            ids.add(send(article(page, i, "无锡新闻" + i, Instant.now())));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> idsOf(page).size() >= 30);

        stack.elasticsearch().stop();
        try {
            for (int i = 101; i <= 200; i++) {
                ids.add(send(article(page, i, "无锡新闻" + i, Instant.now())));
            }
            producer.flush();
            given().queryParam("q", "无锡新闻")
                    .when().get("/api/search")
                    .then().statusCode(503)
                    .body("error", equalTo("the search index is not reachable right now; try again shortly"));
            Thread.sleep(3000); // the indexer retries against a node that is gone
        } finally {
            stack.restartElasticsearch();
        }

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(idsOf(page)).hasSize(200));
        assertThat(idsOf(page)).isEqualTo(ids);
        assertThat(count(page)).isEqualTo(200);
    }

    @Test
    void anOlderVersionOfAnArticleNeverOverwritesANewerOne() throws Exception {
        String page = newPage();
        Instant now = Instant.now();
        String id = send(article(page, 1, "第二版标题", now));
        send(article(page, 1, "第一版标题", now.minusSeconds(60)));
        String marker = send(article(page, 2, "标记", now));

        await().atMost(Duration.ofSeconds(30)).until(() -> idsOf(page).contains(marker));
        assertThat(source(id).get("headline").asText()).isEqualTo("第二版标题");
    }

    @Test
    void reindexBuildsANewIndexFromTheTopicAndSwapsTheAliasWhileSearchesKeepAnswering() throws Exception {
        String page = newPage();
        Set<String> ids = new HashSet<>();
        for (int i = 1; i <= 50; i++) {
            ids.add(send(article(page, i, "太湖治理" + i, Instant.now())));
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
            given().when().post("/api/admin/reindex").then().statusCode(202).body("state", equalTo("running"));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                    given().when().get("/api/admin/reindex").then().statusCode(200).body("state", equalTo("done")));
        } finally {
            searching.set(false);
            searcher.join();
        }

        String after = aliasTarget();
        assertThat(after).isNotEqualTo(before).endsWith("-v" + (Long.parseLong(before.replaceAll(".*-v", "")) + 1));
        assertThat(failures).isEmpty();
        assertThat(answered.get()).isPositive();
        assertThat(idsOf(page)).isEqualTo(ids);
        given().when().get("/api/admin/reindex").then().body("replayed", org.hamcrest.Matchers.greaterThanOrEqualTo(50));
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("newsflow_search_documents_indexed_total"))
                .body(org.hamcrest.Matchers.containsString("newsflow_search_bulk_latency_seconds"))
                .body(org.hamcrest.Matchers.containsString("kafka_consumer_fetch_manager_records_lag_max"));
    }

    private static String newPage() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "0".repeat(48);
    }

    private static Article article(String page, int ordinal, String headline, Instant enrichedAt) {
        String body = "本报讯 12月20日，" + headline + "。";
        return new Article(Article.idOf(page, ordinal), ordinal, page, "2023-12-21.txt", LocalDate.of(2023, 12, 21), headline,
                List.of(), body, body, LocalDate.of(2023, 12, 20), List.of(LocalDate.of(2023, 12, 20)), List.of(), List.of(), List.of(), List.of(), List.of(),
                null, body.length(), enrichedAt, "test");
    }

    private String send(Article article) throws Exception {
        producer.send(new ProducerRecord<>(Topics.ARTICLES, article.id(), NewsJson.mapper().writeValueAsString(article))).get();
        return article.id();
    }

    private static String esUrl() {
        return LocalStackResource.stack().endpoints().elasticsearchUrl();
    }

    private static JsonNode es(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(esUrl() + path)).header("Content-Type", "application/json");
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

    private static long count(String page) throws IOException, InterruptedException {
        return es("POST", "/news-articles/_count", "{\"query\":{\"term\":{\"pageSha256\":\"" + page + "\"}}}").path("count").asLong();
    }

    private static JsonNode source(String id) throws IOException, InterruptedException {
        return es("GET", "/news-articles/_doc/" + id, null).path("_source");
    }

    private static String aliasTarget() throws IOException, InterruptedException {
        return es("GET", "/_alias/news-articles", null).fieldNames().next();
    }
}
