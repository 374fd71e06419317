package io.newsflow.search.it;

import io.newsflow.localstack.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

/** Who may do what by default: the admin endpoints need role admin, reading needs nothing. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class AccessIT {
    private static final List<Function<RequestSpecification, ValidatableResponse>> REINDEX = List.of(
            request -> request.when().post("/api/admin/reindex").then(),
            request -> request.when().get("/api/admin/reindex").then());

    @Test
    void theReindexEndpointsAnswer401WithoutAValidCredentialAnd403WithoutTheAdminRole() {
        for (var endpoint : REINDEX) {
            for (RequestSpecification anonymousOrWrongPassword : List.of(given().auth().none(),
                    given().auth().preemptive().basic("admin", "not-" + TestUsers.password("admin")),
                    given().auth().preemptive().basic("nobody", TestUsers.password("admin")))) {
                endpoint.apply(anonymousOrWrongPassword).statusCode(401)
                        .header("WWW-Authenticate", equalToIgnoringCase("basic realm=\"newsflow\""))
                        .contentType("application/json")
                        .body("status", equalTo(401))
                        .body("error", startsWith("authentication required"))
                        .body(not(containsString(TestUsers.password("admin"))));
            }
            for (String withoutAdminRole : List.of("reader", "ingest")) {
                endpoint.apply(TestUsers.as(withoutAdminRole)).statusCode(403)
                        .contentType("application/json")
                        .body("status", equalTo(403))
                        .body("error", equalTo("this user does not have the role this needs"));
            }
        }
        // the re-index itself with role admin: IndexingIT
        TestUsers.as("admin").when().get("/api/admin/reindex").then().statusCode(200).body("state", not(equalTo(null)));
    }

    @Test
    void aBodyNoEndpointTakesIsRefusedUnread() {
        // with the admin credential too: the limit holds before anything reads the body
        TestUsers.as("admin").contentType("application/json").body("x".repeat(100 * 1024))
                .when().post("/api/admin/reindex").then().statusCode(413);
    }

    @Test
    void readingNeedsNoCredentialByDefault() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().queryParam("q", "太湖").when().get("/api/search").then().statusCode(200));
        given().when().get("/api/stats").then().statusCode(200);
        given().when().get("/").then().statusCode(200).contentType(containsString("text/html"));
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }
}
