package io.newsflow.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.localstack.ChildProcesses;
import io.newsflow.localstack.Credentials;
import io.newsflow.localstack.ElasticsearchUsers;
import io.newsflow.localstack.FileTrees;
import io.newsflow.localstack.FreePorts;
import io.newsflow.localstack.LocalStack;
import io.newsflow.localstack.NewsflowSystem;
import io.newsflow.localstack.ServiceProcess;
import io.newsflow.model.NewsJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton end to end, the way {@code bin/newsflow up} runs it: a page dropped into the inbox is
 * found through the search API, having passed through the real Kafka broker and the real Elasticsearch node.
 */
class EndToEndIT {
    private static final Path SAMPLES = Path.of(System.getProperty("newsflow.samples"));
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static NewsflowSystem system;
    private static final List<Long> pids = new ArrayList<>();

    @BeforeAll
    static void startTheSystem() throws Exception {
        Path home = Path.of("target", "e2e-home").toAbsolutePath();
        system = new NewsflowSystem(new NewsflowSystem.Options(home, Path.of(System.getProperty("newsflow.repository")),
                FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next()));
        system.down(); // a run killed before its clean-up left processes behind
        FileTrees.deleteRecursively(home);
        system.up();
        for (ServiceProcess service : system.services()) {
            pids.add(service.runningPid().orElseThrow());
        }
    }

    @AfterAll
    static void stopTheSystem() throws IOException {
        if (system != null) {
            system.down();
            assertThat(pids).noneMatch(ChildProcesses::isAlive);
            assertThat(system.status()).allMatch(line -> line.contains("stopped"));
            noSecretInTheLogs();
        }
    }

    /** After the whole run, shutdown included: no generated password (nor its hash) in any log of the system. */
    private static void noSecretInTheLogs() throws IOException {
        Credentials credentials = system.credentials();
        List<String> secrets = new ArrayList<>();
        for (String user : credentials.users()) {
            secrets.add(credentials.password(user));
        }
        Files.readAllLines(credentials.usersFile()).stream().filter(line -> line.contains("="))
                .forEach(line -> secrets.add(line.substring(line.indexOf('=') + 1)));
        ElasticsearchUsers elasticsearch = LocalStack.elasticsearchUsers(system.options().stackDir()).orElseThrow();
        secrets.add(elasticsearch.password(ElasticsearchUsers.ADMIN));
        secrets.add(elasticsearch.password(ElasticsearchUsers.SEARCH));
        List<Path> logs = new ArrayList<>();
        try (var files = Files.walk(system.options().home().resolve("logs"))) {
            files.filter(Files::isRegularFile).forEach(logs::add);
        }
        // the broker's and the node's own logs too (not their data)
        try (var files = Files.walk(system.options().stackDir())) {
            files.filter(Files::isRegularFile)
                    .filter(file -> file.getParent().getFileName().toString().equals("logs") || file.toString().endsWith(".log"))
                    .forEach(logs::add);
        }
        assertThat(logs).isNotEmpty();
        assertThat(logs).anyMatch(log -> log.startsWith(system.options().stackDir()));
        for (Path log : logs) {
            String text = new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1);
            // the secret itself is never shown by a failing assertion
            assertThat(secrets.stream().filter(text::contains).count()).as("secrets found in %s", log).isZero();
        }
    }

    @Test
    void uploadingAPageNeedsTheGeneratedIngestCredential() throws Exception {
        Credentials credentials = system.credentials();
        byte[] page = ("本报讯 上传测试 " + java.util.UUID.randomUUID() + "。").getBytes(StandardCharsets.UTF_8);
        String url = "http://127.0.0.1:" + system.options().ingestPort() + "/api/pages?issueDate=2024-01-02";

        HttpResponse<String> anonymous = HTTP.send(upload(url, page).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWithIgnoringCase("basic realm="));
        String basic = java.util.Base64.getEncoder().encodeToString(
                ("ingest:" + credentials.password("ingest")).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> accepted = HTTP.send(upload(url, page).header("Authorization", "Basic " + basic).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String fileName = NewsJson.mapper().readTree(accepted.body()).path("fileName").asText();
        // taken from the inbox like a dropped file (the other test expects an empty inbox in the end)
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(system.options().inbox().resolve(fileName)));
    }

    private static HttpRequest.Builder upload(String url, byte[] page) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(page));
    }

    @Test
    void everyPartListensOnTheLoopbackInterfaceOnly() throws Exception {
        List<Long> all = new ArrayList<>(pids);
        all.addAll(LocalStack.processes(system.options().stackDir()).values());
        List<ListeningSockets.Listener> listeners = new ArrayList<>();
        for (long pid : all) {
            listeners.addAll(ListeningSockets.of(pid));
        }

        // the broker (client and controller port), the node (HTTP and transport) and the three services
        assertThat(listeners).extracting(ListeningSockets.Listener::pid).containsAll(all);
        assertThat(listeners).as("listening sockets").allMatch(ListeningSockets.Listener::loopback);
    }

    @Test
    void aPageDroppedIntoTheInboxBecomesSearchableArticles() throws Exception {
        Path sample = SAMPLES.resolve("000_d79d82bd7f5a9708.txt");
        byte[] bytes = Files.readAllBytes(sample);
        String pageId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);

        Files.copy(sample, system.options().inbox().resolve("2023-12-21_" + sample.getFileName()));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode result = search("杜小刚");
            List<String> ids = new ArrayList<>();
            result.path("hits").forEach(hit -> ids.add(hit.path("id").asText()));
            // the page's three articles all name him (once across a line break in the file)
            assertThat(ids).containsExactlyInAnyOrder(pageId + "-1", pageId + "-2", pageId + "-3");
        });

        JsonNode taihu = search("太湖综合治理");
        assertThat(taihu.path("hits").get(0).path("id").asText()).isEqualTo(pageId + "-3");
        assertThat(taihu.path("hits").get(0).path("eventDate").asText()).isEqualTo("2023-12-20");
        assertThat(taihu.path("hits").get(0).path("reporters").toString()).isEqualTo("[\"高美梅\",\"惠晓婧\"]");
        assertThat(Files.list(system.options().inbox())).isEmpty();

        // the enrichment's tags arrive in the index: a person filter, the category, the persons facet
        JsonNode withMaLiang = get("/api/search?person=" + URLEncoder.encode("马良", StandardCharsets.UTF_8));
        assertThat(withMaLiang.path("hits")).extracting(hit -> hit.path("id").asText()).containsExactly(pageId + "-3");
        assertThat(withMaLiang.path("hits").get(0).path("category").asText()).isEqualTo("environment");
        JsonNode all = search("杜小刚");
        assertThat(all.path("facets").path("persons")).anySatisfy(facet -> {
            assertThat(facet.path("value").asText()).isEqualTo("杜小刚");
            assertThat(facet.path("count").asInt()).isEqualTo(3);
        });
    }

    private static JsonNode search(String q) throws IOException, InterruptedException {
        return get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    }

    private static JsonNode get(String path) throws IOException, InterruptedException {
        String url = "http://127.0.0.1:" + system.options().searchPort() + path;
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return NewsJson.mapper().readTree(response.body());
    }
}
