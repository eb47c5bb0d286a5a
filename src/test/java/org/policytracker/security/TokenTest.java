package org.policytracker.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestUsers;

/**
 * Personal access tokens (issue #17, point 6): made once with their secret, used as Bearer with their role (never
 * above the owner's), stopped at once by revocation, expiry and a disabled owner; only a hash is kept; use is
 * recorded.
 */
@QuarkusTest
class TokenTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    private static String inDays(int days) {
        return OffsetDateTime.now(ZoneOffset.UTC).plusDays(days).withNano(0).toString();
    }

    private static Response create(String user, String role, String json) {
        return TestUsers.as(user, role).contentType(ContentType.JSON).body(json).post("/api/tokens");
    }

    @Test
    void shouldWriteWithATokenOfItsRoleAndShowTheSecretOnlyOnce() throws Exception {
        Response made = create("token.analyst", "analyst",
                "{\"name\":\"nightly import\",\"expiresAt\":\"" + inDays(30) + "\"}");
        made.then().statusCode(201).body("role", equalTo("analyst")).body("token", containsString("ptt_"))
                .header("Location", containsString("/api/tokens/"));
        String secret = made.path("token");
        long id = ((Number) made.path("id")).longValue();

        given().header("Authorization", "Bearer " + secret).contentType(ContentType.JSON)
                .body("{\"period\":\"2021\",\"value\":16.6}")
                .post("/api/indicators/NON_FOSSIL_SHARE/observations").then().statusCode(201)
                .body("createdBy", equalTo("token.analyst"));
        given().header("Authorization", "Bearer " + secret).get("/api/me").then().statusCode(200)
                .body("username", equalTo("token.analyst"));

        String listed = TestUsers.as("token.analyst", "analyst").get("/api/tokens").then().statusCode(200)
                .body("[0].id", equalTo((int) id)).body("[0].token", nullValue())
                .body("[0].lastUsedAt", notNullValue()).extract().asString();
        assertFalse(listed.contains(secret), "the secret is shown only once");
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM api_token WHERE token_hash = ?")) {
            s.setString(1, secret);
            var rs = s.executeQuery();
            rs.next();
            assertTrue(rs.getInt(1) == 0, "the database keeps no secret");
        }
        String audit = TestUsers.asAdmin().get("/api/audit?size=500").asString();
        assertTrue(audit.contains("TOKEN_CREATED") && !audit.contains(secret), "audited, without the secret");
    }

    @Test
    void shouldGiveAViewerTokenOfAnAnalystOnlyReadingAndRefuseARoleAboveTheOwners() {
        String secret = create("token.analyst2", "analyst",
                "{\"name\":\"read only\",\"role\":\"viewer\",\"expiresAt\":\"" + inDays(5) + "\"}").then()
                .statusCode(201).extract().path("token");
        given().header("Authorization", "Bearer " + secret).get("/api/targets").then().statusCode(200);
        given().header("Authorization", "Bearer " + secret).contentType(ContentType.JSON)
                .body("{\"period\":\"2021\",\"value\":16.6}")
                .post("/api/indicators/NON_FOSSIL_SHARE/observations").then().statusCode(403);

        create("token.analyst2", "analyst", "{\"name\":\"too much\",\"role\":\"admin\",\"expiresAt\":\""
                + inDays(5) + "\"}").then().statusCode(403).body("errors[0].field", equalTo("role"));
        create("token.analyst2", "analyst", "{\"name\":\"past\",\"expiresAt\":\"" + inDays(-1) + "\"}").then()
                .statusCode(400).body("errors[0].field", equalTo("expiresAt"));
        create("token.analyst2", "analyst", "{\"name\":\"forever\",\"expiresAt\":\"" + inDays(400) + "\"}")
                .then().statusCode(400).body("errors[0].field", equalTo("expiresAt"));
        create("token.analyst2", "analyst", "{\"expiresAt\":\"" + inDays(5) + "\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("name"));
        given().header("Authorization", "Bearer " + secret).contentType(ContentType.JSON)
                .body(Map.of("name", "from a token", "expiresAt", inDays(5))).post("/api/tokens").then()
                .statusCode(403);
    }

    @Test
    void shouldStopATokenAtOnceWhenRevokedExpiredOrItsOwnerDisabled() throws Exception {
        String revoked = create("token.viewer", "viewer", "{\"name\":\"a\",\"expiresAt\":\"" + inDays(5) + "\"}")
                .path("token");
        Response expiringMade = create("token.viewer", "viewer",
                "{\"name\":\"b\",\"expiresAt\":\"" + inDays(5) + "\"}");
        String expiring = expiringMade.path("token");
        long revokedId = TestUsers.as("token.viewer", "viewer").get("/api/tokens").then().extract()
                .jsonPath().getLong("find { it.name == 'a' }.id");
        given().header("Authorization", "Bearer " + revoked).get("/api/me").then().statusCode(200);

        TestUsers.as("token.viewer", "viewer").delete("/api/tokens/" + revokedId).then().statusCode(204);
        given().header("Authorization", "Bearer " + revoked).get("/api/me").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
        TestUsers.as("token.other", "viewer").delete("/api/tokens/" + revokedId).then().statusCode(404);

        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "UPDATE api_token SET expires_at = ? WHERE token_hash = ?")) {
            s.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1));
            s.setString(2, Secrets.hash(expiring));
            s.executeUpdate();
        }
        given().header("Authorization", "Bearer " + expiring).get("/api/me").then().statusCode(401);

        String live = create("token.disabled", "viewer", "{\"name\":\"c\",\"expiresAt\":\"" + inDays(5) + "\"}")
                .path("token");
        given().header("Authorization", "Bearer " + live).get("/api/me").then().statusCode(200);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "UPDATE tracker_user SET enabled = FALSE WHERE username = 'token.disabled'")) {
            s.executeUpdate();
        }
        given().header("Authorization", "Bearer " + live).get("/api/me").then().statusCode(401);
        given().header("Authorization", "Bearer ptt_made-up").get("/api/me").then().statusCode(401);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "UPDATE tracker_user SET enabled = TRUE WHERE username = 'token.disabled'")) {
            s.executeUpdate();
        }
    }
}
