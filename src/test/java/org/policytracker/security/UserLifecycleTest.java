package org.policytracker.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.TestUsers.asAdmin;
import static org.policytracker.security.Accounts.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestUsers;
import org.policytracker.security.Accounts.Entry;

/**
 * Admins change a user's role, disable and enable them, reset their password and delete them; users change their
 * own password (issue #17, point 3). Each change is audited without a password or hash, ends the user's open
 * sessions with the reason they will be told, and none leaves the tracker without an enabled admin.
 */
@QuarkusTest
class UserLifecycleTest {

    static final String OBSERVATIONS = "/api/indicators/OFFSHORE_SERVICE_OUTSOURCING_GROWTH/observations";

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    private static ValidatableResponse put(String username, Object body) {
        return asAdmin().contentType(ContentType.JSON).body(body).put("/api/users/" + username).then();
    }

    private static ValidatableResponse changeOwn(String username, String password, Object body) {
        return as(username, password).contentType(ContentType.JSON).body(body).put("/api/me/password").then();
    }

    private static Entry onlyEntry(String action, String username) {
        List<Entry> entries = Accounts.audit(action, username);
        assertEquals(1, entries.size(), action + " entries about " + username + ": " + entries);
        Entry entry = entries.get(0);
        assertFalse(entry.raw().contains("$2"), "no hash in the audit trail: " + entry.raw());
        assertFalse(entry.raw().toLowerCase().contains("password\":\""), "no password: " + entry.raw());
        return entry;
    }

    @Test
    void shouldChangeARoleAuditItAndEndTheUsersSessions() {
        String name = Accounts.create("lc.role", "analyst");
        String session = Accounts.openSession(name);
        put(name, Map.of("role", "viewer")).statusCode(200).body("username", equalTo(name))
                .body("role", equalTo("viewer")).body("enabled", equalTo(true));
        as(name).get("/api/me").then().statusCode(200).body("roles", hasItem("viewer"));
        as(name).contentType(ContentType.JSON).body(Map.of("period", "2022", "value", 5.5)).post(OBSERVATIONS)
                .then().statusCode(403);
        assertEquals("ROLE_CHANGED", Accounts.sessionEnd(session));
        Entry entry = onlyEntry("USER_UPDATED", name);
        assertEquals("admin", entry.actor());
        assertEquals("analyst", entry.before().path("role").asText());
        assertEquals("viewer", entry.after().path("role").asText());
        assertFalse(entry.after().path("passwordReset").asBoolean());
        assertEquals(1, entry.after().path("sessionsEnded").asInt());
    }

    @Test
    void shouldDisableAndEnableAUserAuditingBoth() {
        String name = Accounts.create("lc.disable", "viewer");
        String session = Accounts.openSession(name);
        put(name, Map.of("enabled", false)).statusCode(200).body("enabled", equalTo(false));
        assertEquals("DISABLED", Accounts.sessionEnd(session));
        asAdmin().get("/api/users/" + name).then().body("enabled", equalTo(false));
        asAdmin().get("/api/users").then().body("find { it.username == '" + name + "' }.enabled", equalTo(false));

        String later = Accounts.openSession(name);
        put(name, Map.of("enabled", true)).statusCode(200).body("enabled", equalTo(true));
        assertNull(Accounts.sessionEnd(later), "enabling ends nothing");
        List<Entry> entries = Accounts.audit("USER_UPDATED", name);
        assertEquals(2, entries.size());
        assertTrue(entries.get(0).after().path("enabled").asBoolean(), "newest first: enabled again");
        assertFalse(entries.get(1).after().path("enabled").asBoolean());
        assertTrue(entries.get(1).before().path("enabled").asBoolean());
    }

    @Test
    void shouldResetAPasswordSoThatOnlyTheNewOneSignsIn() {
        String name = Accounts.create("lc.reset", "viewer");
        OffsetDateTime setBefore = OffsetDateTime.parse(asAdmin().get("/api/users/" + name).then().extract()
                .path("passwordChangedAt"));
        String session = Accounts.openSession(name);
        put(name, Map.of("password", "a-fresh-reset-password")).statusCode(200)
                .body("passwordChangedAt", notNullValue());
        as(name).get("/api/me").then().statusCode(401);
        as(name, "a-fresh-reset-password").get("/api/me").then().statusCode(200);
        assertEquals("PASSWORD_RESET", Accounts.sessionEnd(session));
        OffsetDateTime setAfter = OffsetDateTime.parse(asAdmin().get("/api/users/" + name).then().extract()
                .path("passwordChangedAt"));
        assertTrue(setAfter.isAfter(setBefore), setBefore + " then " + setAfter);
        Entry entry = onlyEntry("USER_UPDATED", name);
        assertTrue(entry.after().path("passwordReset").asBoolean());
        assertFalse(entry.raw().contains("a-fresh-reset-password"));
    }

    @Test
    void shouldApplySeveralChangesAtOnceAndTellTheMostTellingReason() {
        String name = Accounts.create("lc.several", "analyst");
        String session = Accounts.openSession(name);
        put(name, Map.of("role", "viewer", "enabled", false, "password", "several-things-at-once"))
                .statusCode(200).body("role", equalTo("viewer")).body("enabled", equalTo(false));
        assertEquals("DISABLED", Accounts.sessionEnd(session));
        Entry entry = onlyEntry("USER_UPDATED", name);
        assertEquals("viewer", entry.after().path("role").asText());
        assertTrue(entry.after().path("passwordReset").asBoolean());
    }

    @Test
    void shouldChangeNothingAndAuditNothingWhenTheUserIsAlreadySo() {
        String name = Accounts.create("lc.same", "analyst");
        String session = Accounts.openSession(name);
        put(name, Map.of("role", "analyst", "enabled", true)).statusCode(200).body("role", equalTo("analyst"));
        assertNull(Accounts.sessionEnd(session));
        assertEquals(List.of(), Accounts.audit("USER_UPDATED", name));
    }

    @Test
    void shouldRefuseAnUpdateThatNamesNothingOrSomethingNotAllowed() {
        String name = Accounts.create("lc.invalid", "viewer");
        put(name, Map.of()).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("(body)")).body("detail", containsString("role, enabled, password"));
        put(name, Map.of("role", "superuser")).statusCode(400).body("errors[0].field", equalTo("role"))
                .body("errors[0].message", containsString("viewer, analyst, admin"));
        put(name, Map.of("password", "password1234")).statusCode(400).body("errors[0].field", equalTo("password"))
                .body("errors[0].code", equalTo("password.common"));
        put(name, Map.of("password", name + "-2024")).statusCode(400).body("errors[0].field", equalTo("password"))
                .body("errors[0].code", equalTo("password.username"));
        put(name, Map.of("password", "short")).statusCode(400).body("errors[0].code", equalTo("user.password"));
        put(name, "{\"enabled\": \"maybe\"}").statusCode(400).body("errors[0].field", equalTo("enabled"));
        put(name, "{\"rolle\": \"viewer\"}").statusCode(400).body("errors[0].field", equalTo("rolle"));
        asAdmin().get("/api/users/" + name).then().body("role", equalTo("viewer")).body("enabled", equalTo(true));
        assertEquals(List.of(), Accounts.audit("USER_UPDATED", name));
    }

    @Test
    void shouldAnswer404ForAnUnknownUser() {
        put("nobody.by.that.name", Map.of("role", "viewer")).statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("nobody.by.that.name"));
        asAdmin().delete("/api/users/nobody.by.that.name").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldLetOnlyAdminsChangeOrDeleteUsers() {
        String name = Accounts.create("lc.guarded", "viewer");
        TestUsers.asAnalyst().contentType(ContentType.JSON).body(Map.of("role", "admin"))
                .put("/api/users/" + name).then().statusCode(403);
        TestUsers.asViewer().delete("/api/users/" + name).then().statusCode(403);
        as(name).contentType(ContentType.JSON).body(Map.of("role", "admin")).put("/api/users/" + name).then()
                .statusCode(403);
        asAdmin().get("/api/users/" + name).then().statusCode(200).body("role", equalTo("viewer"));
    }

    @Test
    void shouldDeleteAUserWhoseValuesAndAuditEntriesKeepTheirName() {
        String name = Accounts.create("lc.delete", "analyst");
        as(name).contentType(ContentType.JSON).body(Map.of("period", "2022", "value", 5.5, "confirm", true))
                .post(OBSERVATIONS).then().statusCode(201);
        long id = Accounts.userId(name);
        Accounts.plantToken(name);
        String session = Accounts.openSession(name);

        asAdmin().delete("/api/users/" + name).then().statusCode(204);
        asAdmin().get("/api/users/" + name).then().statusCode(404);
        as(name).get("/api/me").then().statusCode(401);
        assertEquals("DELETED", Accounts.sessionEnd(session));
        assertEquals(0, Accounts.tokens(id), "their tokens are deleted");
        asAdmin().get(OBSERVATIONS + "/2022").then().statusCode(200).body("createdBy", equalTo(name));
        assertEquals(1, Accounts.query("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = ?", name,
                "OBSERVATION_CREATED").stream().mapToLong(r -> ((Number) r[0]).longValue()).sum());
        Entry entry = onlyEntry("USER_DELETED", name);
        assertEquals("admin", entry.actor());
        assertEquals("analyst", entry.before().path("role").asText());
        assertEquals(1, entry.after().path("tokensDeleted").asInt());

        // A new user of that name is someone else: the old sessions stay ended and are not theirs.
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", "another-person-entirely", "role", "viewer"))
                .post("/api/users").then().statusCode(201);
        assertTrue(Accounts.userId(name) != id);
        assertEquals("DELETED", Accounts.sessionEnd(session));
    }

    @Test
    void shouldKeepTheLastEnabledAdmin() {
        String last = Accounts.create("lc.last.admin", "admin");
        // Make this test's admin the only enabled one for a moment (other tests' admins and admin itself are
        // enabled again afterwards, whatever happens).
        List<Object> others = Accounts.query("SELECT id FROM tracker_user WHERE role = 'admin' AND enabled"
                + " AND username <> ?", last).stream().map(row -> row[0]).toList();
        try {
            others.forEach(id -> Accounts.update("UPDATE tracker_user SET enabled = FALSE WHERE id = ?", id));
            lastAdminRefuses(last);
        } finally {
            others.forEach(id -> Accounts.update("UPDATE tracker_user SET enabled = TRUE WHERE id = ?", id));
        }
    }

    private static void lastAdminRefuses(String last) {
        as(last).contentType(ContentType.JSON).body(Map.of("role", "analyst")).put("/api/users/" + last).then()
                .statusCode(409).contentType("application/problem+json").body("errors[0].field", equalTo("role"))
                .body("errors[0].code", equalTo("user.lastAdmin.role"))
                .body("errors[0].message", containsString("last enabled admin"));
        as(last).contentType(ContentType.JSON).body(Map.of("enabled", false)).put("/api/users/" + last).then()
                .statusCode(409).body("errors[0].field", equalTo("enabled"))
                .body("errors[0].code", equalTo("user.lastAdmin.enabled"));
        as(last).delete("/api/users/" + last).then().statusCode(409).body("errors[0].field", equalTo("username"))
                .body("errors[0].code", equalTo("user.lastAdmin.delete"));
        // A disabled admin does not count: the rule is about admins who can sign in.
        String disabled = Accounts.create("lc.disabled.admin", "admin", as(last));
        as(last).contentType(ContentType.JSON).body(Map.of("enabled", false)).put("/api/users/" + disabled).then()
                .statusCode(200);
        as(last).delete("/api/users/" + last).then().statusCode(409);
        as(last).get("/api/users/" + last).then().statusCode(200).body("role", equalTo("admin"))
                .body("enabled", equalTo(true));
        // With another enabled admin, the first may step down.
        as(last).contentType(ContentType.JSON).body(Map.of("enabled", true)).put("/api/users/" + disabled).then()
                .statusCode(200);
        as(last).contentType(ContentType.JSON).body(Map.of("role", "viewer")).put("/api/users/" + last).then()
                .statusCode(200);
        as(disabled).contentType(ContentType.JSON).body(Map.of("role", "analyst")).put("/api/users/" + disabled)
                .then().statusCode(409);
        as(disabled).delete("/api/users/" + last).then().statusCode(204);
    }

    @Test
    void shouldLetAUserChangeTheirOwnPasswordWithTheCurrentOne() {
        String name = Accounts.create("lc.own", "viewer");
        String set = asAdmin().get("/api/users/" + name).then().extract().path("passwordChangedAt");
        String session = Accounts.openSession(name);
        changeOwn(name, Accounts.PASSWORD, Map.of("currentPassword", Accounts.PASSWORD, "newPassword",
                "my-own-new-passphrase")).statusCode(204);
        as(name).get("/api/me").then().statusCode(401);
        as(name, "my-own-new-passphrase").get("/api/me").then().statusCode(200);
        assertEquals("PASSWORD_CHANGED", Accounts.sessionEnd(session));
        String changed = asAdmin().get("/api/users/" + name).then().extract().path("passwordChangedAt");
        assertTrue(OffsetDateTime.parse(changed).isAfter(OffsetDateTime.parse(set)), set + " then " + changed);
        Entry entry = onlyEntry("PASSWORD_CHANGED", name);
        assertEquals(name, entry.actor());
        assertFalse(entry.raw().contains("my-own-new-passphrase"));
    }

    @Test
    void shouldKeepTheSessionThatChangedItsOwnPasswordAndEndTheOthers() {
        String name = Accounts.create("lc.keep", "analyst");
        String cookie = SessionTest.signIn(name, Accounts.PASSWORD);
        String elsewhere = Accounts.openSession(name);
        io.restassured.RestAssured.given().cookie(Sessions.COOKIE, cookie).header("X-Requested-With", "fetch")
                .contentType(ContentType.JSON)
                .body(Map.of("currentPassword", Accounts.PASSWORD, "newPassword", "changed-from-the-web-app"))
                .put("/api/me/password").then().statusCode(204);
        assertEquals("PASSWORD_CHANGED", Accounts.sessionEnd(elsewhere));
        io.restassured.RestAssured.given().cookie(Sessions.COOKIE, cookie).header("X-Requested-With", "fetch")
                .get("/api/me").then().statusCode(200).body("username", equalTo(name));
        assertEquals(1, onlyEntry("PASSWORD_CHANGED", name).after().path("sessionsEnded").asInt());
    }

    @Test
    void shouldRefuseAnOwnPasswordChangeThatIsNotAllowedNamingTheField() {
        String name = Accounts.create("lc.ownbad", "analyst");
        changeOwn(name, Accounts.PASSWORD, Map.of("currentPassword", "not-my-password", "newPassword",
                "violet-tugboat-sings")).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("currentPassword"))
                .body("errors[0].message", containsString("not your current password"));
        changeOwn(name, Accounts.PASSWORD, Map.of("currentPassword", Accounts.PASSWORD, "newPassword",
                Accounts.PASSWORD)).statusCode(400).body("errors[0].field", equalTo("newPassword"))
                .body("errors[0].code", equalTo("password.unchanged"));
        changeOwn(name, Accounts.PASSWORD, Map.of("currentPassword", Accounts.PASSWORD, "newPassword",
                "Password1234")).statusCode(400).body("errors[0].field", equalTo("newPassword"))
                .body("errors[0].code", equalTo("password.common"));
        changeOwn(name, Accounts.PASSWORD, Map.of("currentPassword", Accounts.PASSWORD, "newPassword",
                name + "!!!")).statusCode(400).body("errors[0].field", equalTo("newPassword"))
                .body("errors[0].code", equalTo("password.username"));
        changeOwn(name, Accounts.PASSWORD, Map.of("newPassword", "x")).statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("currentPassword", "newPassword"));
        changeOwn(name, Accounts.PASSWORD, Map.of("currentPassword", "", "newPassword", "")).statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("currentPassword", "newPassword"));
        as(name).get("/api/me").then().statusCode(200);
        assertEquals(List.of(), Accounts.audit("PASSWORD_CHANGED", name));
        TestUsers.api().contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "x", "newPassword", "violet-tugboat-sings")).put("/api/me/password")
                .then().statusCode(401);
    }
}
