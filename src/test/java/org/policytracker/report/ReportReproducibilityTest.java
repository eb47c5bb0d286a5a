package org.policytracker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.TestUsers.asAnalyst;
import static org.policytracker.TestUsers.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestValues;

/**
 * A report as of a past date, asked for later with knownAt set to the time it was first made, has the
 * same content as the one made then, although values were corrected and added in between. Values are
 * entered for COPYRIGHT_INDUSTRIES_GDP_SHARE.
 */
@QuarkusTest
class ReportReproducibilityTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    private static final String URL = "/api/indicators/COPYRIGHT_INDUSTRIES_GDP_SHARE/observations";

    @Test
    void shouldReproduceAPastReportFromWhatWasKnownThen() throws Exception {
        TestValues.post("COPYRIGHT_INDUSTRIES_GDP_SHARE", "2020", 7.39);
        TestValues.post("COPYRIGHT_INDUSTRIES_GDP_SHARE", "2021", 7.41, "LEVEL", "国家版权局 2022", "first estimate");
        Thread.sleep(20);
        String then = OffsetDateTime.now(ZoneOffset.UTC).toString();
        Thread.sleep(20);
        // The reports made at that time.
        byte[] csvThen = Reports.report(Map.of("format", "csv", "asOf", "2022-12-31")).asByteArray();
        String htmlThen = Reports.report(Map.of("format", "html", "asOf", "2022-12-31", "knownAt", then)).asString();
        byte[] csvThenEn = Reports.report(Map.of("format", "csv", "asOf", "2022-12-31", "lang", "en")).asByteArray();

        // Later: the 2021 value is revised, and 2022 is published.
        long version = asViewer().get(URL + "/2021").then().extract().jsonPath().getLong("version");
        asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("value", 7.63, "source", "国家版权局 2023（修订）", "version", version)).put(URL + "/2021")
                .then().statusCode(200);
        TestValues.post("COPYRIGHT_INDUSTRIES_GDP_SHARE", "2022", 7.75);

        byte[] csvNow = Reports.report(Map.of("format", "csv", "asOf", "2022-12-31")).asByteArray();
        assertFalse(Arrays.equals(csvThen, csvNow), "the report as known now differs");

        byte[] csvAgain = Reports.report(Map.of("format", "csv", "asOf", "2022-12-31", "knownAt", then)).asByteArray();
        // The same table, byte for byte; the comment lines above it say when it was made, and as known when.
        assertEquals(table(csvThen), table(csvAgain), "the same CSV table, byte for byte");
        assertTrue(new String(csvAgain, StandardCharsets.UTF_8).lines().anyMatch(l -> l.startsWith("#")
                && l.contains(then.substring(0, 16).replace('T', ' '))), "the CSV says it is as known at " + then);
        byte[] csvAgainEn = Reports.report(Map.of("format", "csv", "asOf", "2022-12-31", "knownAt", then, "lang", "en"))
                .asByteArray();
        assertEquals(table(csvThenEn), table(csvAgainEn));

        String htmlAgain = Reports.report(Map.of("format", "html", "asOf", "2022-12-31", "knownAt", then)).asString();
        assertEquals(withoutGeneratedLine(htmlThen), withoutGeneratedLine(htmlAgain),
                "the same page but for the line saying when it was generated");
        assertEquals(1, htmlAgain.lines().filter(l -> l.startsWith("<p class=\"generated\">")).count(),
                "(the generated-at line, left out of the comparison, is there)");
    }

    /** The CSV without the comment lines about the report (title, as-of, known-at, generated at and by). */
    private static String table(byte[] csv) {
        return new String(csv, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "").lines()
                .filter(l -> !l.startsWith("#")).collect(Collectors.joining("\n"));
    }

    private static String withoutGeneratedLine(String html) {
        return html.lines().filter(l -> !l.startsWith("<p class=\"generated\">")).collect(Collectors.joining("\n"));
    }
}
