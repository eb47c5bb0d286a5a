package org.policytracker.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.TestUsers.asAdmin;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.policytracker.TestData;

/**
 * The catalogue holds every target the foundation issue names, with the values of the source
 * text, as served by GET /api/targets.
 */
@QuarkusTest
class CatalogueCompletenessTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    private Map<String, Map<String, Object>> targets;

    @BeforeEach
    void load() {
        List<Map<String, Object>> list = asAdmin().get("/api/targets").then().statusCode(200)
                .extract().jsonPath().getList("$");
        targets = list.stream().collect(Collectors.toMap(t -> (String) t.get("id"), t -> t));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
            # id,                                  indicator,                     kind,           year, value, tolerance, baseYear, baselineYear, baselineValue
            CARBON-2025-ENERGY-INTENSITY,          ENERGY_INTENSITY,              CHANGE_VS_BASE, 2025, -13.5, -,   2020, 2020, 0
            CARBON-2025-CO2-INTENSITY,             CO2_INTENSITY,                 CHANGE_VS_BASE, 2025, -18,   -,   2020, 2020, 0
            CARBON-2030-CO2-INTENSITY,             CO2_INTENSITY,                 CHANGE_VS_BASE, 2030, -65,   -,   2005, 2020, -48.4
            CARBON-2025-NON-FOSSIL-SHARE,          NON_FOSSIL_SHARE,              LEVEL_ABOUT,    2025, 20,    0.5, -,    2020, 15.9
            CARBON-2030-NON-FOSSIL-SHARE,          NON_FOSSIL_SHARE,              LEVEL_ABOUT,    2030, 25,    0.5, -,    2020, 15.9
            CARBON-2060-NON-FOSSIL-SHARE,          NON_FOSSIL_SHARE,              LEVEL_AT_LEAST, 2060, 80,    -,   -,    2020, 15.9
            CARBON-2025-FOREST-COVERAGE,           FOREST_COVERAGE,               LEVEL_AT_LEAST, 2025, 24.1,  -,   -,    2020, 23.04
            CARBON-2030-FOREST-COVERAGE,           FOREST_COVERAGE,               LEVEL_ABOUT,    2030, 25,    0.5, -,    2020, 23.04
            CARBON-2025-FOREST-STOCK,              FOREST_STOCK,                  LEVEL_AT_LEAST, 2025, 180,   -,   -,    2020, 175.6
            CARBON-2030-FOREST-STOCK,              FOREST_STOCK,                  LEVEL_AT_LEAST, 2030, 190,   -,   -,    2020, 175.6
            CARBON-2030-WIND-SOLAR-CAPACITY,       WIND_SOLAR_CAPACITY,           LEVEL_AT_LEAST, 2030, 12,    -,   -,    2020, 5.34
            CARBON-2030-CO2-PEAK,                  CO2_EMISSIONS,                 MILESTONE,      2030, -,     -,   -,    -,    -
            CARBON-2060-CARBON-NEUTRALITY,         CARBON_NEUTRALITY,             MILESTONE,      2060, -,     -,   -,    -,    -
            IPO-2025-HIGH-VALUE-PATENTS,           HIGH_VALUE_INVENTION_PATENTS_PER_10K, LEVEL_AT_LEAST, 2025, 12, -, -, 2020, 6.3
            IPO-2025-PATENT-INTENSIVE-GDP-SHARE,   PATENT_INTENSIVE_INDUSTRIES_GDP_SHARE, LEVEL_AT_LEAST, 2025, 13, -, -, 2019, 11.6
            IPO-2025-COPYRIGHT-GDP-SHARE,          COPYRIGHT_INDUSTRIES_GDP_SHARE, LEVEL_AT_LEAST, 2025, 7.5,  -,   -,    2019, 7.39
            IPO-2025-IP-ROYALTIES-TRADE,           IP_ROYALTIES_TRADE_TOTAL,      LEVEL_AT_LEAST, 2025, 3500,  -,   -,    2020, 3194.4
            IPO-2025-PROTECTION-SATISFACTION,      IP_PROTECTION_SATISFACTION,    MAINTAIN,       2025, -,     -,   -,    2020, 80.05
            IPP-2025-OVERSEAS-PATENT-GRANTS,       OVERSEAS_INVENTION_PATENT_GRANTS, COUNT,       2025, 9,     -,   -,    2020, 4
            IPP-2025-PLEDGE-FINANCING,             IP_PLEDGE_FINANCING_AMOUNT,    LEVEL_AT_LEAST, 2025, 3200,  -,   -,    2020, 2180
            IPP-2025-PROTECTION-SATISFACTION,      IP_PROTECTION_SATISFACTION,    MAINTAIN,       2025, 82,    -,   -,    2020, 80.05
            IPP-2025-CIVIL-CASE-ACCEPTANCE-RATE,   IP_CIVIL_FIRST_INSTANCE_ACCEPTANCE_RATE, LEVEL_AT_LEAST, 2025, 85, -, -, 2020, -
            IPP-2025-PATENT-ATTORNEYS,             LICENSED_PATENT_ATTORNEYS,     COUNT,          2025, 4,     -,   -,    -,    -
            IPP-2025-PROVINCIAL-PUBLIC-SERVICE-COVERAGE, PROVINCIAL_IP_PUBLIC_SERVICE_COVERAGE, COVERAGE, 2025, 100, -, -, -, -
            IPP-2025-PREFECTURE-PUBLIC-SERVICE-COVERAGE, PREFECTURE_IP_PUBLIC_SERVICE_COVERAGE, COVERAGE, 2025, 50, -, -, -, -
            SERVICE-TRADE-2025-KNOWLEDGE-INTENSIVE-GROWTH, KNOWLEDGE_INTENSIVE_SERVICE_TRADE, AVERAGE_GROWTH, 2025, 8, 0.5, 2020, 2020, 2947.6
            SERVICE-TRADE-2025-TOTAL,              SERVICE_TRADE_TOTAL,           DIRECTION,      2025, -,     -,   -,    2020, 6617.2
            SERVICE-TRADE-2025-SHARE-OF-FOREIGN-TRADE, SERVICE_TRADE_SHARE_OF_FOREIGN_TRADE, DIRECTION, 2025, -, -, -, 2020, -
            SERVICE-TRADE-2025-EXPORT-GROWTH-VS-WORLD, SERVICE_EXPORT_GROWTH,     RELATIVE,       2025, -,     -,   -,    2020, -
            SERVICE-TRADE-2025-OFFSHORE-OUTSOURCING-VS-EXPORTS, OFFSHORE_SERVICE_OUTSOURCING_GROWTH, RELATIVE, 2025, -, -, -, 2020, -
            SERVICE-TRADE-2025-PILOT-MEASURES,     SERVICE_TRADE_PILOT_MEASURES,  COUNT,          2025, 122,   -,   -,    -,    -
            SERVICE-TRADE-2025-BALANCE,            SERVICE_TRADE_DEFICIT,         DIRECTION,      2025, -,     -,   -,    2020, 1004.6
            IPP-2025-DOUBLE-RANDOM-SUPERVISION-COVERAGE, IP_SERVICE_DOUBLE_RANDOM_SUPERVISION_COVERAGE, COVERAGE, 2025, 100, -, -, -, -
            """)
    void shouldHoldTheNamedTarget(String id, String indicator, String kind, int year, Double value, Double tolerance,
            Integer baseYear, Integer baselineYear, Double baselineValue) {
        Map<String, Object> t = targets.get(id);
        assertNotNull(t, "missing target " + id);
        @SuppressWarnings("unchecked")
        Map<String, Object> ind = (Map<String, Object>) t.get("indicator");
        assertEquals(indicator, ind.get("code"), id);
        assertEquals(kind, t.get("kind"), id);
        assertEquals(year, t.get("targetYear"), id);
        assertNumber(value, t.get("targetValue"), id + " targetValue");
        assertNumber(tolerance, t.get("tolerance"), id + " tolerance");
        assertEquals(baseYear, t.get("baseYear"), id + " baseYear");
        assertEquals(baselineYear, t.get("baselineYear"), id + " baselineYear");
        assertNumber(baselineValue, t.get("baselineValue"), id + " baselineValue");
    }

    @Test
    void shouldHoldAtLeast25MeasurableTargets() {
        long measurable = targets.values().stream().filter(t -> !"MILESTONE".equals(t.get("kind"))).count();
        assertTrue(measurable >= 25, "non-milestone targets: " + measurable);
    }

    @Test
    void shouldRecordWhereTheCo2BaselineAgainst2005ComesFrom() {
        Map<String, Object> t = targets.get("CARBON-2030-CO2-INTENSITY");
        assertTrue(((String) t.get("baselineSource")).contains("48.4"), String.valueOf(t.get("baselineSource")));
    }

    @Test
    void shouldMarkTheIpOutlineIndicatorsAnticipatory() {
        List<Map<String, Object>> outline = targets.values().stream()
                .filter(t -> "ip-powerhouse-outline".equals(source(t).get("document"))).toList();
        assertEquals(5, outline.size());
        // Four of them are stated in the IP plan too: one target each, with both sources.
        List<Object> both = outline.stream().filter(t -> ((List<?>) t.get("sources")).size() == 2)
                .map(t -> t.get("id")).sorted().map(Object.class::cast).toList();
        assertEquals(
                List.of("IPO-2025-COPYRIGHT-GDP-SHARE", "IPO-2025-HIGH-VALUE-PATENTS", "IPO-2025-IP-ROYALTIES-TRADE",
                        "IPO-2025-PATENT-INTENSIVE-GDP-SHARE"),
                both);
        outline.forEach(t -> assertEquals("ANTICIPATORY", t.get("binding"), String.valueOf(t.get("id"))));
        outline.forEach(t -> assertEquals(2025, t.get("targetYear")));
    }

    @Test
    void shouldKeepTheIpPlanTableProvenanceAndDoubts() {
        List<String> tableRows = List.of("IPP-2025-OVERSEAS-PATENT-GRANTS", "IPP-2025-PLEDGE-FINANCING",
                "IPP-2025-PROTECTION-SATISFACTION", "IPP-2025-CIVIL-CASE-ACCEPTANCE-RATE");
        for (String id : tableRows) {
            String note = (String) source(targets.get(id)).get("note");
            assertTrue(note != null && note.contains("“十四五”时期知识产权发展主要指标"), id + " note: " + note);
            assertEquals("ANTICIPATORY", targets.get(id).get("binding"), id);
        }
        // The rows the outline states too keep the plan's provenance as their second source.
        for (String id : List.of("IPO-2025-HIGH-VALUE-PATENTS", "IPO-2025-IP-ROYALTIES-TRADE",
                "IPO-2025-PATENT-INTENSIVE-GDP-SHARE", "IPO-2025-COPYRIGHT-GDP-SHARE")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> plan = ((List<Map<String, Object>>) targets.get(id).get("sources")).get(1);
            assertEquals("ip-protection-plan-14fyp", plan.get("document"), id);
            String note = (String) plan.get("note");
            assertTrue(note != null && note.contains("“十四五”时期知识产权发展主要指标"), id + " plan note: " + note);
        }
        // docs/SEED-FORMAT.md: values that could not be confirmed are marked, never presented as certain.
        assertEquals(false, targets.get("IPP-2025-OVERSEAS-PATENT-GRANTS").get("targetValueConfirmed"));
        assertEquals(false, targets.get("IPP-2025-PLEDGE-FINANCING").get("targetValueConfirmed"));
        assertEquals(false, targets.get("IPP-2025-PROTECTION-SATISFACTION").get("targetValueConfirmed"));
        assertEquals(false, targets.get("IPP-2025-CIVIL-CASE-ACCEPTANCE-RATE").get("targetValueConfirmed"));
        assertEquals(false, targets.get("IPP-2025-CIVIL-CASE-ACCEPTANCE-RATE").get("baselineConfirmed"));
        assertEquals(true, targets.get("IPO-2025-IP-ROYALTIES-TRADE").get("targetValueConfirmed"));
    }

    @Test
    void shouldCompareServiceTradeGrowthWithTheRightSeries() {
        assertEquals("WORLD_SERVICE_EXPORT_GROWTH", related("SERVICE-TRADE-2025-EXPORT-GROWTH-VS-WORLD"));
        assertEquals("SERVICE_EXPORT_GROWTH", related("SERVICE-TRADE-2025-OFFSHORE-OUTSOURCING-VS-EXPORTS"));
        assertEquals("UP", targets.get("SERVICE-TRADE-2025-SHARE-OF-FOREIGN-TRADE").get("direction"));
    }

    @Test
    void shouldHoldTheNineteenFtzMeasuresAsMilestones() {
        for (int n = 1; n <= 19; n++) {
            String id = String.format("FTZ-M%02d", n);
            Map<String, Object> t = targets.get(id);
            assertNotNull(t, id);
            assertEquals("MILESTONE", t.get("kind"), id);
            assertEquals("2022-08-02", t.get("targetDate"), id + ": implementing rules due within a year of issue");
            assertFalse(((List<?>) t.get("agencies")).isEmpty(), id + " names its agencies");
            assertNull(t.get("targetValue"), id);
        }
        assertEquals(List.of("商务部", "文化和旅游部", "国务院港澳办", "各自贸试验区所在地省级人民政府"),
                targets.get("FTZ-M01").get("agencies"));
        assertEquals(List.of(), targets.get("FTZ-M01").get("scope"));
        assertEquals(List.of("上海", "辽宁", "河南"), targets.get("FTZ-M10").get("scope"));
        assertEquals(List.of("证监会"), targets.get("FTZ-M10").get("agencies"));
    }

    private String related(String id) {
        @SuppressWarnings("unchecked")
        Map<String, Object> rel = (Map<String, Object>) targets.get(id).get("relatedIndicator");
        return rel == null ? null : (String) rel.get("code");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> source(Map<String, Object> target) {
        return (Map<String, Object>) target.get("source");
    }

    private static void assertNumber(Double expected, Object actual, String what) {
        if (expected == null) {
            assertNull(actual, what);
        } else {
            assertNotNull(actual, what);
            assertEquals(expected, ((Number) actual).doubleValue(), 1e-9, what);
        }
    }
}
