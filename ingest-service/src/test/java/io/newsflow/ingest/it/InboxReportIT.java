package io.newsflow.ingest.it;

import io.newsflow.ingest.process.FileReports;
import io.newsflow.localstack.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * {@code GET /api/inbox}: ingest counts its own folders for the overview page of search-service. Reading is
 * protected here, as in the compose deployment, and files are never old enough to be taken, so what is dropped
 * stays in the inbox to be counted.
 */
@QuarkusTest
@TestProfile(InboxReportIT.ReadProtectedSlowInbox.class)
@QuarkusTestResource(FreshDataFolder.class)
@QuarkusTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = LocalStackResource.ELASTICSEARCH, value = "false"))
class InboxReportIT {
    public static class ReadProtectedSlowInbox implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsflow.security.read-protected", "true", "newsflow.ingest.min-file-age", "1h");
        }
    }

    @ConfigProperty(name = "newsflow.ingest.inbox")
    Path inbox;

    @ConfigProperty(name = "newsflow.ingest.failed")
    Path failed;

    @Test
    void countsWaitingAndRefusedFilesAndNamesTheNewestRefusedWithTheirReasons() throws Exception {
        Files.writeString(inbox.resolve("2024-03-01-a.txt"), "本报讯 无锡市召开会议。");
        Files.createDirectories(inbox.resolve("2024-03-02"));
        Files.writeString(inbox.resolve("2024-03-02").resolve("b.txt"), "本报讯 无锡市召开会议。");
        Files.writeString(inbox.resolve("c.txt.part"), "still being written");
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 1; i <= 6; i++) {
            refused("refused-" + i + ".txt", "reason-" + i, start.plusSeconds(i));
        }

        await().untilAsserted(() -> {
            JsonPath answer = TestUsers.as("reader").when().get("/api/inbox").then().statusCode(200).extract().jsonPath();
            assertThat(answer.getLong("waiting")).isEqualTo(2);
            assertThat(answer.getLong("processing")).isZero();
            assertThat(answer.getLong("failed")).isEqualTo(6);
            assertThat(answer.getInt("countLimit")).isEqualTo(10_000);
            assertThat(answer.getList("newestFailed.name", String.class))
                    .containsExactly("refused-6.txt", "refused-5.txt", "refused-4.txt", "refused-3.txt", "refused-2.txt");
            assertThat(answer.getList("newestFailed.reason", String.class))
                    .containsExactly("reason-6", "reason-5", "reason-4", "reason-3", "reason-2");
            assertThat(answer.getString("newestFailed[0].time")).isEqualTo(start.plusSeconds(6).toString());
            assertThat(answer.getList("problems")).isEmpty();
        });
        // the same counts as gauges
        await().untilAsserted(() -> TestUsers.as("reader").when().get("/q/metrics").then().statusCode(200)
                .body(containsString("newsflow_ingest_inbox_files 2.0"))
                .body(containsString("newsflow_ingest_failed_files 6.0")));
    }

    @Test
    void needsTheReaderRoleWhenReadingIsProtected() {
        given().when().get("/api/inbox").then().statusCode(401);
        TestUsers.as("ingest").when().get("/api/inbox").then().statusCode(403);
        TestUsers.as("admin").when().get("/api/inbox").then().statusCode(200);
    }

    /** As ingest refuses a file: its report (the time it was refused), then the file, which keeps its own time. */
    private void refused(String name, String reason, Instant at) throws Exception {
        Path report = Files.write(failed.resolve(name + ".error.json"),
                FileReports.error(name, reason, "refused for the test", 5, "text/plain", inbox.resolve(name), at));
        Files.setLastModifiedTime(report, FileTime.from(at));
        Files.setLastModifiedTime(Files.writeString(failed.resolve(name), "x"), FileTime.from(at.minusSeconds(86_400)));
    }
}
