package org.policytracker;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/**
 * The users tests sign in as. The admin's password is the test profile's TRACKER_ADMIN_PASSWORD;
 * the viewer and analyst are created through the API by that admin, as a real admin would.
 */
public final class TestUsers {

    public static final String ADMIN_PASSWORD = "admin-test-secret";
    public static final String PASSWORD = "a-long-test-password";

    private TestUsers() {
    }

    public static RequestSpecification asAdmin() {
        return api().auth().preemptive().basic("admin", ADMIN_PASSWORD);
    }

    /**
     * A request whose JSON numbers read as doubles, not floats (3194.4 must compare equal to 3194.4),
     * and that asks for English messages, which most tests quote (a test of the Chinese default starts from
     * RestAssured's own {@code given()}).
     */
    public static RequestSpecification api() {
        return given().config(RestAssured.config().jsonConfig(JsonConfig.jsonConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE))).header("Accept-Language", "en");
    }

    public static RequestSpecification asViewer() {
        ensure("viewer1", "viewer");
        return api().auth().preemptive().basic("viewer1", PASSWORD);
    }

    public static RequestSpecification asAnalyst() {
        ensure("analyst1", "analyst");
        return api().auth().preemptive().basic("analyst1", PASSWORD);
    }

    /** A user of this name and role (created unless it exists), for tests that need several users of a role. */
    public static RequestSpecification as(String username, String role) {
        ensure(username, role);
        return api().auth().preemptive().basic(username, PASSWORD);
    }

    /** Creates the user unless it exists (201 or 409 are both fine here). */
    private static void ensure(String username, String role) {
        int status = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "role", role))
                .post("/api/users").statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("Could not create test user " + username + ": HTTP " + status);
        }
    }
}
