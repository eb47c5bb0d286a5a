package org.policytracker.report;

import static org.hamcrest.Matchers.equalTo;
import static org.policytracker.TestUsers.asAnalyst;
import static org.policytracker.TestUsers.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.policytracker.system.PerUserLimit;

/**
 * Issue #16, "bounded cost per request": a user has at most tracker.reports.max-pdf-per-user (1) PDF report in
 * the making at once; one more is a 429 problem with Retry-After, other users and other formats are not held
 * up. The test takes the user's place itself (as a PDF in the making does), so no timing is guessed.
 */
@QuarkusTest
class PdfPerUserLimitTest {

    static final String PDF = "/api/reports/status?format=pdf&lang=en";

    @Inject
    PdfPlaces places;

    @Test
    void shouldRefuseASecondPdfOfOneUserWith429AndRetryAfter() {
        asViewer().get("/api/dashboard").then().statusCode(200); // creates viewer1
        try (PerUserLimit.Permit inTheMaking = places.acquire("viewer1")) {
            asViewer().get(PDF).then().statusCode(429).contentType("application/problem+json")
                    .header("Retry-After", "5").body("status", equalTo(429)).body("title", equalTo("Too many requests"))
                    .body("detail", equalTo("A PDF report of yours is being made already; one user may have 1 made "
                            + "at once (tracker.reports.max-pdf-per-user). Try again in a moment."));
            asViewer().get("/api/reports/status?format=csv").then().statusCode(200);
            asAnalyst().get(PDF).then().statusCode(200).contentType("application/pdf");
        }
        asViewer().get(PDF).then().statusCode(200).contentType("application/pdf");
        // The place is given back after each report, also after a refused parameter.
        asViewer().get(PDF + "&theme=NONE").then().statusCode(400);
        asViewer().get(PDF).then().statusCode(200);
    }
}
