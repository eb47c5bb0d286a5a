package org.policytracker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestUsers;

/** A report never prints a published bound as if it were the value: "≥ 25%", and a column that says so. */
@QuarkusTest
class BoundsReportTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
        TestUsers.asAnalyst().contentType("application/json")
                .body(Map.of("period", "2022", "value", 25, "qualifier", "AT_LEAST", "source", "森林覆盖率超过25%",
                        "basis", "INVENTORY"))
                .post("/api/indicators/FOREST_COVERAGE/observations").then().statusCode(201);
    }

    @Test
    void shouldMarkTheBoundInTheCsvRowOfTheTarget() throws Exception {
        List<CSVRecord> rows = Reports.csv(Reports.report(Map.of("format", "csv")).asByteArray());
        CSVRecord forest = rows.stream().filter(r -> r.get("目标编号").equals("CARBON-2025-FOREST-COVERAGE"))
                .findFirst().orElseThrow();
        assertEquals("ACHIEVED", forest.get("状态代码"));
        assertEquals("2022", forest.get("最新值年份"));
        assertEquals("25", forest.get("最新值［单位］"));
        assertEquals("以上（超过、突破）", forest.get("数值性质"));
        assertTrue(forest.get("说明").contains("2022年公布为25以上"), forest.get("说明"));
        CSVRecord pledge = rows.stream().filter(r -> r.get("目标编号").equals("IPP-2025-PLEDGE-FINANCING"))
                .findFirst().orElseThrow();
        assertEquals("", pledge.get("数值性质"), "no value, nothing to qualify");
    }

    @Test
    void shouldPrintTheBoundAsABoundInTheHtmlReport() {
        String html = Reports.report(Map.of("format", "html", "lang", "en")).asString();
        assertTrue(html.contains("≥ 25"), "the latest value is printed as a bound");
    }
}
