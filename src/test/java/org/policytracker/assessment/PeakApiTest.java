package org.policytracker.assessment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.policytracker.TestUsers.asAnalyst;
import static org.policytracker.TestUsers.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;

/** The CO2 peak decided by the emissions series, with the analyst's state beside it. */
@QuarkusTest
class PeakApiTest {

    private static final String TARGET = "/api/targets/CARBON-2030-CO2-PEAK";

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @Test
    void shouldAssessThePeakFromTheEmissionsAndSayTheAnalystsState() {
        asViewer().get(TARGET).then().statusCode(200).body("decidedBy", equalTo("PEAK"));
        asViewer().get("/api/targets/FTZ-M18").then().body("decidedBy", org.hamcrest.Matchers.nullValue());
        for (Object[] p : new Object[][]{{"2022", 114.0}, {"2023", 118.0}, {"2024", 117.0}}) {
            asAnalyst().contentType(ContentType.JSON).body(Map.of("period", p[0], "value", p[1]))
                    .post("/api/indicators/CO2_EMISSIONS/observations").then().statusCode(201);
        }
        asAnalyst().contentType(ContentType.JSON).body(Map.of("state", "IN_PROGRESS", "version", 0))
                .put(TARGET + "/milestone").then().statusCode(200);
        asViewer().get(TARGET + "/assessment").then().statusCode(200)
                .body("status", equalTo("ON_TRACK"))
                .body("latest.period", equalTo("2024"))
                .body("explanation.zh", containsString("2023年为目前最高值（118），其后仅1年低于该值，峰值尚待确认"))
                .body("explanation.zh", containsString("分析师记录的状态：进行中"));
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2025", "value", 116.0))
                .post("/api/indicators/CO2_EMISSIONS/observations").then().statusCode(201);
        asViewer().get(TARGET + "/assessment").then().body("status", equalTo("ACHIEVED"))
                .body("explanation.en", containsString("The data show the peak in 2023"));
    }
}
