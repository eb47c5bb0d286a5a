package org.policytracker.assessment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.assessment.DataPoint.index;
import static org.policytracker.assessment.DataPoint.level;
import static org.policytracker.assessment.DataPoint.yoy;
import static org.policytracker.assessment.Fixtures.endOf;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.policytracker.assessment.Assessment.Break;
import org.policytracker.catalogue.Direction;
import org.policytracker.catalogue.TargetKind;

/**
 * Series bases and breaks (docs/ASSESSMENT.md, "Series bases and breaks"): values on two bases are never
 * chained; a new basis is used only when linked to the baseline year, and then both answers are given.
 */
class SeriesBreaksTest {

    /** Energy intensity: the total-consumption definition, and from 2024 the deducted one. */
    static final List<Basis> ENERGY = List.of(new Basis("ORIGINAL", 1952, "能源消费总量", "Total energy consumption"),
            new Basis("DEDUCTED", 2024, "扣除原料用能和非化石能源消费量后",
                    "Excluding raw-material energy use and non-fossil energy"));
    /** Forest stock: the national inventory until 2020, annual monitoring from 2021. */
    static final List<Basis> FOREST = List.of(new Basis("INVENTORY", 1973, "全国森林资源清查", "National forest inventory"),
            new Basis("MONITORING", 2021, "林草生态综合监测", "Integrated monitoring"));

    /** 单位国内生产总值能耗比2020年下降13.5% (2025). */
    static final TargetSpec ENERGY_2025 = Fixtures.change(2025, -13.5, 2020, 2020, 0);
    /** 森林蓄积量达到190亿立方米 (2030), from 175.6 in 2020 (inventory). */
    static final TargetSpec STOCK_2030 = Fixtures.level(TargetKind.LEVEL_AT_LEAST, 2030, 190.0, 2020, 175.6,
            Direction.UP);

    static Assessment assess(TargetSpec spec, List<Basis> bases, List<DataPoint> points, int asOf) {
        return AssessmentEngine.assess(new AssessmentInput(spec, points, List.of(), null, endOf(asOf), bases),
                Fixtures.THRESHOLDS);
    }

    /** 2021–2023 on the old basis (−2.7, −0.1, −0.5), 2024 and 2025 on the new one (−3.8, −3.0). */
    static final List<DataPoint> ENERGY_YEARLY = List.of(yoy(2021, -2.7), yoy(2022, -0.1), yoy(2023, -0.5),
            yoy(2024, -3.8), yoy(2025, -3.0));

    static Stream<Arguments> cases() {
        return Stream.of(
                // name, spec, bases, points, as of, basis answered on, latest period, breaks, answers
                Arguments.of("one definition: nothing changes", ENERGY_2025, List.of(), ENERGY_YEARLY, 2025, null,
                        "2025", List.of(), 0),
                Arguments.of("a new basis without a link: its values are not chained onto the old ones",
                        ENERGY_2025, ENERGY, ENERGY_YEARLY, 2025, "ORIGINAL", "2023",
                        List.of(new Break("2024", "ORIGINAL", "DEDUCTED", false)), 0),
                Arguments.of("a new basis linked by an official cumulative change as an index of 2020",
                        ENERGY_2025, ENERGY,
                        List.of(yoy(2021, -2.7), yoy(2022, -0.1), yoy(2023, -0.5), index(2020, 100).onBasis("DEDUCTED"),
                                index(2024, 88.4), yoy(2025, -3.0)),
                        2025, "DEDUCTED", "2025", List.of(new Break("2024", "ORIGINAL", "DEDUCTED", true)), 2),
                Arguments.of("a value stated on the old basis after the change stays on the old basis", ENERGY_2025,
                        ENERGY,
                        List.of(yoy(2021, -2.7), yoy(2022, -0.1), yoy(2023, -0.5), yoy(2024, -1.0).onBasis("ORIGINAL")),
                        2024, "ORIGINAL", "2024", List.of(), 0),
                Arguments.of(
                        "forest stock: the 2021 monitoring figure does not meet the 2030 target on the inventory basis",
                        STOCK_2030, FOREST, List.of(level(2021, 194.93)), 2021, "INVENTORY", null,
                        List.of(new Break("2021", "INVENTORY", "MONITORING", false)), 0),
                Arguments.of("forest stock linked by a 2020 value on the monitoring basis", STOCK_2030, FOREST,
                        List.of(level(2020, 192.0).onBasis("MONITORING"), level(2021, 194.93), level(2023, 206.76)),
                        2023,
                        "MONITORING", "2023", List.of(new Break("2021", "INVENTORY", "MONITORING", true)), 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void neverChainsAcrossBases(String name, TargetSpec spec, List<Basis> bases, List<DataPoint> points, int asOf,
            String basis, String latest, List<Break> breaks, int answers) {
        Assessment a = assess(spec, bases, points, asOf);
        assertAll(
                () -> assertEquals(basis, a.basis(), a.explanation().en()),
                () -> assertEquals(latest, a.latest() == null ? null : a.latest().period(), a.explanation().en()),
                () -> assertEquals(breaks, a.breaks()),
                () -> assertEquals(answers, a.byBasis().size()));
    }

    @Test
    void anUnlinkedBreakIsSaidAndTheNewValuesAreNotUsed() {
        Assessment a = assess(ENERGY_2025, ENERGY, ENERGY_YEARLY, 2025);
        // −2.7, −0.1, −0.5 chained: 3.28 % below 2020 by 2023; the new basis's −3.8 and −3.0 are not added.
        assertEquals(-3.28, a.latest().value(), 0.01);
        assertTrue(a.explanation().zh().contains("2024年起统计口径改为“扣除原料用能和非化石能源消费量后”，与2020年基期的“能源消费总量”口径不可连乘"),
                a.explanation().zh());
        assertTrue(a.explanation().en().contains("so its values are not used"), a.explanation().en());
        // Chained silently, the same figures would read 9.7 % below 2020.
        Assessment silent = assess(ENERGY_2025, List.of(), ENERGY_YEARLY, 2025);
        assertEquals(-9.7, silent.latest().value(), 0.05);
    }

    @Test
    void whenBothBasesAnswerTheCurrentComesFirstAndEachNamesItsDefinition() {
        Assessment a = assess(ENERGY_2025, ENERGY, List.of(yoy(2021, -2.7), yoy(2022, -0.1), yoy(2023, -0.5),
                index(2020, 100).onBasis("DEDUCTED"), index(2024, 88.4), yoy(2025, -3.0)), 2025);
        // On the new basis: 88.4 × 0.97 = 85.75, 14.25 % below 2020: met (at least 13.5 %).
        assertEquals(Status.ACHIEVED, a.status(), a.explanation().en());
        assertEquals(-14.25, a.latest().value(), 0.01);
        assertEquals(List.of("DEDUCTED", "ORIGINAL"), a.byBasis().stream().map(Assessment::basis).toList());
        assertEquals(a.status(), a.byBasis().get(0).status());
        Assessment old = a.byBasis().get(1);
        assertEquals("2023", old.latest().period());
        assertTrue(a.explanation().zh().startsWith("按“扣除原料用能和非化石能源消费量后”口径："), a.explanation().zh());
        assertTrue(a.explanation().zh().contains("按“能源消费总量”口径："), a.explanation().zh());
        assertTrue(a.explanation().en().startsWith("On the basis “Excluding raw-material energy use"),
                a.explanation().en());
    }

    @Test
    void aLinkAloneIsNoBreakYet() {
        // As of 2022 the deducted basis has only its 2020 link: the answer is the original basis's.
        Assessment a = assess(ENERGY_2025, ENERGY, List.of(yoy(2021, -2.7), yoy(2022, -0.1),
                index(2020, 100).onBasis("DEDUCTED"), index(2024, 88.4)), 2022);
        assertEquals("ORIGINAL", a.basis());
        assertEquals("2022", a.latest().period());
        assertTrue(a.breaks().isEmpty(), a.breaks().toString());
    }

    @Test
    void theForestStockDoesNotReadAsAchievedFromAMethodJump() {
        Assessment silent = assess(STOCK_2030, List.of(), List.of(level(2021, 194.93)), 2021);
        assertEquals(Status.ACHIEVED, silent.status(), "chained silently, 2021 meets the 2030 target");
        Assessment a = assess(STOCK_2030, FOREST, List.of(level(2021, 194.93)), 2021);
        assertEquals(Status.NO_DATA, a.status(), a.explanation().en());
        assertNull(a.latest());
        assertFalse(a.breaks().get(0).linked());
        assertTrue(a.explanation().zh().contains("新口径数据未用于评估"), a.explanation().zh());
    }

    @Test
    void aNewBasisBaselineIsNotReportedAsARevisionOfTheCataloguesBaseline() {
        Assessment a = assess(STOCK_2030, FOREST,
                List.of(level(2020, 192.0).onBasis("MONITORING"), level(2023, 206.76)), 2023);
        assertEquals("MONITORING", a.basis());
        assertEquals(192.0, a.baseline().value(), 1e-9);
        assertNull(a.catalogueBaseline(), "the catalogue's 175.6 is on the inventory basis: not compared");
        assertFalse(a.explanation().zh().contains("目录基准值"), a.explanation().zh());
        assertEquals(Status.ACHIEVED, a.status(), a.explanation().en());
        assertEquals("INVENTORY", a.byBasis().get(1).basis());
        assertEquals(Status.NO_DATA, a.byBasis().get(1).status());
    }
}
