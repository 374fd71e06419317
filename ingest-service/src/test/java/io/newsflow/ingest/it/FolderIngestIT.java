package io.newsflow.ingest.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.localstack.LocalStackResource;
import io.newsflow.model.NewsJson;
import io.newsflow.pagefiles.PageFile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(FreshDataFolder.class)
@QuarkusTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = LocalStackResource.ELASTICSEARCH, value = "false"))
class FolderIngestIT {
    private static final Path SAMPLE = Path.of(System.getProperty("newsflow.samples"), "000_d79d82bd7f5a9708.txt");

    @ConfigProperty(name = "newsflow.ingest.inbox")
    Path inbox;

    @ConfigProperty(name = "newsflow.ingest.archive")
    Path archive;

    @ConfigProperty(name = "newsflow.ingest.failed")
    Path failed;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private PagesTopic pages;

    @BeforeEach
    void readPages() {
        pages = new PagesTopic(bootstrapServers);
        TestUsers.sendByDefaultAs("ingest");
    }

    @AfterEach
    void closePages() {
        TestUsers.sendNoCredentialsByDefault();
        pages.close();
    }

    @Test
    void publishesADroppedPageToKafkaAndArchivesTheFileAfterTheAck() throws Exception {
        byte[] bytes = unique(Files.readString(SAMPLE)).getBytes(StandardCharsets.UTF_8);
        String fileName = "wuxi-2023-12-21-p1-" + UUID.randomUUID() + ".txt";

        Files.write(inbox.resolve(fileName), bytes);

        JsonNode page = awaitSinglePage(PageFile.sha256(bytes));
        assertThat(page.get("fileName").asText()).isEqualTo(fileName);
        assertThat(page.get("issueDate").asText()).isEqualTo("2023-12-21");
        assertThat(page.get("issueDateSource").asText()).isEqualTo("filename");
        assertThat(page.get("charset").asText()).isEqualTo("UTF-8");
        assertThat(page.get("sizeBytes").asLong()).isEqualTo(bytes.length);
        assertThat(page.get("text").asText()).contains("杜\n小刚");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(inbox.resolve(fileName)).doesNotExist();
            assertThat(archived(fileName)).singleElement().satisfies(p -> assertThat(p).hasBinaryContent(bytes));
        });
    }

    /** The scan loop hands out files as the workers free up, not a handful per tick of a once-a-second scheduler. */
    @Test
    void aFullInboxIsTakenAsFastAsTheWorkersGo() throws Exception {
        Path staging = Files.createDirectories(Path.of("target", "staging-" + UUID.randomUUID()));
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String name = "flood-2023-12-21-" + i + "-" + UUID.randomUUID() + ".txt";
            Path file = Files.writeString(staging.resolve(name), unique(Files.readString(SAMPLE)));
            // finished long ago: settled from the first scan, so only the hand-out paces them
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(60)));
            names.add(name);
        }
        long started = System.nanoTime();
        for (String name : names) {
            Files.move(staging.resolve(name), inbox.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(names).allSatisfy(name -> assertThat(archived(name)).hasSize(1)));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        // four workers handed out four a second took at least 9 s for 40 files
        assertThat(took).as("40 settled files archived").isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void takesIssueDatesFromSubfoldersAndSidecars() throws Exception {
        byte[] inFolder = unique("本报讯 9月5日，").getBytes(StandardCharsets.UTF_8);
        byte[] withSidecar = unique("本报讯 9月4日，").getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(inbox.resolve("wuxi/2024-09-06"));
        Files.write(inbox.resolve("wuxi/2024-09-06/front.txt"), inFolder);
        Files.writeString(inbox.resolve("scan-" + UUID.randomUUID() + ".json"), "{}"); // a sidecar of nothing is no page
        String name = "scan-" + UUID.randomUUID();
        Files.writeString(inbox.resolve(name + ".txt.json"), "{\"issueDate\":\"2024-09-05\"}");
        Files.write(inbox.resolve(name + ".txt"), withSidecar);

        JsonNode fromFolder = awaitSinglePage(PageFile.sha256(inFolder));
        JsonNode fromSidecar = awaitSinglePage(PageFile.sha256(withSidecar));

        assertThat(fromFolder.get("issueDate").asText()).isEqualTo("2024-09-06");
        assertThat(fromFolder.get("issueDateSource").asText()).isEqualTo("folder");
        assertThat(fromSidecar.get("issueDate").asText()).isEqualTo("2024-09-05");
        assertThat(fromSidecar.get("issueDateSource").asText()).isEqualTo("sidecar");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(archived(name + ".txt.json")).hasSize(1));
    }

    @Test
    void decodesGbkUtf16AndByteOrderMarkFilesToTheSameText() throws Exception {
        String text = unique(Files.readString(SAMPLE).substring(0, 400));
        Map<String, byte[]> files = Map.of(
                "gbk", text.getBytes(Charset.forName("GBK")),
                "utf16le", concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE)),
                "utf16be", concat(new byte[]{(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE)),
                "utf8bom", concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8)));
        for (var file : files.entrySet()) {
            Files.write(inbox.resolve(file.getKey() + "-" + UUID.randomUUID() + ".txt"), file.getValue());
        }

        Map<String, String> charsets = Map.of("gbk", "GB18030", "utf16le", "UTF-16LE", "utf16be", "UTF-16BE", "utf8bom", "UTF-8");
        for (var file : files.entrySet()) {
            JsonNode page = awaitSinglePage(PageFile.sha256(file.getValue()));
            assertThat(page.get("text").asText()).as(file.getKey()).isEqualTo(text);
            assertThat(page.get("charset").asText()).as(file.getKey()).isEqualTo(charsets.get(file.getKey()));
        }
    }

    @Test
    void movesBinaryEmptyAndOversizedFilesToFailedWithTheirReasons() throws Exception {
        String id = UUID.randomUUID().toString();
        Files.write(inbox.resolve("binary-" + id + ".txt"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0x0D, (byte) 0xFF});
        Files.write(inbox.resolve("empty-" + id + ".txt"), new byte[0]);
        Files.writeString(inbox.resolve("huge-" + id + ".txt"), "本报讯".repeat(30_000)); // 270 KB > the test limit of 64 KB

        Map<String, String> reasons = Map.of("binary-", "binary", "empty-", "empty", "huge-", "too-large");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            for (var expected : reasons.entrySet()) {
                Path file = failed.resolve(expected.getKey() + id + ".txt");
                assertThat(file).exists();
                JsonNode report = NewsJson.mapper().readTree(failed.resolve(file.getFileName() + ".error.json").toFile());
                assertThat(report.get("reason").asText()).isEqualTo(expected.getValue());
                assertThat(report.get("message").asText()).isNotBlank();
                assertThat(report.get("sizeBytes").asLong()).isEqualTo(Files.size(file));
                assertThat(report.has("detectedType")).isTrue();
                assertThat(report.has("time")).isTrue();
            }
        });
        given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("newsflow_ingest_files_failed_total{reason=\"too-large\"}"));
    }

    /** A Big5 page was read as GB18030 into mojibake and published; English and one-character pages gave 0 articles. */
    @Test
    void decodesBig5PagesAndRefusesTextThatIsNoPlausibleChinesePageWithTheReason() throws Exception {
        Charset big5 = Charset.forName("Big5");
        String sample = Files.readString(SAMPLE);
        String traditional = unique(representable(sample.substring(0, 600), big5));
        byte[] big5Page = traditional.getBytes(big5);
        String id = UUID.randomUUID().toString();
        Files.write(inbox.resolve("big5-" + id + ".txt"), big5Page);
        // the sample's UTF-8 read as GBK and saved again: mojibake
        Files.write(inbox.resolve("mojibake-" + id + ".txt"),
                new String(sample.getBytes(StandardCharsets.UTF_8), Charset.forName("GB18030")).getBytes(StandardCharsets.UTF_8));
        Files.write(inbox.resolve("english-" + id + ".txt"), unique("""
                Wuxi and Lianyungang signed a strategic cooperation agreement in Nanjing on the afternoon of
                December 20; the governor attended and witnessed the signing.""").getBytes(StandardCharsets.UTF_8));
        Files.writeString(inbox.resolve("short-" + id + ".txt"), "中\n");

        JsonNode page = awaitSinglePage(PageFile.sha256(big5Page));
        assertThat(page.get("charset").asText()).isEqualTo("Big5");
        assertThat(page.get("text").asText()).isEqualTo(traditional);
        Map<String, String> reasons = Map.of("mojibake-", "implausible-text", "english-", "not-chinese", "short-", "too-short");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            for (var expected : reasons.entrySet()) {
                Path report = failed.resolve(expected.getKey() + id + ".txt.error.json");
                assertThat(report).exists();
                assertThat(NewsJson.mapper().readTree(report.toFile()).get("reason").asText()).isEqualTo(expected.getValue());
            }
        });
        given().contentType("text/plain").body("Wuxi and Lianyungang signed an agreement.".getBytes(StandardCharsets.UTF_8))
                .queryParam("issueDate", "2023-12-21")
                .when().post("/api/pages")
                .then().statusCode(400).body("error", startsWith("the text is hardly Chinese"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("newsflow_ingest_files_failed_total{reason=\"not-chinese\"}"));
    }

    /** A file time of 1970 (a clock never set) was taken for the issue date 1970-01-01. */
    @Test
    void aPageWhoseOnlyDateIsAnUnsetModificationTimeIsPublishedWithoutAnIssueDate() throws Exception {
        byte[] bytes = unique("本报讯 12月20日，一页没有日期的稿子。").getBytes(StandardCharsets.UTF_8);
        Path staging = Files.createDirectories(Path.of("target", "staging-" + UUID.randomUUID()));
        String name = "no-date-" + UUID.randomUUID() + ".txt";
        Path file = Files.write(staging.resolve(name), bytes);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0));

        Files.move(file, inbox.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);

        JsonNode page = awaitSinglePage(PageFile.sha256(bytes));
        assertThat(page.path("issueDate").isNull() || page.path("issueDate").isMissingNode()).as(page.toString()).isTrue();
        assertThat(page.path("issueDateSource").isNull() || page.path("issueDateSource").isMissingNode()).as(page.toString()).isTrue();
    }

    @Test
    void doesNotTakeAFileWhileItIsStillBeingWritten() throws Exception {
        String text = unique(Files.readString(SAMPLE));
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String name = "slow-" + UUID.randomUUID() + ".txt";
        int chunks = 8;
        int chunk = bytes.length / chunks + 1;
        // a writer that pauses 300 ms between chunks, less than the minimum age of 500 ms, for ~2.4 s in all; the
        // file is watched all through each pause (not only at its end): it must never leave the inbox half-written
        try (OutputStream out = Files.newOutputStream(inbox.resolve(name))) {
            for (int offset = 0; offset < bytes.length; offset += chunk) {
                out.write(bytes, offset, Math.min(chunk, bytes.length - offset));
                out.flush();
                await().during(Duration.ofMillis(300)).atMost(Duration.ofMillis(450))
                        .untilAsserted(() -> assertThat(inbox.resolve(name)).as("taken while being written").exists());
            }
        }

        JsonNode page = awaitSinglePage(PageFile.sha256(bytes));
        assertThat(page.get("text").asText()).isEqualTo(text);
        assertThat(pages.all()).noneMatch(record -> record.value().contains(name) && !PageFile.sha256(bytes).equals(record.key()));
    }

    @Test
    void acceptsPagesOverHttpLikeDroppedFiles() throws Exception {
        String text = unique("本报讯 9月4日，市委书记杜小刚主持召开会议。（高美梅）");
        String sha = PageFile.sha256(text.getBytes(StandardCharsets.UTF_8));

        given().contentType("text/plain; charset=UTF-8").body(text.getBytes(StandardCharsets.UTF_8))
                .queryParam("issueDate", "2024-09-06")
                .when().post("/api/pages")
                .then().statusCode(202)
                .body("id", equalTo(sha))
                .body("status", equalTo("accepted"));
        String formText = unique("本报讯 9月3日，");
        given().multiPart("file", "page.txt", formText.getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("issueDate", "2024-09-03")
                .when().post("/api/pages")
                .then().statusCode(202);

        JsonNode page = awaitSinglePage(sha);
        assertThat(page.get("text").asText()).isEqualTo(text);
        assertThat(page.get("issueDate").asText()).isEqualTo("2024-09-06");
        assertThat(page.get("issueDateSource").asText()).isEqualTo("sidecar");
        assertThat(awaitSinglePage(PageFile.sha256(formText.getBytes(StandardCharsets.UTF_8))).get("issueDate").asText())
                .isEqualTo("2024-09-03");
    }

    @Test
    void refusesBadUploadsWithAClearMessage() {
        given().contentType("application/octet-stream").body(new byte[]{0, 1, 2, (byte) 0xFF})
                .when().post("/api/pages")
                .then().statusCode(400).body("error", startsWith("the bytes are not text"));
        given().contentType("text/plain").body("本报讯").queryParam("issueDate", "2024-13-45")
                .when().post("/api/pages")
                .then().statusCode(400).body("error", startsWith("issueDate must be yyyy-MM-dd"));
        given().contentType("text/plain").body("本报讯".repeat(30_000))
                .when().post("/api/pages")
                .then().statusCode(413);
    }

    @Test
    void uploadingNeedsTheIngestRoleAndARefusedUploadLeavesNothingBehind() throws Exception {
        byte[] bytes = unique("本报讯 9月5日，市委书记杜小刚调研。").getBytes(StandardCharsets.UTF_8);
        String sha = PageFile.sha256(bytes);

        for (var anonymousOrWrongPassword : List.of(given().auth().none(),
                given().auth().preemptive().basic("ingest", "not-" + TestUsers.password("ingest")),
                given().auth().preemptive().basic("nobody", TestUsers.password("ingest")))) {
            anonymousOrWrongPassword.contentType("text/plain").body(bytes).when().post("/api/pages")
                    .then().statusCode(401)
                    .header("WWW-Authenticate", equalToIgnoringCase("basic realm=\"newsflow\""))
                    .contentType("application/json")
                    .body("status", equalTo(401))
                    .body("error", startsWith("authentication required"));
        }
        TestUsers.as("reader").contentType("text/plain").body(bytes).when().post("/api/pages")
                .then().statusCode(403)
                .contentType("application/json")
                .body("status", equalTo(403))
                .body("error", equalTo("this user does not have the role this needs"));
        try (Stream<Path> files = Files.list(inbox)) {
            assertThat(files).as("nothing of a refused upload in the inbox")
                    .noneMatch(file -> file.getFileName().toString().contains("upload-"));
        }

        TestUsers.as("ingest").contentType("text/plain").body(bytes).when().post("/api/pages")
                .then().statusCode(202).body("id", equalTo(sha));
        assertThat(awaitSinglePage(sha).get("text").asText()).contains("杜小刚调研");
        // reading stays open by default
        given().auth().none().when().get("/q/metrics").then().statusCode(200);
        given().auth().none().when().get("/q/health/ready").then().statusCode(200);
    }

    /** Makes the content unique to this test run, so its sha256 is new to the topic. */
    static String unique(String text) {
        return text + "\n" + UUID.randomUUID() + "\n";
    }

    private JsonNode awaitSinglePage(String sha256) {
        var found = new java.util.concurrent.atomic.AtomicReference<JsonNode>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<JsonNode> matching = pages.pagesWithKey(sha256);
            assertThat(matching).hasSize(1);
            found.set(matching.get(0));
        });
        return found.get();
    }

    private List<Path> archived(String fileName) throws Exception {
        try (Stream<Path> files = Files.walk(archive)) {
            return files.filter(p -> p.getFileName().toString().equals(fileName)).toList();
        }
    }

    /** {@code text} without the characters {@code charset} cannot encode. */
    private static String representable(String text, Charset charset) {
        var encoder = charset.newEncoder();
        StringBuilder kept = new StringBuilder();
        text.codePoints().mapToObj(Character::toString).filter(encoder::canEncode).forEach(kept::append);
        return kept.toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
