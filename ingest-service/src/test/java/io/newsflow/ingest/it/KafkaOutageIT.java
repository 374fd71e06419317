package io.newsflow.ingest.it;

import io.newsflow.localstack.KafkaBroker;
import io.newsflow.localstack.LocalStackResource;
import io.newsflow.pagefiles.PageFile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(FreshDataFolder.class)
@QuarkusTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = LocalStackResource.ELASTICSEARCH, value = "false"))
class KafkaOutageIT {

    @ConfigProperty(name = "newsflow.ingest.inbox")
    Path inbox;

    @ConfigProperty(name = "newsflow.ingest.archive")
    Path archive;

    @ConfigProperty(name = "newsflow.ingest.processing")
    Path processing;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void filesWaitWhileKafkaIsDownAndArePublishedExactlyOnceWhenItReturns() throws Exception {
        KafkaBroker kafka = LocalStackResource.stack().kafka();
        List<byte[]> before = pages("before", 5);
        List<byte[]> during = pages("during", 5);
        drop(before);
        // the broker goes away once ingest has begun on them: some are published, others may be in flight
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(archivedNames()).anyMatch(name -> name.startsWith("before-")));
        kafka.stop();
        try {
            drop(during);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN")));
            // nothing is archived unless Kafka acknowledged it: every "during" file stays in the inbox or in flight,
            // checked over and over for three seconds of the outage
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(archivedNames()).noneMatch(name -> name.startsWith("during-"));
                List<String> waiting = new ArrayList<>(namesIn(inbox));
                waiting.addAll(namesUnder(processing));
                assertThat(waiting).filteredOn(name -> name.startsWith("during-")).hasSize(5);
            });
        } finally {
            kafka.restart();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(archivedNames()).filteredOn(name -> name.startsWith("before-") || name.startsWith("during-")).hasSize(10);
        });
        try (PagesTopic topic = new PagesTopic(bootstrapServers)) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                for (byte[] page : concat(before, during)) {
                    assertThat(topic.pagesWithKey(PageFile.sha256(page))).isNotEmpty();
                }
            });
            // exactly once: held for a while, so that a retry still under way that publishes a page again is seen
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                for (byte[] page : concat(before, during)) {
                    assertThat(topic.pagesWithKey(PageFile.sha256(page))).hasSize(1);
                }
            });
        }
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    private List<byte[]> pages(String prefix, int count) {
        List<byte[]> pages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pages.add((prefix + "-" + UUID.randomUUID() + "\n本报讯 9月4日，第" + i + "篇。").getBytes(StandardCharsets.UTF_8));
        }
        return pages;
    }

    private void drop(List<byte[]> pages) throws Exception {
        for (byte[] page : pages) {
            String prefix = new String(page, StandardCharsets.UTF_8).substring(0, 6).replace("-", "");
            Files.write(inbox.resolve(prefix + "-" + PageFile.sha256(page).substring(0, 12) + ".txt"), page);
        }
    }

    private List<String> archivedNames() throws Exception {
        return namesUnder(archive);
    }

    private static List<String> namesUnder(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }

    private static List<String> namesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static List<byte[]> concat(List<byte[]> a, List<byte[]> b) {
        List<byte[]> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
