package io.newsflow.ingest.it;

import io.newsflow.localstack.FreePorts;
import io.newsflow.localstack.JdkLocator;
import io.newsflow.localstack.LocalStackResource;
import io.newsflow.localstack.ServiceProcess;
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
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Ingest instances as separate processes: the packaged service, as it is deployed. */
@QuarkusTest
@QuarkusTestResource(FreshDataFolder.class)
@QuarkusTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = LocalStackResource.ELASTICSEARCH, value = "false"))
class SeveralInstancesIT {
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final int WAVES = 5;
    private static final int FILES_PER_WAVE = 20;

    @ConfigProperty(name = "newsflow.home")
    Path home;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void twoInstancesOnOneFolderPublishEachFileOnce() throws Exception {
        // this test's application is one instance; a second process shares its folders
        ServiceProcess second = instance("second", home);
        second.start(JdkLocator.locate(), 256, config("second", home));
        try {
            second.awaitReady();
            List<byte[]> pages = new ArrayList<>();
            try (PagesTopic topic = new PagesTopic(bootstrapServers)) {
                // files come in waves until the second instance has published some: a warm instance can take a whole
                // wave before a freshly started one publishes its first page, and then the two would not have competed
                for (int wave = 0; wave < WAVES && !Files.readString(second.logFile()).contains("outcome=published"); wave++) {
                    for (int i = 0; i < FILES_PER_WAVE; i++) {
                        byte[] page = ("本报讯 9月4日，第" + wave + "批第" + i + "篇。\n" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
                        pages.add(page);
                        Files.write(home.resolve("inbox").resolve("shared-" + wave + "-" + i + ".txt"), page);
                    }
                    await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
                        for (byte[] page : pages) {
                            assertThat(topic.pagesWithKey(PageFile.sha256(page))).hasSize(1);
                        }
                    });
                }
                assertThat(Files.readString(second.logFile())).as("the second instance published pages").contains("outcome=published");
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                        assertThat(filesUnder(home.resolve("archive"))).filteredOn(n -> n.startsWith("shared-")).hasSize(pages.size()));
                // every file archived, so each publication was acknowledged: none appears twice
                for (byte[] page : pages) {
                    assertThat(topic.pagesWithKey(PageFile.sha256(page))).hasSize(1);
                }
            }
        } finally {
            second.stop();
        }
    }

    @Test
    void contentPublishedBeforeARestartIsRecognisedAsADuplicateAfterIt() throws Exception {
        Path ownHome = Files.createTempDirectory(Path.of("target"), "restart-home-").toAbsolutePath();
        ServiceProcess instance = instance("restarted", ownHome);
        byte[] page = ("本报讯 9月4日，重启前后。\n" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        try (PagesTopic topic = new PagesTopic(bootstrapServers)) {
            instance.start(JdkLocator.locate(), 256, config("restarted", ownHome));
            instance.awaitReady();
            Files.write(ownHome.resolve("inbox/first.txt"), page);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(topic.pagesWithKey(PageFile.sha256(page))).hasSize(1));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(filesUnder(ownHome.resolve("archive"))).contains("first.txt"));
            instance.stop();

            instance.start(JdkLocator.locate(), 256, config("restarted", ownHome));
            instance.awaitReady();
            Files.write(ownHome.resolve("inbox/second-copy.txt"), page);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(filesUnder(ownHome.resolve("archive"))).contains("second-copy.txt", "second-copy.txt.duplicate.json"));
            // the duplicate is archived only after its content was checked against the published record: a wrong second
            // publication would come before that; the topic is watched a while longer all the same
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                    assertThat(topic.pagesWithKey(PageFile.sha256(page))).hasSize(1));
        } finally {
            instance.stop();
        }
    }

    private static ServiceProcess instance(String name, Path home) {
        return new ServiceProcess("ingest-" + name, JAR.toAbsolutePath(), FreePorts.next(), home.resolve("run"), home.resolve("logs"));
    }

    private Map<String, String> config(String instanceId, Path home) {
        return Map.of(
                "kafka.bootstrap.servers", bootstrapServers,
                "newsflow.home", home.toString(),
                "newsflow.ingest.instance-id", instanceId,
                "newsflow.ingest.min-file-age", "500ms");
    }

    private static List<String> filesUnder(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }
}
