package io.newsflow.localstack;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LocalStackIT {

    @Test
    void startsARealBrokerAndNodeWithTheTopicsAndStopsWithoutLeavingAProcess() throws Exception {
        Path stackDir = Path.of("target", "local-stack-it");
        LocalStack.stop(stackDir);
        FileTrees.deleteRecursively(stackDir);

        LocalStack stack = LocalStack.start(LocalStack.Options.onFreePorts(stackDir));
        long kafkaPid = stack.kafka().pid();
        long elasticsearchPid = stack.elasticsearch().pid();
        try {
            assertThat(LocalStack.running(stackDir)).contains(stack.endpoints());

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.endpoints().kafkaBootstrapServers()))) {
                Map<String, TopicDescription> topics = admin.describeTopics(
                        List.of("news.pages", "news.pages.dlq", "news.articles", "news.articles.dlq")).allTopicNames().get(30, TimeUnit.SECONDS);
                assertThat(topics.values()).allSatisfy(topic -> assertThat(topic.partitions()).hasSize(3));
                ConfigResource articles = new ConfigResource(ConfigResource.Type.TOPIC, "news.articles");
                assertThat(admin.describeConfigs(List.of(articles)).all().get(30, TimeUnit.SECONDS)
                        .get(articles).get("cleanup.policy").value()).isEqualTo("compact");
            }

            showsAndReplaysADeadLetter(stack.endpoints().kafkaBootstrapServers());

            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    stack.elasticsearch().request("/_cluster/health").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).containsPattern("\"status\":\"(green|yellow)\"");
            nodeWantsItsPasswordAndSearchServiceMayOnlyTouchTheArticleIndices(stack);
        } finally {
            LocalStack.stop(stackDir);
        }

        assertThat(ChildProcesses.isAlive(kafkaPid)).isFalse();
        assertThat(ChildProcesses.isAlive(elasticsearchPid)).isFalse();
        assertNoProcessLeft(stackDir);
    }

    @Test
    void startsOnlyThePartThatDiedAndLeavesTheOtherRunning() throws Exception {
        Path stackDir = Path.of("target", "local-stack-partial-it");
        LocalStack.stop(stackDir);
        FileTrees.deleteRecursively(stackDir);
        LocalStack.Options options = LocalStack.Options.onFreePorts(stackDir);
        LocalStack.Endpoints endpoints = LocalStack.start(options).endpoints();
        try {
            Map<String, Long> before = LocalStack.processes(stackDir);
            kill(before.get("elasticsearch"));

            assertThat(LocalStack.startMissing(options)).isEqualTo(endpoints);

            Map<String, Long> afterNode = LocalStack.processes(stackDir);
            assertThat(afterNode.get("kafka")).isEqualTo(before.get("kafka"));
            assertThat(afterNode.get("elasticsearch")).isNotEqualTo(before.get("elasticsearch"));
            assertThat(LocalStack.running(stackDir)).contains(endpoints);

            kill(afterNode.get("kafka"));

            assertThat(LocalStack.startMissing(options)).isEqualTo(endpoints);

            Map<String, Long> afterBroker = LocalStack.processes(stackDir);
            assertThat(afterBroker.get("elasticsearch")).isEqualTo(afterNode.get("elasticsearch"));
            assertThat(afterBroker.get("kafka")).isNotEqualTo(afterNode.get("kafka"));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers()))) {
                // the broker came back on its own data: the topics are still there
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("news.pages", "news.articles");
            }
        } finally {
            LocalStack.stop(stackDir);
        }
        assertNoProcessLeft(stackDir);
    }

    /** What {@code bin/newsflow topics} does with a record on a dead-letter topic. */
    /** Security is on as in production: no password, no answer; search-service's user is held to news-articles*. */
    private static void nodeWantsItsPasswordAndSearchServiceMayOnlyTouchTheArticleIndices(LocalStack stack) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String url = stack.endpoints().elasticsearchUrl();
        ElasticsearchUsers users = stack.elasticsearchUsers();
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(url + "/_cluster/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        String wrong = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (ElasticsearchUsers.SEARCH + ":not-the-password").getBytes(StandardCharsets.UTF_8));
        assertThat(http.send(HttpRequest.newBuilder(URI.create(url + "/_cluster/health")).header("Authorization", wrong).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

        String search = users.authorization(ElasticsearchUsers.SEARCH);
        HttpResponse<String> own = http.send(HttpRequest.newBuilder(URI.create(url + "/news-articles-it"))
                .header("Authorization", search).PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create(url + "/other-index"))
                .header("Authorization", search).PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).as(other.body()).isEqualTo(403);
        HttpResponse<String> users403 = http.send(HttpRequest.newBuilder(URI.create(url + "/_security/user"))
                .header("Authorization", search).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(users403.statusCode()).isEqualTo(403);

        for (Path file : List.of(users.passwordsFile(), users.searchServiceConfig())) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(Files.readString(users.searchServiceConfig()))
                .contains("quarkus.elasticsearch.username=" + ElasticsearchUsers.SEARCH)
                .contains("quarkus.elasticsearch.password=" + users.password(ElasticsearchUsers.SEARCH));
    }

    private static void showsAndReplaysADeadLetter(String bootstrap) throws Exception {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            ProducerRecord<String, String> letter = new ProducerRecord<>("news.pages.dlq", "page-key", "{\"text\":\"一页\"}");
            letter.headers().add("dead-letter-topic", "news.pages".getBytes(StandardCharsets.UTF_8));
            letter.headers().add("dead-letter-reason", "test reason".getBytes(StandardCharsets.UTF_8));
            kafka.produceStrings().fromRecords(letter).awaitCompletion(Duration.ofSeconds(30));

            ByteArrayOutputStream shown = new ByteArrayOutputStream();
            TopicTool tool = new TopicTool(bootstrap, new PrintStream(shown, true, StandardCharsets.UTF_8));

            assertThat(tool.run(List.of("show", "news.pages.dlq"))).isZero();
            assertThat(shown.toString(StandardCharsets.UTF_8)).contains("news.pages.dlq 0:0 key=page-key",
                    "dead-letter-reason: test reason", "{\"text\":\"一页\"}", "1 record(s)");

            assertThat(tool.run(List.of("replay", "news.pages.dlq", "0:0"))).isZero();
            try (ConsumerTask<String, String> pages = kafka.consumeStrings().fromTopics("news.pages")) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pages.getRecords())
                        .anySatisfy(record -> {
                            assertThat(record.key()).isEqualTo("page-key");
                            assertThat(record.value()).isEqualTo("{\"text\":\"一页\"}");
                        }));
            }
            assertThat(tool.run(List.of("drop", "news.pages.dlq"))).isEqualTo(2);
        }
    }

    /** SIGKILL, as a crash would end it, and wait until it is gone. */
    private static void kill(long pid) throws Exception {
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
    }

    private static void assertNoProcessLeft(Path stackDir) throws Exception {
        assertThat(ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(stackDir.toAbsolutePath().toString())))
                .isEmpty();
        assertThat(LocalStack.running(stackDir)).isEmpty();
    }
}
