package org.policytracker.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestUsers;

/**
 * The web app's sessions (issue #17, point 2): a form sign-in starts a server-side session whose HttpOnly,
 * SameSite=Strict cookie holds only a random secret; sign-out, the idle timeout and the absolute lifetime end it at
 * once, and a replayed cookie then gets 401 with the reason, while public files still load.
 */
@QuarkusTest
class SessionTest {

    private static final String APP = "X-Requested-With";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    static String signIn(String username, String password) {
        Response login = given().contentType(ContentType.URLENC).formParam("j_username", username)
                .formParam("j_password", password).post("/j_security_check");
        login.then().statusCode(200).body("username", equalTo(username));
        return login.getCookie(Sessions.COOKIE);
    }

    @Test
    void shouldSignInWithAFormAndUseTheSessionCookie() throws SQLException {
        Response login = given().contentType(ContentType.URLENC)
                .formParam("j_username", "admin").formParam("j_password", TestUsers.ADMIN_PASSWORD)
                .post("/j_security_check");
        login.then().statusCode(200);
        String setCookie = login.getHeader("Set-Cookie");
        assertNotNull(setCookie, "a session cookie is set");
        assertTrue(setCookie.startsWith(Sessions.COOKIE + "="), setCookie);
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=strict"), setCookie);
        String session = login.getCookie(Sessions.COOKIE);
        assertTrue(session.length() >= 43, "256 random bits: " + session);
        given().cookie(Sessions.COOKIE, session).header(APP, "fetch").get("/api/me")
                .then().statusCode(200).body("username", equalTo("admin"));
        assertEquals(List.of(), column("SELECT id_hash FROM user_session WHERE id_hash = ?", session),
                "the database never holds the cookie's secret");
        assertEquals(1, column("SELECT id_hash FROM user_session WHERE id_hash = ?", Secrets.hash(session)).size(),
                "only its SHA-256");
    }

    @Test
    void shouldEndTheSessionOnSignOutSoThatTheReplayedCookieGets401() {
        String session = signIn("admin", TestUsers.ADMIN_PASSWORD);
        Response logout = given().cookie(Sessions.COOKIE, session).post("/api/session/logout");
        logout.then().statusCode(204);
        assertTrue(logout.getHeader("Set-Cookie").contains("Max-Age=0"), logout.getHeader("Set-Cookie"));

        given().cookie(Sessions.COOKIE, session).header(APP, "fetch").get("/api/me").then().statusCode(401)
                .header(SessionEnd.HEADER, "signed-out");
        given().cookie(Sessions.COOKIE, session).contentType(ContentType.JSON)
                .body("{\"period\":\"2021\",\"value\":16.6}")
                .post("/api/indicators/NON_FOSSIL_SHARE/observations").then().statusCode(401);
        given().cookie(Sessions.COOKIE, session).get("/").then().statusCode(200)
                .contentType(containsString("text/html"));
        TestUsers.asAdmin().get("/api/audit?size=500").then().statusCode(200)
                .body("items.find { it.action == 'SIGNED_OUT' }.actor", equalTo("admin"));
    }

    @Test
    void shouldEndAnIdleSessionAndOneOlderThanItsLifetime() throws SQLException {
        String idle = signIn("admin", TestUsers.ADMIN_PASSWORD);
        String old = signIn("admin", TestUsers.ADMIN_PASSWORD);
        String fresh = signIn("admin", TestUsers.ADMIN_PASSWORD);
        // 31 minutes without a request (idle timeout 30 min), and 8 h 1 min since sign-in (lifetime 8 h).
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        update("UPDATE user_session SET last_seen_at = ? WHERE id_hash = ?", idle, now.minusMinutes(31));
        update("UPDATE user_session SET created_at = ?, expires_at = ? WHERE id_hash = ?", old, now.minusMinutes(481),
                now.minusMinutes(1));

        given().cookie(Sessions.COOKIE, idle).header(APP, "fetch").get("/api/me").then().statusCode(401)
                .header(SessionEnd.HEADER, "idle");
        given().cookie(Sessions.COOKIE, old).header(APP, "fetch").get("/api/me").then().statusCode(401)
                .header(SessionEnd.HEADER, "expired");
        given().cookie(Sessions.COOKIE, fresh).header(APP, "fetch").get("/api/me").then().statusCode(200);
        given().cookie(Sessions.COOKIE, "not-a-session-anyone-started").header(APP, "fetch").get("/api/me")
                .then().statusCode(401).header(SessionEnd.HEADER, "unknown");
    }

    @Test
    void shouldRefuseAWrongPasswordWith401AProblemAndNoCookie() {
        given().contentType(ContentType.URLENC).header("Accept-Language", "en")
                .formParam("j_username", "admin").formParam("j_password", "wrong-password")
                .post("/j_security_check")
                .then().statusCode(401).header("Set-Cookie", nullValue())
                .contentType("application/problem+json").body("detail", equalTo("Wrong user name or password"));
        given().contentType(ContentType.URLENC).formParam("j_username", "nobody-here")
                .formParam("j_password", "wrong-password").post("/j_security_check").then().statusCode(401);
        String failures = TestUsers.asAdmin().get("/api/audit?size=500").then().statusCode(200)
                .extract().asString();
        assertTrue(failures.contains("wrongPassword") && failures.contains("unknownUser"), failures);
        assertFalse(failures.contains("wrong-password"), "never the password: " + failures);
    }

    @Test
    void shouldChallengeApiClientsWithBasicAndTheAppWithoutABrowserDialog() {
        given().get("/api/targets").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic realm="));
        given().header(APP, "fetch").get("/api/targets").then().statusCode(401)
                .header("WWW-Authenticate", nullValue());
    }

    @Test
    void shouldServeTheStaticAppWithoutSignIn() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"));
    }

    private List<String> column(String sql, String parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                List<String> values = new java.util.ArrayList<>();
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
                return values;
            }
        }
    }

    /** Sets the timestamps (the SQL's first parameters) of the session of this cookie (its last). */
    private void update(String sql, String cookie, OffsetDateTime... times) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < times.length; i++) {
                s.setObject(i + 1, times[i]);
            }
            s.setString(times.length + 1, Secrets.hash(cookie));
            assertEquals(1, s.executeUpdate(), sql);
        }
    }
}
