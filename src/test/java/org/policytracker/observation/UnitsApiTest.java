package org.policytracker.observation;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.policytracker.TestUsers.asAnalyst;
import static org.policytracker.TestUsers.asViewer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;

/**
 * Units as published (issue #13, point 4): a value in another unit of its indicator's family is converted
 * and kept as entered; a unit of another family is refused naming the units allowed; an implausible value
 * (the 31000 patent attorneys typed against 万人) is refused naming {@code value} with the likely
 * unit, and stored only when confirmed, which the audit records. The import: UnitImportTest.
 */
@QuarkusTest
class UnitsApiTest {

    private static final String ATTORNEYS = "/api/indicators/LICENSED_PATENT_ATTORNEYS/observations";
    private static final String TARGET = "/api/targets/IPP-2025-PATENT-ATTORNEYS/assessment";
    private static final String TRADE = "/api/indicators/SERVICE_TRADE_TOTAL/observations";

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @Test
    void shouldOfferTheUnitFamilyOfAnIndicator() {
        asViewer().get("/api/indicators/LICENSED_PATENT_ATTORNEYS").then().statusCode(200)
                .body("unit", equalTo("万人")).body("units", contains("万人", "人", "亿人"));
        asViewer().get("/api/indicators/SERVICE_TRADE_TOTAL").then()
                .body("units", contains("亿美元", "美元", "万美元", "万亿美元"));
    }

    @Test
    void shouldRefuseAPersonsCountTypedAsTenThousandsThenStoreItInItsUnit() {
        // As published: 31000 persons. Typed against the indicator's 万人 it would "meet" 4万人 7750 times over.
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2021", "value", 31000)).post(ATTORNEYS)
                .then().statusCode(409).contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("value"))
                .body("errors[0].code", equalTo("value.implausibleUnit"))
                .body("errors[0].message", containsString("did you mean 31,000 人"));
        asViewer().get(ATTORNEYS + "/2021").then().statusCode(404);

        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2021", "value", 31000, "unit", "人"))
                .post(ATTORNEYS).then().statusCode(201)
                .body("value", equalTo(3.1)).body("unit", equalTo("人")).body("enteredValue", equalTo(31000.0))
                .body("confirm", equalTo(false));
        asViewer().get(TARGET).then().statusCode(200).body("status", not(equalTo("ACHIEVED")));

        // Corrected in the indicator's own unit: no unit is kept, the earlier one stays in the history.
        asAnalyst().contentType(ContentType.JSON).body(Map.of("value", 3.2, "unit", "万人", "version", 0))
                .put(ATTORNEYS + "/2021").then().statusCode(200).body("unit", nullValue())
                .body("enteredValue", nullValue()).body("priorVintages[0].unit", equalTo("人"))
                .body("priorVintages[0].enteredValue", equalTo(31000.0));
    }

    @Test
    void shouldRefuseAUnitOfAnotherFamilyNamingTheUnitsAllowed() {
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2021", "value", 52982.7, "unit", "亿元"))
                .post(TRADE).then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("unit")).body("errors[0].code", equalTo("unit.otherFamily"))
                .body("errors[0].message", containsString("亿美元, 美元, 万美元, 万亿美元"));
        asViewer().get(TRADE + "/2021").then().statusCode(404);
        // Typed without its unit, the 亿元 figure is eight times the 2020 baseline in 亿美元 within a year.
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2021", "value", 52982.7)).post(TRADE)
                .then().statusCode(409).body("errors[0].field", equalTo("value"))
                .body("errors[0].code", equalTo("value.implausible"));
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2021", "value", 8212.5)).post(TRADE)
                .then().statusCode(201);
    }

    @Test
    void shouldStoreAnImplausibleValueWhenConfirmedAndAuditTheConfirmation() {
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2021", "value", 3.1)).post(ATTORNEYS)
                .then().statusCode(201);
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2022", "value", 40)).post(ATTORNEYS)
                .then().statusCode(409).body("errors[0].message", containsString("2021 (3.1 万人)"));
        asAnalyst().contentType(ContentType.JSON).body(Map.of("period", "2022", "value", 40, "confirm", true))
                .post(ATTORNEYS).then().statusCode(201).body("confirm", equalTo(true));
        asViewer().queryParam("indicator", "LICENSED_PATENT_ATTORNEYS").get("/api/audit").then().statusCode(200)
                .body("items[0].period", equalTo("2022")).body("items[0].after.value", equalTo(40.0))
                .body("items[0].after.confirm", equalTo(true)).body("items[0].actor", equalTo("analyst1"));
    }
}
