package org.policytracker.assessment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.assessment.DataPoint.bound;
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
import org.policytracker.catalogue.Publication;
import org.policytracker.catalogue.Qualifier;

/**
 * Preliminary, final and estimated figures (docs/ASSESSMENT.md, "Preliminary, final and estimated
 * figures"): an observation of the baseline year is the baseline, with its publication and the difference
 * from the catalogue's; a verdict resting on a provisional figure says so.
 */
class PublicationTest {

    /** Non-fossil share: 20 % 左右 (19.5 or more) by 2025; the catalogue's baseline is 2020's first figure, 15.9. */
    static final TargetSpec NON_FOSSIL = withPrecision(Fixtures.about(2025, 20, 0.5, 2020, 15.9, Direction.UP), 1);

    /** The same target, its indicator published with {@code decimals} decimals (the share: one, 16.0). */
    static TargetSpec withPrecision(TargetSpec s, int decimals) {
        return new TargetSpec(s.kind(), s.targetYear(), s.targetDate(), s.targetValue(), s.tolerance(), s.direction(),
                s.favourableDirection(), s.baseYear(), s.baselineYear(), s.baselineValue(), s.valueType(), decimals);
    }

    static Stream<Arguments> baselines() {
        return Stream.of(
                // name, points, baseline used, its publication, catalogue baseline reported
                Arguments.of("no value for the baseline year: the catalogue's baseline",
                        List.of(level(2023, 17.9)), 15.9, null, null),
                Arguments.of("the revised figure of the baseline year replaces it",
                        List.of(level(2020, 16.0).published(Publication.FINAL), level(2023, 17.9)), 16.0,
                        Publication.FINAL, 15.9),
                Arguments.of("a baseline-year figure of unstated release replaces it too",
                        List.of(level(2020, 16.0), level(2023, 17.9)), 16.0, null, 15.9),
                Arguments.of("the same figure entered: used, with the catalogue's beside it",
                        List.of(level(2020, 15.9).published(Publication.PRELIMINARY), level(2023, 17.9)), 15.9,
                        Publication.PRELIMINARY, 15.9),
                Arguments.of("a bound for the baseline year is not a level: the catalogue's stays",
                        List.of(bound(2020, Qualifier.AT_LEAST, 15), level(2023, 17.9)), 15.9, null, null),
                Arguments.of("a change on the year before for the baseline year is not a level either",
                        List.of(yoy(2020, 1.2), level(2023, 17.9)), 15.9, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("baselines")
    void theBaselineYearsOwnFigureIsUsedNeverDropped(String name, List<DataPoint> points, double baseline,
            Publication publication, Double catalogue) {
        Assessment a = assess(NON_FOSSIL, points, endOf(2024));
        assertAll(
                () -> assertEquals("2020", a.baseline().period()),
                () -> assertEquals(baseline, a.baseline().value(), 1e-9),
                () -> assertEquals(publication, a.baseline().publication()),
                () -> assertEquals(catalogue, a.catalogueBaseline()),
                () -> assertEquals(catalogue != null,
                        a.explanation().en().contains("The baseline is the entered 2020 figure"),
                        a.explanation().en()));
    }

    @Test
    void theDifferenceFromTheCatalogueIsSaidInBothLanguages() {
        Assessment a = assess(NON_FOSSIL, List.of(level(2020, 16.0).published(Publication.FINAL),
                level(2024, 19.8).published(Publication.PRELIMINARY)), endOf(2024));
        assertTrue(a.explanation().zh().contains("基准值采用录入的2020年数据16.0（最终核实数），目录基准值为15.9，相差+0.1。"),
                a.explanation().zh());
        assertTrue(
                a.explanation().en().contains(
                        "The baseline is the entered 2020 figure, 16.0 (final), not the catalogue's 15.9 (+0.1)."),
                a.explanation().en());
        assertTrue(a.explanation().zh().endsWith("2024年数据为初步核算数，最终核实后可能变化。"), a.explanation().zh());
        assertEquals(Publication.PRELIMINARY, a.latest().publication());
    }

    @Test
    void thePaceIsMeasuredFromTheObservedBaseline() {
        // From 15.9 the pace to 19.8 in 2024 is faster than from 16.0: the baseline used must be the observation.
        Assessment fromCatalogue = assess(NON_FOSSIL, List.of(level(2024, 19.0)), endOf(2024));
        Assessment fromObserved = assess(NON_FOSSIL, List.of(level(2020, 16.0), level(2024, 19.0)), endOf(2024));
        assertTrue(fromObserved.observedAnnualChange() < fromCatalogue.observedAnnualChange(),
                fromObserved.observedAnnualChange() + " vs " + fromCatalogue.observedAnnualChange());
        assertEquals((19.0 - 16.0) / 4, fromObserved.observedAnnualChange(), 1e-9);
    }

    @Test
    void aLowerFinalBaselineSaysTheDifferenceWithAMinus() {
        Assessment a = assess(NON_FOSSIL, List.of(level(2020, 15.7), level(2022, 17.0)), endOf(2022));
        assertTrue(a.explanation().zh().contains("目录基准值为15.9，相差−0.2。"), a.explanation().zh());
    }

    static Stream<Arguments> releases() {
        return Stream.of(
                Arguments.of(Publication.PRELIMINARY, "The 2024 figure is preliminary and may change"),
                Arguments.of(Publication.ESTIMATED, "The 2024 figure is an estimate, not a published figure."),
                Arguments.of(Publication.FINAL, null),
                Arguments.of(null, null));
    }

    @ParameterizedTest(name = "latest {0}")
    @MethodSource("releases")
    void aVerdictOnAProvisionalFigureSaysSo(Publication release, String said) {
        Assessment a = assess(NON_FOSSIL, List.of(level(2024, 19.8).published(release)), endOf(2024));
        assertEquals(release, a.latest().publication());
        if (said == null) {
            assertFalse(a.explanation().en().contains("preliminary") || a.explanation().en().contains("estimate"),
                    a.explanation().en());
        } else {
            assertTrue(a.explanation().en().contains(said), a.explanation().en());
        }
        // The status is the verdict on the figures as they stand, whatever their release.
        assertEquals(assess(NON_FOSSIL, List.of(level(2024, 19.8)), endOf(2024)).status(), a.status());
    }

    @Test
    void aChangeTargetKeepsTheCataloguesCumulativeBaseline() {
        // CO2 intensity: 65 % below 2005 by 2030, 48.4 % below in 2020; a 2020 level is only the reference.
        TargetSpec co2 = Fixtures.change(2030, -65, 2005, 2020, -48.4);
        Assessment a = assess(co2, List.of(level(2020, 1.0), level(2023, 0.9)), endOf(2023));
        assertNull(a.catalogueBaseline());
        assertEquals(-48.4, a.baseline().value(), 1e-9);
        assertNull(a.baseline().publication());
    }
}
