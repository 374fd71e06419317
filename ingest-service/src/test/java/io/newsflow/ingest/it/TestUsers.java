package io.newsflow.ingest.it;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/**
 * The users of src/test/resources/META-INF/microprofile-config.properties (test fixtures: their passwords are known):
 * {@code ingest} (role ingest), {@code reader} (role reader), {@code admin} (all roles). Credentials are sent
 * preemptively: an upload's body is not sent a second time after a challenge.
 */
final class TestUsers {
    private TestUsers() {
    }

    static String password(String user) {
        return "test-" + user + "-password";
    }

    /** A request with the user's credentials. */
    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, password(user));
    }

    /** For classes whose tests are about something else: every request of theirs carries the user's credentials. */
    static void sendByDefaultAs(String user) {
        RestAssured.authentication = RestAssured.preemptive().basic(user, password(user));
    }

    static void sendNoCredentialsByDefault() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }
}
