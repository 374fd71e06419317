package io.newsflow.search.it;

import com.sun.net.httpserver.HttpServer;
import io.newsflow.localstack.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * The overview page shows the files ingest-service reports ({@code GET /api/inbox}), asked with the credentials it
 * is given, and says so plainly when ingest does not answer. A stand-in ingest (the JDK's HTTP server) answers here.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
@TestProfile(OverviewIT.StandInIngest.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OverviewIT {
    private static final String USER = "overview-reader";
    private static final String PASSWORD = "stand-in-password";
    private static final String REPORT = """
            {"waiting": 3, "processing": 1, "failed": 10000, "countLimit": 10000, "problems": [],
             "newestFailed": [{"name": "2024-03-02-page.txt", "reason": "not-text", "time": "2026-01-01T00:00:06Z"},
                              {"name": "empty.txt", "reason": "empty", "time": "2026-01-01T00:00:05Z"}]}
            """;
    private static HttpServer ingest;

    public static class StandInIngest implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsflow.search.web.ingest-url", "http://127.0.0.1:" + standIn().getAddress().getPort(),
                    "newsflow.search.web.ingest-user", USER,
                    "newsflow.search.web.ingest-password", PASSWORD);
        }
    }

    /** Answers the report to the configured user only, as ingest does when its reading is protected. */
    private static synchronized HttpServer standIn() {
        if (ingest == null) {
            try {
                ingest = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            ingest.createContext("/api/inbox", exchange -> {
                boolean allowed = expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
                byte[] body = (allowed ? REPORT : "{\"status\":401}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(allowed ? 200 : 401, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            ingest.start();
        }
        return ingest;
    }

    @AfterAll
    static void stopStandIn() {
        standIn().stop(0);
    }

    @Test
    @Order(1)
    void showsTheCountsAndNewestRefusedFilesIngestReports() {
        given().when().get("/overview").then().statusCode(200)
                .body(containsString("收件箱中等待的文件</dt><dd>3</dd>"))
                .body(containsString("被拒收的文件（failed/）</dt><dd>至少 10000</dd>"))
                .body(containsString("<code>2024-03-02-page.txt</code> — not-text"))
                .body(containsString("<code>empty.txt</code> — empty"))
                .body(containsString("bin/newsflow topics show"))
                // alert delivery: the counts by state come from the hits index (none failed in this class)
                .body(containsString("提醒投递"))
                .body(containsString("投递失败</dt><dd>"))
                .body(not(containsString("数据目录")));
    }

    @Test
    @Order(2)
    void saysPlainlyWhenIngestDoesNotAnswer() {
        standIn().stop(0);
        given().when().get("/overview").then().statusCode(200)
                .body(containsString("收件箱中等待的文件</dt><dd><span class=\"unknown\">未知：ingest-service did not answer: "))
                .body(containsString("news.pages.dlq"));
    }
}
