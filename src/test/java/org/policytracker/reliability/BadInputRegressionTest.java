package org.policytracker.reliability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.policytracker.TestUsers.asAnalyst;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestUsers;
import org.policytracker.reliability.Http.Answer;

/** The contract breaches the bad-input suite found, each pinned by a plain test. */
@QuarkusTest
class BadInputRegressionTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    /** Was a 500 (IllegalStateException from the form mechanism decoding a multipart body). */
    @Test
    void shouldRefuseASignInWithoutAFormContentTypeWith415NamingIt() {
        Answer none = Http.send("POST", "/j_security_check", null, null, Nasty.b("j_username=a&j_password=b"));
        assertProblem(none, 415, "Content-Type");
        Answer multipart = Http.send("POST", "/j_security_check", null, "multipart/form-data", Nasty.b("x"));
        assertProblem(multipart, 415, "Content-Type");
        // The form still works.
        given().contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "admin").formParam("j_password", TestUsers.ADMIN_PASSWORD)
                .post("/j_security_check").then().statusCode(200);
    }

    /** Was a 415 problem with an empty errors list. */
    @Test
    void shouldNameTheContentTypeWhenAJsonEndpointGetsAnotherOne() {
        asAnalyst().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("text/plain").body("{\"period\":\"2024\",\"value\":1}")
                .post("/api/indicators/IP_PROTECTION_SATISFACTION/observations")
                .then().statusCode(415).contentType("application/problem+json")
                .body("errors.field", hasItem("Content-Type"))
                .body("errors[0].message", containsString("application/json"));
    }

    /** Was a 400 "HTTP 400 Bad Request" with no field. */
    @Test
    void shouldNameAnUnparsableContentTypeOfAnImport() {
        asAnalyst().get("/api/me").then().statusCode(200);
        Answer answer = Http.send("POST", "/api/observations/imports?wait=true",
                Http.basic("analyst1", TestUsers.PASSWORD), "garbage", Nasty.b("indicator,period,value\n"));
        assertProblem(answer, 400, "Content-Type");
    }

    /** Was a 500 (DateTimeParseException) with a backup whose date cell was damaged. */
    @Test
    void shouldRefuseABackupWithADamagedDateWith400AndChangeNothing() {
        String admin = Http.basic("admin", TestUsers.ADMIN_PASSWORD);
        String backup = Http.send("GET", "/api/admin/backup", admin, null, null).text();
        String damaged = backup.replaceFirst("\"2021-08-02\"", "\"2R21-08-02\"");
        Assertions.assertNotEquals(backup, damaged, "the backup has a document date");
        String usersBefore = Http.send("GET", "/api/users", admin, null, null).text();
        Answer answer = Http.send("POST", "/api/admin/restore", admin, "application/json", Nasty.b(damaged));
        // The cell is named by table, row and column (the first document's issued_on), with what is allowed.
        assertProblem(answer, 400, "tables.document.rows[0].issued_on");
        Assertions.assertTrue(answer.text().contains("2R21-08-02"), answer.text());
        Assertions.assertEquals(1, answer.json().path("errors").size(), "the one damaged cell: " + answer.text());
        Assertions.assertEquals(usersBefore, Http.send("GET", "/api/users", admin, null, null)
                .text());
    }

    /** PostgreSQL refuses U+0000 in text: each of these was a 500 there (found by the suite on PostgreSQL). */
    @Test
    void shouldRefuseTheNulCharacterNamingTheFieldOnEveryDatabase() {
        String analyst = Http.basic("analyst1", TestUsers.PASSWORD);
        asAnalyst().get("/api/me").then().statusCode(200);
        String url = "/api/indicators/IP_PROTECTION_SATISFACTION/observations";
        assertProblem(Http.send("POST", url, analyst, "application/json",
                Nasty.b("{\"period\":\"2016\",\"value\":70,\"note\":\"a\\u0000b\"}")), 400, "note");
        Answer path = Http.send("PUT", url + "/a%00b", analyst, "application/json",
                Nasty.b("{\"value\":1,\"version\":0}"));
        Assertions.assertEquals(404, path.status(), path.text());
        Assertions.assertTrue(path.contentType().startsWith("application/problem+json"));
        assertProblem(Http.send("POST", "/api/observations/imports?wait=true&fileName=a%00b", analyst, "text/csv",
                Nasty.b("indicator,period,value\n")), 400, "fileName");
        assertProblem(Http.send("PUT", "/api/targets/FTZ-M17/milestone", analyst, "application/json",
                Nasty.b("{\"state\":\"IN_PROGRESS\",\"evidence\":\"\\u0000\",\"version\":0}")), 400, "evidence");
        // Sign-in with a NUL in the user name: H2 finds no such user (401); PostgreSQL refuses the query,
        // which is now a 400 problem instead of a 500.
        Answer signIn = Http.send("POST", "/j_security_check", null, "application/x-www-form-urlencoded",
                Nasty.b("j_username=a%00b&j_password=whatever-password"));
        if (signIn.status() == 400) {
            assertProblem(signIn, 400, "(text)");
        } else {
            Assertions.assertEquals(401, signIn.status(), signIn.text());
        }
    }

    private static void assertProblem(Answer answer, int status, String field) {
        Assertions.assertEquals(status, answer.status(), answer.text());
        Assertions.assertTrue(answer.contentType().startsWith("application/problem+json"),
                answer.contentType());
        Assertions.assertEquals(field, answer.json().path("errors").path(0).path("field")
                .asText(), answer.text());
        Assertions.assertEquals(status, answer.json().path("status").asInt());
    }

    @Test
    void shouldNameTheVersionWhenItIsNotANumber() {
        String url = "/api/indicators/IP_PROTECTION_SATISFACTION/observations";
        asAnalyst().contentType("application/json").body("{\"period\":\"2015\",\"value\":70}").post(url);
        asAnalyst().delete(url + "/2015?version=abc").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("version"));
    }
}
