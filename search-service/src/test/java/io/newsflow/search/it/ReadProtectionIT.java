package io.newsflow.search.it;

import io.newsflow.localstack.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.startsWith;

/** {@code newsflow.security.read-protected=true}: reading needs role reader too; readiness stays open for probes. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
@TestProfile(ReadProtectionIT.ReadProtected.class)
class ReadProtectionIT {

    public static class ReadProtected implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsflow.security.read-protected", "true");
        }
    }

    @Test
    void readingNeedsTheReaderRole() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                TestUsers.as("reader").queryParam("q", "太湖").when().get("/api/search").then().statusCode(200));

        for (String path : List.of("/api/search", "/api/stats", "/", "/q/metrics")) {
            given().when().get(path).then().statusCode(401)
                    .header("WWW-Authenticate", equalToIgnoringCase("basic realm=\"newsflow\""))
                    .contentType("application/json")
                    .body("status", equalTo(401))
                    .body("error", startsWith("authentication required"));
            TestUsers.as("ingest").when().get(path).then().statusCode(403)
                    .contentType("application/json")
                    .body("status", equalTo(403));
            TestUsers.as("reader").when().get(path).then().statusCode(200);
        }
        TestUsers.as("admin").queryParam("q", "太湖").when().get("/api/search").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
