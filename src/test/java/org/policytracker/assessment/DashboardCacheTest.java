package org.policytracker.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.TestUsers.asAdmin;
import static org.policytracker.TestUsers.asAnalyst;
import static org.policytracker.TestUsers.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policytracker.TestData;
import org.policytracker.TestUsers;
import org.policytracker.TestValues;
import org.policytracker.catalogue.CatalogueLoader;
import org.policytracker.catalogue.SeedCopy;
import org.policytracker.catalogue.SeedDirectory;

/**
 * The dashboard's cache (issue #18, point 2): an unchanged answer comes from the cache with its ETag and a 304 for
 * If-None-Match, for one statement (the change stamp); every kind of write makes the next answer a new one; an
 * answer is kept per as-of date, knownAt and filter. Each write test sends the ETag from before the write: without
 * the stamp's increase the answer would be 304.
 */
@QuarkusTest
class DashboardCacheTest {

    private static final String NON_FOSSIL = "CARBON-2025-NON-FOSSIL-SHARE";
    private static final String PEAK = "/api/targets/CARBON-2030-CO2-PEAK";
    private static final String JUDGED = "/api/targets/CARBON-2030-ENERGY-INTENSITY/judgement";
    private static final String COPYRIGHT = "IPO-2025-COPYRIGHT-GDP-SHARE";

    @Inject
    EntityManagerFactory emf;

    @Inject
    CatalogueLoader loader;

    @TempDir
    Path dir;

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    private static Response dashboard(UnaryOperator<RequestSpecification> request) {
        return request.apply(asViewer()).get("/api/dashboard");
    }

    private static String etag() {
        Response r = dashboard(q -> q);
        r.then().statusCode(200);
        return r.getHeader("ETag");
    }

    /** The answer after a write, asked with the ETag from before it: a new answer, not a 304. */
    private static Response afterWrite(String etagBefore) {
        Response r = dashboard(q -> q.header("If-None-Match", etagBefore));
        assertEquals(200, r.statusCode(), "the write must change the dashboard's answer (not 304)");
        assertNotEquals(etagBefore, r.getHeader("ETag"));
        return r;
    }

    private static Map<String, Object> entry(Response dashboard, String target) {
        List<Map<String, Object>> entries = dashboard.jsonPath().getList("$");
        return entries.stream().filter(e -> target.equals(e.get("id"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Object assessed(Response dashboard, String target, String field) {
        return ((Map<String, Object>) entry(dashboard, target).get("assessment")).get(field);
    }

    @Test
    void shouldAnswerNotModifiedToTheCurrentETagAndOnlyToASignedInCaller() {
        Response first = dashboard(q -> q);
        first.then().statusCode(200).contentType(ContentType.JSON);
        String etag = first.getHeader("ETag");
        assertNotNull(etag);
        assertEquals("private, no-cache", first.getHeader("Cache-Control"));

        Response again = dashboard(q -> q.header("If-None-Match", etag));
        again.then().statusCode(304);
        assertEquals("", again.asString(), "a 304 has no body");
        assertEquals(etag, again.getHeader("ETag"));
        assertEquals("private, no-cache", again.getHeader("Cache-Control"));
        // Weak comparison, lists and * as RFC 9110 has them.
        dashboard(q -> q.header("If-None-Match", "\"other\", W/" + etag)).then().statusCode(304);
        dashboard(q -> q.header("If-None-Match", "*")).then().statusCode(304);
        dashboard(q -> q.header("If-None-Match", "\"other\"")).then().statusCode(200);
        // The same bytes from the cache as computed.
        assertEquals(first.asString(), dashboard(q -> q).asString());

        given().header("If-None-Match", etag).get("/api/dashboard").then().statusCode(401);
        given().auth().preemptive().basic("viewer1", "not-the-password-at-all").header("If-None-Match", etag)
                .get("/api/dashboard").then().statusCode(401);
    }

    @Test
    void shouldCostOneStatementWhenNothingChanged() {
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        asViewer().get("/api/dashboard").then().statusCode(200); // computed and kept
        asViewer().get("/api/me").then().statusCode(200);
        stats.clear();
        asViewer().get("/api/me").then().statusCode(200);
        long signIn = stats.getPrepareStatementCount();
        stats.clear();
        asViewer().get("/api/dashboard").then().statusCode(200);
        assertEquals(1, stats.getPrepareStatementCount() - signIn, "a cached answer reads the change stamp only");
    }

    @Test
    void shouldKeepTheAnswerThroughWritesTheDashboardDoesNotRead() {
        TestUsers.as("stamp.analyst", "analyst").get("/api/me").then().statusCode(200); // a user (created once)
        String etag = etag();
        // A session and its audit event, a token, a wrong password (the throttle): entities marked @Unstamped.
        given().contentType(ContentType.URLENC).formParam("j_username", "stamp.analyst")
                .formParam("j_password", TestUsers.PASSWORD).post("/j_security_check").then().statusCode(200);
        TestUsers.as("stamp.analyst", "analyst").contentType(ContentType.JSON)
                .body(Map.of("name", "stamp test", "expiresAt",
                        OffsetDateTime.now(ZoneOffset.UTC).plusDays(5).withNano(0).toString()))
                .post("/api/tokens").then().statusCode(201);
        given().contentType(ContentType.URLENC).formParam("j_username", "stamp.analyst")
                .formParam("j_password", "not-the-password-at-all").post("/j_security_check").then()
                .statusCode(401);
        dashboard(q -> q.header("If-None-Match", etag)).then().statusCode(304);
    }

    @Test
    void shouldGiveEachAsOfKnownAtAndFilterItsOwnAnswer() {
        TestValues.post("NON_FOSSIL_SHARE", "2023", 17.9);
        Response now = dashboard(q -> q);
        Response past = dashboard(q -> q.queryParam("asOf", "2022-12-31"));
        past.then().statusCode(200).body("[0].assessment.asOf", equalTo("2022-12-31"));
        assertNotEquals(now.getHeader("ETag"), past.getHeader("ETag"));
        assertEquals(null, assessed(past, NON_FOSSIL, "latest"), "2023's value does not count as of 2022");
        assertNotNull(assessed(now, NON_FOSSIL, "latest"));

        Response before = dashboard(q -> q.queryParam("knownAt", "2020-01-01"));
        before.then().statusCode(200).body("[0].assessment.knownAt", equalTo("2020-01-01T23:59:59.999999Z"));
        assertEquals(null, assessed(before, NON_FOSSIL, "latest"), "the value was not known in 2020");
        assertNotEquals(now.getHeader("ETag"), before.getHeader("ETag"));
        // Asked again: the kept answers, each its own.
        dashboard(q -> q.queryParam("asOf", "2022-12-31").header("If-None-Match", past.getHeader("ETag"))).then()
                .statusCode(304);
        dashboard(q -> q.queryParam("knownAt", "2020-01-01").header("If-None-Match", now.getHeader("ETag"))).then()
                .statusCode(200);

        Response ftz = dashboard(q -> q.queryParam("theme", "FTZ"));
        assertTrue(ftz.jsonPath().getList("$").size() < now.jsonPath().getList("$").size());
        assertNotEquals(now.getHeader("ETag"), ftz.getHeader("ETag"));

        // The answer holds both languages (explanation.zh and .en): the language is not part of it.
        Response zh = dashboard(q -> q.header("Accept-Language", "zh"));
        Response en = dashboard(q -> q.header("Accept-Language", "en"));
        assertEquals(zh.getHeader("ETag"), en.getHeader("ETag"));
        assertEquals(zh.asString(), en.asString());
    }

    @Test
    void shouldChangeTheAnswerAfterAValueIsEnteredCorrectedOrDeleted() {
        String etag = etag();
        TestValues.post("NON_FOSSIL_SHARE", "2023", 17.9);
        Response entered = afterWrite(etag);
        assertEquals("2023", ((Map<?, ?>) assessed(entered, NON_FOSSIL, "latest")).get("period"));

        asAnalyst().contentType(ContentType.JSON).body(Map.of("value", 18.1, "version", 0))
                .put("/api/indicators/NON_FOSSIL_SHARE/observations/2023").then().statusCode(200);
        Response corrected = afterWrite(entered.getHeader("ETag"));
        assertEquals(18.1,
                ((Number) ((Map<?, ?>) assessed(corrected, NON_FOSSIL, "latest")).get("value")).doubleValue());

        asAnalyst().queryParam("version", 1).delete("/api/indicators/NON_FOSSIL_SHARE/observations/2023").then()
                .statusCode(204);
        Response deleted = afterWrite(corrected.getHeader("ETag"));
        assertNotEquals("2023", String.valueOf(assessed(deleted, NON_FOSSIL, "latest")));
    }

    @Test
    void shouldChangeTheAnswerAfterAnImport() {
        String etag = etag();
        String csv = "indicator,period,value,form\nNON_FOSSIL_SHARE,2023,17.9,LEVEL\n";
        asAnalyst().contentType("text/csv").body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/observations/imports?wait=true&mode=create").then().body("status", equalTo("SUCCEEDED"));
        Response imported = afterWrite(etag);
        assertEquals("2023", ((Map<?, ?>) assessed(imported, NON_FOSSIL, "latest")).get("period"));
    }

    @Test
    void shouldChangeTheAnswerAfterAMilestoneState() {
        String etag = etag();
        asAnalyst().contentType(ContentType.JSON).body(Map.of("state", "IN_PROGRESS", "version", 0))
                .put(PEAK + "/milestone").then().statusCode(200);
        afterWrite(etag);
    }

    @Test
    void shouldChangeTheAnswerAfterAJudgement() {
        String etag = etag();
        asAnalyst().contentType(ContentType.JSON).body(Map.of("status", "ON_TRACK", "reason", "按规划口径理解",
                "evidence", "国务院新闻办公室新闻发布会，2026-03-05")).put(JUDGED).then().statusCode(200);
        Response judged = afterWrite(etag);
        assertEquals("ON_TRACK",
                ((Map<?, ?>) assessed(judged, "CARBON-2030-ENERGY-INTENSITY", "judgement")).get("status"));
    }

    @Test
    void shouldChangeTheAnswerAfterACatalogueChange() throws Exception {
        String etag = etag();
        SeedCopy.copy(dir);
        Path outline = dir.resolve("ip-powerhouse-outline.yaml");
        Files.writeString(outline, Files.readString(outline).replace("targetValue: 7.5", "targetValue: 7.6"));
        try {
            assertEquals(CatalogueLoader.Outcome.LOADED, loader.load(SeedDirectory.of(dir)));
            Response changed = afterWrite(etag);
            assertEquals(7.6, ((Number) entry(changed, COPYRIGHT).get("targetValue")).doubleValue());
        } finally {
            loader.load(SeedDirectory.packaged());
        }
        dashboard(q -> q).then().body("find { it.id == '" + COPYRIGHT + "' }.targetValue", equalTo(7.5));
    }

    @Test
    void shouldChangeTheAnswerAfterARestoreAndTheSample() {
        String backup = asAdmin().get("/api/admin/backup").then().statusCode(200).extract().asString();
        TestValues.post("NON_FOSSIL_SHARE", "2023", 17.9);
        String etag = etag();
        asAdmin().contentType(ContentType.JSON).body(backup).post("/api/admin/restore").then().statusCode(200);
        Response restored = afterWrite(etag);
        assertEquals(null, assessed(restored, NON_FOSSIL, "latest"), "the value entered after the backup is gone");

        asAdmin().post("/api/sample").then().statusCode(200);
        Response sample = afterWrite(restored.getHeader("ETag"));
        asAdmin().delete("/api/sample").then().statusCode(200);
        afterWrite(sample.getHeader("ETag"));
    }
}
