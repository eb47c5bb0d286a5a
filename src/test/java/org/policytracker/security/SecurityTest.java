package org.policytracker.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.TestUsers.asAdmin;
import static org.policytracker.TestUsers.asAnalyst;
import static org.policytracker.TestUsers.asViewer;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestUsers;

@QuarkusTest
class SecurityTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @Test
    void shouldRefuseAnonymousReadsWith401() {
        given().get("/api/targets").then().statusCode(401).header("WWW-Authenticate", containsString("Basic"));
        given().get("/api/documents").then().statusCode(401);
        given().get("/q/openapi").then().statusCode(401);
    }

    @Test
    void shouldRefuseAWrongPasswordWith401() {
        given().auth().preemptive().basic("admin", "not-the-password").get("/api/targets").then().statusCode(401);
        given().auth().preemptive().basic("nobody", "whatever-password").get("/api/targets").then().statusCode(401);
    }

    @Test
    void shouldLeaveHealthOpen() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("catalogue"));
    }

    @Test
    void shouldLetEveryRoleRead() {
        asViewer().get("/api/targets").then().statusCode(200);
        asAnalyst().get("/api/targets").then().statusCode(200);
        asAdmin().get("/api/targets").then().statusCode(200);
        asViewer().get("/api/me").then().statusCode(200).body("username", equalTo("viewer1"))
                .body("roles", hasItem("viewer"));
    }

    @Test
    void shouldRefuseAViewerWritingWith403Problem() {
        asViewer().contentType(ContentType.JSON)
                .body(Map.of("username", "sneaky", "password", "long-enough-password", "role", "admin"))
                .post("/api/users")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("username", "sneaky", "password", "long-enough-password", "role", "admin"))
                .post("/api/users").then().statusCode(403);
        asAdmin().get("/api/users/sneaky").then().statusCode(404);
    }

    @Test
    void shouldLetAnAdminCreateAUserWhoCanSignIn() {
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", "new.analyst", "password", "correct-horse-battery", "role", "analyst"))
                .post("/api/users")
                .then().statusCode(201).header("Location", startsWith("http")).header("Location",
                        containsString("/api/users/new.analyst"))
                .body("username", equalTo("new.analyst")).body("role", equalTo("analyst"))
                .body("createdBy", equalTo("admin"))
                .body("$", Matchers.not(Matchers.hasKey("password")));
        given().auth().preemptive().basic("new.analyst", "correct-horse-battery").get("/api/me")
                .then().statusCode(200).body("roles", hasItem("analyst"));
        assertStoredAsBcrypt("new.analyst", "correct-horse-battery");

        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", "new.analyst", "password", "another-long-password", "role", "viewer"))
                .post("/api/users").then().statusCode(409).contentType("application/problem+json")
                .body("errors.field", hasItem("username"));
    }

    @Test
    void shouldIgnoreForwardedHeadersUnlessConfiguredToTrustAProxy() {
        asAdmin().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "evil.example.org")
                .contentType(ContentType.JSON)
                .body(Map.of("username", "unproxied.user", "password", "a-long-enough-password", "role", "viewer"))
                .post("/api/users")
                .then().statusCode(201).header("Location", startsWith("http://localhost"));
    }

    @Test
    void shouldNameEveryInvalidFieldOfANewUser() {
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", "X", "password", "short", "role", "superuser"))
                .post("/api/users")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("username", "password", "role"))
                .body("detail", containsString("viewer, analyst, admin"));
        asAdmin().contentType(ContentType.JSON).body("{\"username\": \"abc\", \"pasword\": \"x\"}")
                .post("/api/users")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("pasword"));
        asAdmin().contentType(ContentType.JSON).body("{not json")
                .post("/api/users").then().statusCode(400).contentType("application/problem+json");
    }

    private static void assertStoredAsBcrypt(String username, String password) {
        AppUser user = QuarkusTransaction.requiringNew().call(() -> AppUser.findByUsername(username).orElseThrow());
        assertNotEquals(password, user.passwordHash);
        assertTrue(user.passwordHash.startsWith("$2"), user.passwordHash);
        assertTrue(BcryptUtil.matches(password, user.passwordHash));
    }

    @Test
    void adminPasswordComesFromConfiguration() {
        given().auth().preemptive().basic("admin", TestUsers.ADMIN_PASSWORD).get("/api/users")
                .then().statusCode(200).body("username", hasItem("admin"));
    }
}
