package io.newsflow.ingest.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.localstack.LocalStackResource;
import io.newsflow.localstack.TopicReader;
import io.newsflow.model.NewsJson;
import io.newsflow.model.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(FreshDataFolder.class)
@QuarkusTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = LocalStackResource.ELASTICSEARCH, value = "false"))
class InboxToKafkaIT {

    @ConfigProperty(name = "newsflow.ingest.inbox")
    Path inbox;

    @ConfigProperty(name = "newsflow.ingest.archive")
    Path archive;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void publishesADroppedPageToKafkaAndArchivesTheFileAfterTheAck() throws Exception {
        Path sample = Path.of(System.getProperty("newsflow.samples"), "000_d79d82bd7f5a9708.txt");
        byte[] bytes = Files.readAllBytes(sample);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));

        String fileName = "wuxi-2023-12-21-p1-" + UUID.randomUUID() + ".txt";
        Files.write(inbox.resolve(fileName), bytes);

        AtomicReference<ConsumerRecord<String, String>> published = new AtomicReference<>();
        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.PAGES)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<ConsumerRecord<String, String>> records = reader.poll().stream()
                        .filter(record -> sha256.equals(record.key())).toList();
                assertThat(records).hasSize(1);
                published.set(records.get(0));
            });
        }
        JsonNode page = NewsJson.mapper().readTree(published.get().value());
        assertThat(page.get("sha256").asText()).isEqualTo(sha256);
        assertThat(page.get("fileName").asText()).isEqualTo(fileName);
        assertThat(page.get("issueDate").asText()).isEqualTo("2023-12-21");
        assertThat(page.get("issueDateSource").asText()).isEqualTo("filename");
        assertThat(page.get("charset").asText()).isEqualTo("UTF-8");
        assertThat(page.get("sizeBytes").asLong()).isEqualTo(bytes.length);
        assertThat(page.get("text").asText()).startsWith(" 二泉月").contains("杜\n小刚");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(inbox.resolve(fileName)).doesNotExist();
            try (Stream<Path> archived = Files.walk(archive)) {
                assertThat(archived.filter(p -> p.getFileName().toString().equals(fileName)))
                        .singleElement()
                        .satisfies(p -> assertThat(p).hasBinaryContent(bytes));
            }
        });
    }
}
