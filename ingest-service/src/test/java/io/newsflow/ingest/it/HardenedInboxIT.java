package io.newsflow.ingest.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.ingest.budget.ByteBudget;
import io.newsflow.ingest.budget.PageMemory;
import io.newsflow.localstack.LocalStackResource;
import io.newsflow.model.NewsJson;
import io.newsflow.pagefiles.PageFile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** What testers put into the inbox and the upload endpoint to stall or exhaust ingest, and what becomes of it. */
@QuarkusTest
@QuarkusTestResource(FreshDataFolder.class)
@QuarkusTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = LocalStackResource.ELASTICSEARCH, value = "false"))
class HardenedInboxIT {
    @ConfigProperty(name = "newsflow.ingest.inbox")
    Path inbox;

    @ConfigProperty(name = "newsflow.ingest.archive")
    Path archive;

    @ConfigProperty(name = "newsflow.ingest.failed")
    Path failed;

    @ConfigProperty(name = "newsflow.ingest.processing")
    Path processing;

    @ConfigProperty(name = "newsflow.home")
    Path home;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    PageMemory memory;

    @TestHTTPResource("/")
    URL service;

    private PagesTopic pages;
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logLines.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() {
        pages = new PagesTopic(bootstrapServers);
        Logger.getLogger("io.newsflow.ingest").addHandler(logCapture);
        TestUsers.sendByDefaultAs("ingest");
    }

    @AfterEach
    void stop() {
        TestUsers.sendNoCredentialsByDefault();
        Logger.getLogger("io.newsflow.ingest").removeHandler(logCapture);
        pages.close();
    }

    @Test
    void aFifoNamedLikeASidecarGoesToFailedWithItsPageWhileIngestGoesOnAndStaysReady() throws Exception {
        String name = "fifo-" + UUID.randomUUID();
        mkfifo(inbox.resolve(name + ".json"));
        Files.write(inbox.resolve(name + ".txt"), page("本报讯 先来的页。"));
        byte[] after = page("本报讯 后来的页。");
        Files.write(inbox.resolve("after-" + UUID.randomUUID() + ".txt"), after);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(pages.pagesWithKey(PageFile.sha256(after))).hasSize(1));
        JsonNode report = awaitReport(name + ".txt");
        assertThat(report.get("reason").asText()).isEqualTo("sidecar");
        assertThat(report.get("message").asText()).contains("FIFO").contains("not opened");
        assertThat(Files.exists(failed.resolve(name + ".json"), LinkOption.NOFOLLOW_LINKS)).as("the FIFO went along").isTrue();
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'inbox-scan' }.status", equalTo("UP"));
    }

    @Test
    void oversizedSidecarsAndSidecarsLinkedToDevicesAreRefusedUnread() throws Exception {
        String big = "big-" + UUID.randomUUID();
        try (RandomAccessFile sidecar = new RandomAccessFile(inbox.resolve(big + ".json").toFile(), "rw")) {
            sidecar.setLength(20L * 1024 * 1024); // 20 MB
        }
        Files.write(inbox.resolve(big + ".txt"), page("本报讯 大附件。"));
        String zero = "zero-" + UUID.randomUUID();
        Files.createSymbolicLink(inbox.resolve(zero + ".json"), Path.of("/dev/zero"));
        Files.write(inbox.resolve(zero + ".txt"), page("本报讯 零设备。"));

        assertThat(awaitReport(big + ".txt").get("message").asText()).contains("more than the maximum of 65536");
        JsonNode linked = awaitReport(zero + ".txt");
        assertThat(linked.get("reason").asText()).isEqualTo("sidecar");
        assertThat(linked.get("message").asText()).contains("symbolic link");
    }

    @Test
    void pageFilesThatAreLinksOrFifosGoToFailedUnopened() throws Exception {
        Path outside = Files.write(home.resolve("outside-" + UUID.randomUUID() + ".txt"), page("本报讯 外面的文件。"));
        String link = "link-" + UUID.randomUUID() + ".txt";
        Files.createSymbolicLink(inbox.resolve(link), outside);
        String fifo = "fifo-page-" + UUID.randomUUID() + ".txt";
        mkfifo(inbox.resolve(fifo));

        JsonNode linkReport = awaitReport(link);
        assertThat(linkReport.get("reason").asText()).isEqualTo("not-regular-file");
        assertThat(linkReport.get("detectedType").asText()).isEqualTo("symbolic link");
        assertThat(awaitReport(fifo).get("detectedType").asText()).isEqualTo("FIFO, device or socket");
        assertThat(Files.isSymbolicLink(failed.resolve(link))).isTrue();
        assertThat(outside).exists();
        assertThat(pages.pagesWithKey(PageFile.sha256(Files.readAllBytes(outside)))).isEmpty();
    }

    @Test
    void aFileWithA255ByteNameIsPublishedAndArchivedInsteadOfStuckInProcessing() throws Exception {
        String id = UUID.randomUUID().toString();
        String name = "n".repeat(255 - id.length() - ".txt".length()) + id + ".txt";
        assertThat(name.getBytes(StandardCharsets.UTF_8)).hasSize(255);
        byte[] bytes = page("本报讯 长名字。");
        Files.write(inbox.resolve(name), bytes);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<JsonNode> published = pages.pagesWithKey(PageFile.sha256(bytes));
            assertThat(published).hasSize(1);
            assertThat(published.get(0).get("fileName").asText()).isEqualTo(name);
            // archived under a shortened name that leaves room for a ".duplicate.json" note
            assertThat(filesUnder(archive)).anyMatch(p -> p.getFileName().toString().startsWith("nnnnn") && hasContent(p, bytes));
            assertThat(filesUnder(processing)).noneMatch(p -> p.getFileName().toString().startsWith("nnnnn"));
        });
    }

    @Test
    void implausibleIssueDatesAreRefusedWhereTheyEnter() throws Exception {
        List<String> dates = List.of("+999999999-12-31", "0000-01-01", "-0001-01-01", "9999-12-31");
        List<String> names = new java.util.ArrayList<>();
        for (String date : dates) {
            String name = "date-" + UUID.randomUUID();
            names.add(name);
            Files.writeString(inbox.resolve(name + ".json"), "{\"issueDate\":\"" + date + "\"}");
            Files.write(inbox.resolve(name + ".txt"), page("本报讯 日期不可信：" + date));
        }
        String future = "page-2099-12-31-" + UUID.randomUUID() + ".txt";
        Files.write(inbox.resolve(future), page("本报讯 未来。"));

        for (String name : names) {
            JsonNode report = awaitReport(name + ".txt");
            assertThat(report.get("reason").asText()).isEqualTo("issue-date");
            assertThat(report.get("message").asText()).contains("from the sidecar is outside the plausible range 1900-01-01 to");
        }
        assertThat(awaitReport(future).get("message").asText()).contains("from the file name");
        for (String date : dates) {
            given().contentType("text/plain").body(page("本报讯 上传。")).queryParam("issueDate", date)
                    .when().post("/api/pages")
                    .then().statusCode(400).body("error", containsString("outside the plausible range"));
        }
    }

    @Test
    void anEmptyOrMalformedSidecarFailsItsPageWithTheReasonInsteadOfFallingBackToTheModificationDate() throws Exception {
        String empty = "empty-sidecar-" + UUID.randomUUID();
        Files.writeString(inbox.resolve(empty + ".json"), "");
        Files.write(inbox.resolve(empty + ".txt"), page("本报讯 空附件。"));
        String malformed = "malformed-sidecar-" + UUID.randomUUID();
        Files.writeString(inbox.resolve(malformed + ".txt.json"), "{\"issueDate\": 2024-09-06");
        Files.write(inbox.resolve(malformed + ".txt"), page("本报讯 坏附件。"));

        assertThat(awaitReport(empty + ".txt").get("message").asText()).isEqualTo(
                "the sidecar is empty; it must be JSON like {\"issueDate\":\"2024-09-06\"}");
        assertThat(awaitReport(malformed + ".txt").get("reason").asText()).isEqualTo("sidecar");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(logLines).anyMatch(line -> line.contains("file=\"" + empty + ".txt\" outcome=failed reason=sidecar")));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("newsflow_ingest_files_failed_total{reason=\"sidecar\"}"));
    }

    @Test
    void namesWithLineBreaksOrTerminalEscapesAreEscapedInTheLog() throws Exception {
        String id = UUID.randomUUID().toString();
        String name = "forged-" + id + "\n2024-01-01 INFO all is well \u001b[31mred.txt";
        byte[] bytes = page("本报讯 怪名字。");
        Files.write(inbox.resolve(name), bytes);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(pages.pagesWithKey(PageFile.sha256(bytes))).hasSize(1);
            assertThat(logLines).anyMatch(line -> line.contains("forged-" + id + "\\n2024-01-01 INFO all is well \\u001b[31mred.txt"));
        });
        assertThat(logLines).filteredOn(line -> line.contains(id)).noneMatch(line -> line.contains("\n") || line.contains("\u001b"));
    }

    @Test
    void badContentTypesAndMultipartBodiesAreAnsweredWithAJsonMessage() {
        assertJsonError(given().contentType("garbage").body(new byte[]{1}).when().post("/api/pages").then().extract(), 415);
        assertJsonError(given().contentType("image/png").body(new byte[]{1, 2}).when().post("/api/pages").then().extract(), 415);
        assertJsonError(given().contentType("multipart/form-data; boundary=expected")
                .body("--other\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\npage\r\n--other--\r\n"
                        .getBytes(StandardCharsets.UTF_8))
                .when().post("/api/pages").then().extract(), 400);
        assertJsonError(given().contentType("multipart/form-data").body("no boundary at all".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/pages").then().extract(), 400);
    }

    @Test
    void aBodyOverTheLimitsIsRefusedWith413() {
        // over max-file-size (64 KB in tests) and over quarkus.http.limits.max-body-size (1 MB in tests)
        for (int size : new int[]{100 * 1024, 2 * 1024 * 1024}) {
            given().contentType("text/plain").body("本".repeat(size / 3).getBytes(StandardCharsets.UTF_8)).when().post("/api/pages")
                    .then().statusCode(413);
        }
        assertThat(memory.budget().used()).isZero();
    }

    @Test
    void uploadsBeyondTheMemoryBudgetAreAnswered503WithRetryAfterAndAcceptedOnceThereIsRoom() throws Exception {
        byte[] bytes = page("本报讯 服务正忙。");
        ByteBudget.Permit everything = memory.tryAcquire(memory.budget().capacity() - memory.budget().used()).orElseThrow();
        try {
            given().contentType("text/plain").body(bytes).when().post("/api/pages")
                    .then().statusCode(503).header("Retry-After", "1").body("error", containsString("send the page again"));
        } finally {
            everything.close();
        }
        given().contentType("text/plain").body(bytes).when().post("/api/pages").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(pages.pagesWithKey(PageFile.sha256(bytes))).hasSize(1));
        // the worker gives its permit back once the file is archived, a moment after Kafka has the page
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(memory.budget().used()).isZero());
    }

    @Test
    void theClientsFileNameIsNeverUsedAsAPathButKeptAsANote() throws Exception {
        byte[] bytes = page("本报讯 上传的名字。");
        String evil = "../../outside \u001b[31m.txt"; // hostile input, not a path of the project

        String stored = given().multiPart("file", evil, bytes, "text/plain").multiPart("issueDate", "2024-09-03")
                .when().post("/api/pages")
                .then().statusCode(202).body("fileName", startsWith("upload-")).body("originalName", equalTo(evil))
                .extract().path("fileName");

        JsonNode page = await().atMost(Duration.ofSeconds(20)).until(() -> pages.pagesWithKey(PageFile.sha256(bytes)),
                found -> found.size() == 1).get(0);
        assertThat(page.get("fileName").asText()).isEqualTo(stored);
        assertThat(page.get("issueDate").asText()).isEqualTo("2024-09-03");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Path sidecar = filesUnder(archive).stream().filter(p -> p.getFileName().toString().equals(stored.replace(".txt", ".json")))
                    .findFirst().orElseThrow();
            assertThat(NewsJson.mapper().readTree(sidecar.toFile()).get("originalName").asText()).isEqualTo(evil);
        });
        assertThat(home.getParent().getParent().resolve("outside \u001b[31m.txt")).doesNotExist();
        assertThat(logLines).filteredOn(line -> line.contains("outside")).noneMatch(line -> line.contains("\u001b"))
                .anyMatch(line -> line.contains("upload=\"../../outside \\u001b[31m.txt\"")); // hostile input, not a path of the project
    }

    /** Quarkus's read timeout bounds each wait for more bytes only: 100 bytes a second for 45 s were accepted. */
    @Test
    void aSlowUploadIsAnswered408AfterTheReadTimeoutAndLeavesNothingBehind() throws Exception {
        byte[] bytes = page("本报讯 一页慢慢上传的稿子。" + "内容".repeat(150)); // about 9 s at 100 bytes a second
        long started = System.nanoTime();

        String answer = sendSlowly("text/plain", "?issueDate=2024-09-06", bytes);

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(answer).startsWith("HTTP/1.1 408").contains("\"status\":408").contains("newsflow.ingest.upload-read-timeout");
        assertThat(took).as("cut off after the test profile's 2 s").isBetween(Duration.ofSeconds(2), Duration.ofSeconds(7));
        assertLeftNothingBehind(bytes);
        // the service takes the next upload as ever
        given().contentType("text/plain").body(page("本报讯 慢的之后快的。")).queryParam("issueDate", "2024-09-06")
                .when().post("/api/pages").then().statusCode(202);
    }

    @Test
    void aSlowMultipartUploadIsAnswered408Too() throws Exception {
        byte[] bytes = page("本报讯 一页慢慢上传的表单。" + "内容".repeat(150));
        java.io.ByteArrayOutputStream form = new java.io.ByteArrayOutputStream();
        form.writeBytes(("--slow\r\nContent-Disposition: form-data; name=\"file\"; filename=\"page.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        form.writeBytes(bytes);
        form.writeBytes("\r\n--slow--\r\n".getBytes(StandardCharsets.UTF_8));

        String answer = sendSlowly("multipart/form-data; boundary=slow", "", form.toByteArray());

        assertThat(answer).startsWith("HTTP/1.1 408").contains("newsflow.ingest.upload-read-timeout");
        assertLeftNothingBehind(bytes);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(logLines)
                .anyMatch(line -> line.contains("upload outcome=refused reason=read-timeout")));
        assertThat(logLines).noneMatch(line -> line.contains("outcome=failed errorId"));
    }

    /** Sends an upload as a slow client does, 10 bytes every 100 ms, and returns what the server answered. */
    private String sendSlowly(String contentType, String query, byte[] body) throws Exception {
        String head = "POST /api/pages" + query + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                + Base64.getEncoder().encodeToString(("ingest:" + TestUsers.password("ingest")).getBytes(StandardCharsets.UTF_8))
                + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        try (Socket socket = new Socket(service.getHost(), service.getPort())) {
            socket.setSoTimeout(20_000);
            // the answer is read as it comes, so a reset after it (the client writing on) cannot lose it
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> readUntilClosed(socket));
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            try {
                for (int sent = 0; sent < body.length && !received.isDone(); sent += 10) {
                    out.write(body, sent, Math.min(10, body.length - sent));
                    out.flush();
                    Thread.sleep(100); // the client's pace, not a wait for the server
                }
            } catch (java.net.SocketException closedByTheServer) {
                // the server closed the connection after its answer
            }
            return new String(received.get(20, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        }
    }

    private void assertLeftNothingBehind(byte[] bytes) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try (Stream<Path> files = Files.list(inbox)) {
                assertThat(files).as("nothing of the cut-off upload in the inbox").noneMatch(file -> file.getFileName().toString().contains("upload-"));
            }
            assertThat(memory.budget().used()).isZero();
        });
        assertThat(pages.pagesWithKey(PageFile.sha256(bytes))).isEmpty();
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("newsflow_ingest_uploads_refused_total{reason=\"408\"}"));
    }

    @Test
    void anEmptyIssueDateIsRefusedInsteadOfDatingThePageByTheUpload() {
        byte[] bytes = page("本报讯 空的日期。");

        given().contentType("text/plain").body(bytes).queryParam("issueDate", "")
                .when().post("/api/pages")
                .then().statusCode(400).body("error", startsWith("issueDate is empty"));
        // an empty form field, written out: an HTTP client may leave an empty part out
        java.io.ByteArrayOutputStream form = new java.io.ByteArrayOutputStream();
        form.writeBytes(("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"page.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        form.writeBytes(bytes);
        form.writeBytes("\r\n--b\r\nContent-Disposition: form-data; name=\"issueDate\"\r\n\r\n\r\n--b--\r\n".getBytes(StandardCharsets.UTF_8));
        given().contentType("multipart/form-data; boundary=b").body(form.toByteArray())
                .when().post("/api/pages")
                .then().statusCode(400).body("error", startsWith("issueDate is empty"));
        given().contentType("text/plain").body(bytes).queryParam("issueDate", "  ")
                .when().post("/api/pages")
                .then().statusCode(400).body("error", startsWith("issueDate is empty"));
    }

    /** An inbox replaced by a regular file was once taken for a page of itself and moved to failed/inbox. */
    @Test
    void anInboxThatIsNoFolderMakesIngestNotReadyMovesNothingAndIngestCarriesOnOnceItIsAFolderAgain() throws Exception {
        Path away = inbox.resolveSibling("inbox-away-" + UUID.randomUUID());
        Files.move(inbox, away);
        try {
            Files.write(inbox, page("本报讯 收件箱成了一个文件。"));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'inbox-scan' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'inbox-scan' }.data.reason",
                            equalTo("inbox \"" + inbox + "\" is a regular file, not a folder: nothing is taken until it is one")));
            given().contentType("text/plain").body(page("本报讯 收件箱不在时上传。")).when().post("/api/pages")
                    .then().statusCode(503).body("error", containsString("the inbox is not a folder"));
            // several rescans (one a second) later, still nothing moved
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(inbox).isRegularFile();
                assertThat(failed.resolve("inbox")).doesNotExist();
                assertThat(filesUnder(processing)).noneMatch(file -> file.getFileName().toString().equals("inbox"));
            });
            assertThat(logLines).anyMatch(line -> line.contains("outcome=not-ready") && line.contains("is a regular file, not a folder"));
        } finally {
            // a new folder in its place, with what the old one held
            Files.deleteIfExists(inbox);
            Files.createDirectory(inbox);
            try (Stream<Path> left = Files.list(away)) {
                for (Path entry : left.toList()) {
                    Files.move(entry, inbox.resolve(entry.getFileName()));
                }
            }
            Files.delete(away);
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'inbox-scan' }.status", equalTo("UP")));
        byte[] after = page("本报讯 收件箱又是文件夹了。");
        Files.write(inbox.resolve("after-" + UUID.randomUUID() + ".txt"), after);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(pages.pagesWithKey(PageFile.sha256(after))).hasSize(1));
    }

    private static byte[] readUntilClosed(Socket socket) {
        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            InputStream in = socket.getInputStream();
            for (int read; (read = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, read);
            }
        } catch (java.io.IOException e) {
            // reset after the answer: what came before it is kept
        }
        return received.toByteArray();
    }

    private static boolean hasContent(Path file, byte[] bytes) {
        try {
            return java.util.Arrays.equals(Files.readAllBytes(file), bytes);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void assertJsonError(ExtractableResponse<Response> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body().asString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode body = answer.as(JsonNode.class);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("error").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("/work").doesNotContain("\tat ");
    }

    private JsonNode awaitReport(String name) {
        return await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            Path report = failed.resolve(name + ".error.json");
            return Files.exists(report) && Files.exists(failed.resolve(name), LinkOption.NOFOLLOW_LINKS)
                    ? NewsJson.mapper().readTree(report.toFile()) : null;
        }, java.util.Objects::nonNull);
    }

    private static byte[] page(String text) {
        return (text + "\n" + UUID.randomUUID() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void mkfifo(Path path) throws Exception {
        assertThat(new ProcessBuilder("mkfifo", path.toString()).start().waitFor()).isZero();
    }

    private static List<Path> filesUnder(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList();
        }
    }
}
