package org.policytracker.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.policytracker.TestUsers.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;

@QuarkusTest
class MetricsTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @Test
    void shouldExposeRequestTimingsAndTargetsByStatusToSignedInUsers() {
        given().get("/q/metrics").then().statusCode(401);
        asViewer().get("/api/targets").then().statusCode(200);
        asViewer().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds"))
                .body(containsString("tracker_targets{status=\"NO_DATA\"}"))
                .body(containsString("tracker_observations"));
    }
}
