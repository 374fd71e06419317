package io.newsflow.search.it;

import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/**
 * The users of src/test/resources/META-INF/microprofile-config.properties (test fixtures: their passwords are known):
 * {@code admin} (roles admin, ingest, reader), {@code ingest} (role ingest), {@code reader} (role reader),
 * {@code alerts} (role alerts).
 */
final class TestUsers {
    private TestUsers() {
    }

    static String password(String user) {
        return "test-" + user + "-password";
    }

    /** A request with the user's credentials, sent preemptively as a script would. */
    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, password(user));
    }
}
