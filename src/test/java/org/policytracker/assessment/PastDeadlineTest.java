package org.policytracker.assessment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.assessment.DataPoint.level;
import static org.policytracker.assessment.DataPoint.yoy;
import static org.policytracker.assessment.Fixtures.assess;
import static org.policytracker.assessment.Fixtures.endOf;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.policytracker.catalogue.Direction;
import org.policytracker.catalogue.ObservationForm;
import org.policytracker.catalogue.TargetKind;

/**
 * Verdicts after the deadline, gaps, met-then-slipped, a single value, and the projection rule named
 * (docs/ASSESSMENT.md, "Gaps and past deadlines" and "Met, then slipped").
 */
class PastDeadlineTest {

    /** CO2 intensity: 18 % below 2020 by 2025 (the change is on the chained index from 2020). */
    static final TargetSpec CO2 = Fixtures.change(2025, -18, 2020, 2020, 0);
    /** Capacity: at least 12 by 2025, 6.3 in 2020. */
    static final TargetSpec CAPACITY = Fixtures.atLeast(2025, 12, 2020, 6.3);
    /** A share of 13 % by 2025, 12 in 2020. */
    static final TargetSpec SHARE = Fixtures.atLeast(2025, 13, 2020, 12);
    /** Keep at least 80 until 2025 (达到并保持), 78 in 2020. */
    static final TargetSpec KEEP = Fixtures.maintain(2025, 80.0, 2020, 78);

    static final List<DataPoint> CO2_WITHOUT_2023 = List.of(yoy(2021, -3.8), yoy(2022, -0.8), yoy(2024, -3.4),
            yoy(2025, -5.1));

    @Test
    void shouldNameTheGapAndTheChangeItNeedsOnceTheDeadlineHasPassed() {
        Assessment a = assess(CO2, CO2_WITHOUT_2023, endOf(2026));
        double needed = (0.82 / (0.962 * 0.992 * 0.966 * 0.949) - 1) * 100; // −6.27 %
        assertAll(
                () -> assertEquals(Status.NO_DATA, a.status(), "not a pace verdict"),
                () -> assertNull(a.projected(), "no projection for a past deadline"),
                () -> assertEquals(1, a.gaps().size()),
                () -> assertEquals("2023", a.gaps().get(0).period()),
                () -> assertEquals(ObservationForm.YOY_CHANGE_PCT, a.gaps().get(0).form()),
                () -> assertEquals(needed, a.gaps().get(0).requiredValue(), 1e-6),
                () -> assertEquals(Boolean.FALSE, a.gaps().get(0).withinObservedRange(),
                        "a fall of 6.27 % is beyond the falls of 0.8 % to 5.1 % observed"),
                () -> assertTrue(a.explanation().zh().contains("目标年2025年已过，但缺少2023年数据"), a.explanation().zh()),
                () -> assertTrue(a.explanation().zh().contains("若2023年比上年下降至少6.27%，目标即已实现"),
                        a.explanation().zh()),
                () -> assertTrue(a.explanation().zh().contains("所需的−6.27%低于此范围"), a.explanation().zh()),
                () -> assertTrue(a.explanation().en().contains("The target was met if in 2023 fell by at least 6.27 %")
                        || a.explanation().en().contains("in 2023 fell by at least 6.27 %"), a.explanation().en()),
                () -> assertFalse(a.explanation().en().contains("will be"), "nothing in the future tense"));
    }

    @Test
    void shouldListAGapBeforeTheDeadlineWithoutANeededValue() {
        Assessment a = assess(CO2, CO2_WITHOUT_2023.subList(0, 3), endOf(2024));
        assertAll(
                () -> assertTrue(a.status() != Status.NO_DATA, "a pace verdict on the chain so far: " + a.status()),
                () -> assertEquals(List.of(2023), a.missingYears()),
                () -> assertEquals(1, a.gaps().size()),
                () -> assertEquals("2023", a.gaps().get(0).period()),
                () -> assertNull(a.gaps().get(0).requiredValue()));
    }

    static Stream<Arguments> pastDeadlines() {
        return Stream.of(
                // name, spec, points, status, gap periods, required value (null: none), within range
                Arguments.of("a level target without its deadline year's value: the level it needs", CAPACITY,
                        List.of(level(2023, 9.5), level(2024, 10.9)), Status.NO_DATA, List.of("2025"), 12.0,
                        Boolean.FALSE), // a rise of 10.1 % needed, below the 14.7 % a year observed
                Arguments.of("met before the deadline is met, whatever came after", CAPACITY,
                        List.of(level(2023, 12.5)), Status.ACHIEVED, List.of(), null, null),
                Arguments.of("the deadline year's value decides", CAPACITY,
                        List.of(level(2024, 10.9), level(2025, 11.8)),
                        Status.MISSED, List.of(), null, null),
                Arguments.of("two years missing: both named, no single value", CO2,
                        List.of(yoy(2021, -3.8), yoy(2022, -0.8), yoy(2025, -5.1)), Status.NO_DATA,
                        List.of("2023", "2024"), null, null),
                Arguments.of("only the baseline: every year after it is a gap", CAPACITY, List.of(),
                        Status.NO_DATA, List.of(), null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pastDeadlines")
    void shouldJudgeAPastDeadlineInThePastTense(String name, TargetSpec spec, List<DataPoint> points, Status status,
            List<String> gaps, Double required, Boolean within) {
        Assessment a = assess(spec, points, endOf(2026));
        assertAll(name,
                () -> assertEquals(status, a.status()),
                () -> assertEquals(gaps, a.gaps().stream().map(Assessment.Gap::period).toList()),
                () -> {
                    if (required != null) {
                        assertEquals(required, a.gaps().get(0).requiredValue(), 1e-9);
                        assertEquals(within, a.gaps().get(0).withinObservedRange());
                    } else {
                        a.gaps().forEach(g -> assertNull(g.requiredValue()));
                    }
                },
                () -> {
                    if (status == Status.NO_DATA) {
                        assertNull(a.projected(), "no projection for a past deadline");
                    }
                });
    }

    @Test
    void shouldProveATargetByASingleValueWithoutABaseline() {
        TargetSpec noBaseline = Fixtures.level(TargetKind.COVERAGE, 2025, 85.0, null, null, Direction.UP);
        Assessment met = assess(noBaseline, List.of(level(2023, 90)), endOf(2024));
        assertEquals(Status.ACHIEVED, met.status());
        assertEquals("2023", met.latest().period());
        assertEquals("2023", met.firstMet());
        assertTrue(met.explanation().zh().contains("这是唯一的观测值"), met.explanation().zh());
        assertEquals(Status.NO_DATA, assess(noBaseline, List.of(level(2023, 80)), endOf(2024)).status(),
                "one value short of the target proves nothing and has no pace");
        assertEquals(Status.ACHIEVED, assess(noBaseline, List.of(level(2025, 90)), endOf(2026)).status(),
                "a single value in the deadline year too");
    }

    @Test
    void shouldSayWhenATargetWasMetAndThatItSlippedSince() {
        Assessment a = assess(SHARE, List.of(level(2021, 12.5), level(2022, 13.1), level(2023, 12.9)), endOf(2023));
        assertAll(
                () -> assertEquals("2022", a.firstMet()),
                () -> assertTrue(a.slipped()),
                () -> assertEquals("2023", a.slippedIn()),
                () -> assertTrue(a.explanation().zh().contains("2022年首次达到目标，2023年又回落到目标以下"), a.explanation().zh()),
                () -> assertTrue(a.explanation().en().contains("met in 2022, and below it again in 2023"),
                        a.explanation().en()));
        Assessment back = assess(SHARE, List.of(level(2022, 13.1), level(2023, 12.9), level(2024, 13.2)), endOf(2024));
        assertEquals(Status.ACHIEVED, back.status());
        assertTrue(back.slipped());
        assertTrue(back.explanation().zh().contains("2023年曾回落到目标以下"), back.explanation().zh());
        Assessment never = assess(SHARE, List.of(level(2022, 12.4)), endOf(2022));
        assertNull(never.firstMet());
        assertFalse(never.slipped());
    }

    @Test
    void shouldMeetAReachAndKeepTargetOnlyWhenKeptFromTheFirstReachToTheDeadline() {
        assertEquals(Status.ON_TRACK, assess(KEEP, List.of(level(2022, 80.5), level(2023, 81)), endOf(2023)).status());
        Assessment broken = assess(KEEP, List.of(level(2022, 80.5), level(2023, 79.8), level(2024, 80.2)),
                endOf(2024));
        assertEquals(Status.OFF_TRACK, broken.status(), "reached, then not kept");
        assertTrue(broken.explanation().zh().contains("2022年达到目标"), broken.explanation().zh());
        assertEquals(Status.MISSED, assess(KEEP, List.of(level(2022, 80.5), level(2023, 79.8), level(2025, 80.2)),
                endOf(2025)).status(), "met in the deadline year is not enough once it was not kept");
        assertEquals(Status.ACHIEVED, assess(KEEP, List.of(level(2022, 80.5), level(2023, 80.1), level(2025, 80.2)),
                endOf(2025)).status());
    }

    @Test
    void shouldNameTheRuleWhenTheProjectionMeetsTheTargetBelowTheOnTrackRatio() {
        TargetSpec about = Fixtures.about(2025, 20, 0.5, 2020, 15.9, Direction.UP);
        Assessment a = assess(about, List.of(level(2024, 18.8)), endOf(2024));
        assertEquals(Status.ON_TRACK, a.status());
        assertTrue(a.ratio() < 0.95, "ratio " + a.ratio());
        assertTrue(a.explanation().zh().contains("预计值落在目标范围内（20左右，不低于19.5），因此判为“进展顺利”，尽管速度比0.911低于0.95"),
                a.explanation().zh());
        assertTrue(a.explanation().en().contains("although the pace ratio, 0.911, is below 0.95"),
                a.explanation().en());
    }
}
