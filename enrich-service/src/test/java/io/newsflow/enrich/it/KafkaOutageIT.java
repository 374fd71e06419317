package io.newsflow.enrich.it;

import io.newsflow.localstack.KafkaBroker;
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
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The broker goes away while pages flow, for longer than the send timeout: the pages wait, unacknowledged, and are
 * delivered when it is back. None is dead-lettered (the defect: pages whose articles were not acknowledged within the
 * send timeout went to news.pages.dlq); the bad records among them are, once Kafka takes them again.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = LocalStackResource.ELASTICSEARCH, value = "false"))
class KafkaOutageIT {
    /**
     * Enough that pages are still being enriched or sent when the broker stops after the first is enriched: with 40, a
     * warm service sometimes had every page delivered by then, and no send was left to time out.
     */
    private static final int PAGES = 150;
    /** articles of the sample page */
    private static final int ARTICLES_PER_PAGE = 3;

    @ConfigProperty(name = "newsflow.enrich.send-timeout")
    Duration sendTimeout;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void pagesWaitOutAnOutageLongerThanTheSendTimeoutAndNoneIsDeadLettered() throws Exception {
        KafkaBroker broker = LocalStackResource.stack().kafka();
        List<String> shas = IntStream.range(0, PAGES).mapToObj(i -> sha()).toList();
        List<String> badKeys = List.of("not-a-page-" + UUID.randomUUID(), "not-a-page-" + UUID.randomUUID());
        double enrichedBefore = metric("newsflow_enrich_pages_total\\{outcome=\"enriched\"}");
        double retriesBefore = metric("newsflow_enrich_delivery_retries_total\\{delivery=\"articles\"}");

        send(shas, badKeys);
        // pages flow: the first are enriched, the others are being enriched or on their way when the broker goes
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> metric("newsflow_enrich_pages_total\\{outcome=\"enriched\"}") > enrichedBefore);
        broker.stop();
        try {
            await().atMost(sendTimeout.multipliedBy(4)).untilAsserted(() ->
                    given().get("/q/health/ready").then().statusCode(503)
                            .body(containsString("Kafka unreachable since")));
            // the outage lasts longer than the send timeout: the service stays alive and not ready all along, and
            // retries instead of dead-lettering
            await().during(sendTimeout.plusSeconds(1)).atMost(sendTimeout.plusSeconds(10)).untilAsserted(() -> {
                given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
                given().get("/q/health/ready").then().statusCode(503).body(containsString("Kafka unreachable since"));
            });
            assertThat(metric("newsflow_enrich_kafka_reachable")).isZero();
            assertThat(metric("newsflow_enrich_kafka_unreachable_seconds")).isGreaterThan(sendTimeout.toSeconds());
            assertThat(metric("newsflow_enrich_delivery_retries_total\\{delivery=\"articles\"}")).isGreaterThan(retriesBefore + 1);
            assertThat(metric("newsflow_enrich_pages_in_flight")).isPositive();
        } finally {
            broker.restart();
        }

        Set<String> expected = shas.stream()
                .flatMap(sha -> IntStream.rangeClosed(1, ARTICLES_PER_PAGE).mapToObj(n -> sha.substring(0, 16) + "-" + n))
                .collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(TopicSnapshot.read(kafka, Topics.ARTICLES)).extracting(ConsumerRecord::key)
                        .containsAll(expected));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(TopicSnapshot.read(kafka, Topics.PAGES_DLQ)).extracting(ConsumerRecord::key)
                        .containsAll(badKeys)
                        .doesNotContainAnyElementsOf(shas));
        assertThat(metric("newsflow_enrich_kafka_reachable")).isEqualTo(1);
    }

    private void send(List<String> shas, List<String> badKeys) throws Exception {
        Path sample = Path.of(System.getProperty("newsflow.samples"), "000_d79d82bd7f5a9708.txt");
        String text = Files.readString(sample);
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (String sha : shas) {
            Page page = new Page(sha, sample.getFileName().toString(), LocalDate.of(2023, 12, 21),
                    IssueDateSource.FILENAME, "UTF-8", text, Files.size(sample), Instant.now());
            records.add(new ProducerRecord<>(Topics.PAGES, sha, NewsJson.mapper().writeValueAsString(page)));
        }
        for (String key : badKeys) {
            records.add(new ProducerRecord<>(Topics.PAGES, key, "{not json"));
        }
        kafka.produceStrings().fromRecords(records).awaitCompletion();
    }

    private static String sha() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    /** The value of a Prometheus sample (its name and labels as a regex), 0 when absent. */
    private static double metric(String sample) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher value = Pattern.compile("(?m)^" + sample + " ([0-9.eE+-]+)$").matcher(body);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }
}
