package org.policytracker.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.policytracker.TestUsers;

/**
 * Throttled sign-in (issue #17, point 5), with the production limits: 5 failures of a user name from one client
 * lock that pair, 20 of a user name from anywhere lock it briefly for everyone, 20 from one client lock the client;
 * a locked sign-in is a 429 problem with Retry-After, before any password is checked, for the form, Basic and
 * tokens alike; a success forgets the user name's failures. Each test signs in from client addresses of its own
 * (X-Forwarded-For from a trusted proxy) with user names of its own.
 */
@QuarkusTest
@TestProfile(ThrottleTest.ProductionLimits.class)
class ThrottleTest {

    public static class ProductionLimits implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tracker.security.sign-in.pair-failures", "5",
                    "tracker.security.sign-in.user-failures", "20",
                    "tracker.security.sign-in.client-failures", "20",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1",
                    "tracker.data-dir", "./target/test-data-throttle");
        }
    }

    private static final AtomicInteger CLIENTS = new AtomicInteger(10);

    /** A client address no other test uses. */
    private static String client() {
        int n = CLIENTS.incrementAndGet();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    private static String user() {
        String name = "throttled." + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.as(name, "viewer");
        return name;
    }

    private static Response form(String client, String username, String password) {
        return given().header("X-Forwarded-For", client).header("Accept-Language", "en")
                .contentType(ContentType.URLENC).formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check");
    }

    private static Response basic(String client, String username, String password) {
        return given().header("X-Forwarded-For", client).header("Accept-Language", "en").auth().preemptive()
                .basic(username, password).get("/api/me");
    }

    @Test
    void shouldLockAPairAfterFiveFailuresForFormAndBasicButNotTheUserElsewhere() {
        String attacker = client();
        String name = user();
        for (int i = 0; i < 5; i++) {
            form(attacker, name, "wrong-password-" + i).then().statusCode(401);
        }
        Response locked = form(attacker, name, TestUsers.PASSWORD);
        locked.then().statusCode(429).contentType("application/problem+json")
                .body("detail", containsString("Too many failed sign-ins"));
        int retryAfter = Integer.parseInt(locked.getHeader("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 30, "the first lock-out is 30 s: " + retryAfter);
        basic(attacker, name, TestUsers.PASSWORD).then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());

        String owner = client();
        form(owner, name, TestUsers.PASSWORD).then().statusCode(200);
        basic(owner, name, TestUsers.PASSWORD).then().statusCode(200).body("username", equalTo(name));

        String audit = TestUsers.asAdmin().get("/api/audit?size=500").asString();
        assertTrue(audit.contains("lockedForSeconds") && audit.contains(attacker), audit);
        assertTrue(!audit.contains("wrong-password-"), "never the password");
    }

    @Test
    void shouldForgetTheFailuresOfAUserNameAfterASuccess() {
        String client = client();
        String name = user();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                basic(client, name, "not-the-password").then().statusCode(401);
            }
            basic(client, name, TestUsers.PASSWORD).then().statusCode(200);
        }
    }

    @Test
    void shouldLockAUserNameBrieflyForEveryoneAfterTwentyFailuresFromAnywhere() {
        String name = user();
        for (int i = 0; i < 20; i++) {
            form(client(), name, "guess-" + i).then().statusCode(401);
        }
        Response locked = form(client(), name, TestUsers.PASSWORD);
        locked.then().statusCode(429);
        int retryAfter = Integer.parseInt(locked.getHeader("Retry-After"));
        assertTrue(retryAfter <= 60, "a user name is locked for everyone for at most a minute: " + retryAfter);
    }

    @Test
    void shouldLockAClientThatTriesManyUserNamesOrBadTokens() {
        String sprayer = client();
        for (int i = 0; i < 20; i++) {
            form(sprayer, "nobody" + i + "." + UUID.randomUUID().toString().substring(0, 6), "password-spray-1")
                    .then().statusCode(401);
        }
        String name = user();
        form(sprayer, name, TestUsers.PASSWORD).then().statusCode(429);
        basic(sprayer, name, TestUsers.PASSWORD).then().statusCode(429);
        form(client(), name, TestUsers.PASSWORD).then().statusCode(200);

        String scanner = client();
        for (int i = 0; i < 20; i++) {
            given().header("X-Forwarded-For", scanner).header("Authorization", "Bearer ptt_guess" + i)
                    .get("/api/me").then().statusCode(401);
        }
        Response locked = given().header("X-Forwarded-For", scanner).header("Accept-Language", "en")
                .header("Authorization", "Bearer ptt_guess-more").get("/api/me");
        assertEquals(429, locked.statusCode(), locked.asString());
        assertEquals("application/problem+json", locked.getContentType().split(";")[0]);
    }

    private static Response changePassword(String client, String session, String current) {
        return given().header("X-Forwarded-For", client).header("Accept-Language", "en")
                .header("X-Requested-With", "fetch").cookie("tracker_session", session).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", current, "newPassword", "a-brand-new-passphrase-9"))
                .put("/api/me/password");
    }

    @Test
    void shouldCountWrongCurrentPasswordsOfAPasswordChangeAsFailedSignIns() {
        String client = client();
        String name = user();
        String session = form(client, name, TestUsers.PASSWORD).then().statusCode(200).extract()
                .cookie("tracker_session");
        for (int i = 0; i < 5; i++) {
            changePassword(client, session, "wrong-current-" + i).then().statusCode(400)
                    .body("errors[0].field", equalTo("currentPassword"));
        }
        Response locked = changePassword(client, session, TestUsers.PASSWORD);
        locked.then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        basic(client(), name, TestUsers.PASSWORD).then().statusCode(200); // unchanged, and not locked elsewhere

        String audit = TestUsers.asAdmin().get("/api/audit?size=500").asString();
        assertTrue(audit.contains("wrongCurrentPassword") && audit.contains("password_change"), audit);
        assertTrue(!audit.contains("wrong-current-"), "never the password");
    }
}
