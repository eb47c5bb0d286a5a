package org.policytracker.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestUsers;
import org.policytracker.TestValues;

/**
 * Who may read which audit events (issue #17, point 7): account events (users, passwords, sign-ins, sign-outs,
 * tokens, the admin's recovery) are for admins only; viewers and analysts see the rest, left out in the query so
 * that totals, pages and filters count only what they see.
 */
@QuarkusTest
class AuditVisibilityTest {

    private static final Set<String> ACCOUNT_EVENTS = Arrays.stream(AuditAction.values())
            .filter(AuditAction::isAccountEvent).map(Enum::name).collect(Collectors.toSet());

    @BeforeEach
    void accountAndValueEvents() {
        TestData.reset(); // empties the audit trail
        TestUsers.asViewer();
        TestUsers.asAnalyst();
        // Account events before, between and after the value events, so that a filter after paging would show.
        // A new user each time: users outlive TestData.reset().
        String someone = "audit." + Long.toString(System.nanoTime(), 36);
        TestUsers.asAdmin().contentType(ContentType.JSON).body(Map.of("username", someone, "password",
                "a-long-test-password-2", "role", "analyst")).post("/api/users").then().statusCode(201);
        TestValues.post("NON_FOSSIL_SHARE", "2023", 17.9);
        signInAndOut(someone, "a-long-test-password-2");
        given().contentType(ContentType.URLENC).formParam("j_username", someone)
                .formParam("j_password", "not-the-password-at-all").post("/j_security_check").then().statusCode(401);
        TestValues.post("NON_FOSSIL_SHARE", "2024", 19.8);
        signInAndOut("admin", TestUsers.ADMIN_PASSWORD);
        TestValues.post("FOREST_COVERAGE", "2024", 24.1);
        signInAndOut(someone, "a-long-test-password-2");
    }

    private static void signInAndOut(String username, String password) {
        String session = given().contentType(ContentType.URLENC).formParam("j_username", username)
                .formParam("j_password", password).post("/j_security_check").then().statusCode(200).extract()
                .cookie(org.policytracker.security.Sessions.COOKIE);
        given().cookie(org.policytracker.security.Sessions.COOKIE, session).post("/api/session/logout").then()
                .statusCode(204);
    }

    @Test
    void shouldShowAccountEventsToAdminsOnly() {
        JsonPath all = page(TestUsers.asAdmin(), "", 0, 500);
        List<String> actions = all.getList("items.action");
        assertTrue(actions.containsAll(List.of("USER_CREATED", "SIGNED_IN", "SIGN_IN_FAILED", "SIGNED_OUT")),
                "admins see account events: " + actions);
        long valueEvents = actions.stream().filter(a -> !ACCOUNT_EVENTS.contains(a)).count();
        assertEquals(3, valueEvents, actions.toString());

        for (RequestSpecification reader : List.of(TestUsers.asViewer(), TestUsers.asAnalyst())) {
            JsonPath seen = page(reader, "", 0, 500);
            List<String> theirs = seen.getList("items.action");
            assertEquals(List.of("OBSERVATION_CREATED", "OBSERVATION_CREATED", "OBSERVATION_CREATED"), theirs);
            assertEquals(3, seen.getInt("total"), "the total counts only what they see");
            assertTrue(seen.getList("items.after").toString().contains("19.8"), seen.prettify());
        }
    }

    @Test
    void shouldPageAndFilterOverWhatTheReaderSees() {
        List<Object> ids = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            JsonPath page = page(TestUsers.asViewer(), "", p, 1);
            assertEquals(3, page.getInt("total"), "page " + p);
            assertEquals(1, page.getList("items").size(), "each page is full: page " + p);
            ids.addAll(page.getList("items.id"));
        }
        assertEquals(page(TestUsers.asViewer(), "", 0, 500).getList("items.id"), ids, "the pages, one after another");
        assertEquals(0, page(TestUsers.asViewer(), "", 3, 1).getList("items").size());
        assertTrue(page(TestUsers.asAdmin(), "", 0, 1).getInt("total") > 3, "admins count account events too");

        JsonPath filtered = page(TestUsers.asViewer(), "&indicator=NON_FOSSIL_SHARE", 0, 1);
        assertEquals(2, filtered.getInt("total"));
        assertEquals(1, filtered.getList("items").size());
        assertEquals(List.of("2024"), filtered.getList("items.period"), "newest first");
    }

    private static JsonPath page(RequestSpecification reader, String filter, int page, int size) {
        return reader.get("/api/audit?page=" + page + "&size=" + size + filter).then().statusCode(200).extract()
                .jsonPath();
    }
}
