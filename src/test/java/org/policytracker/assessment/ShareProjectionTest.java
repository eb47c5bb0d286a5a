package org.policytracker.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.policytracker.catalogue.Direction;
import org.policytracker.catalogue.TargetKind;
import org.policytracker.catalogue.ValueType;

/** A share cannot be projected past 100 %, however fast it grew. */
class ShareProjectionTest {

    @Test
    void shouldHoldTheProjectionOfAShareAt100() {
        // Non-fossil share 15.9 (2020) → 19.8 (2024): 5.6 % a year would give 142.6 % in 2060.
        TargetSpec share = new TargetSpec(TargetKind.LEVEL_AT_LEAST, 2060, null, 80.0, null, null, Direction.UP,
                null, 2020, 15.9, ValueType.SHARE);
        Assessment a = AssessmentEngine.assess(AssessmentInput.of(share, List.of(DataPoint.level(2024, 19.8)),
                Fixtures.endOf(2025)), Fixtures.THRESHOLDS);
        assertEquals(100.0, a.projected(), 1e-12);
        assertEquals(Status.ON_TRACK, a.status());
        assertTrue(a.explanation().zh().contains("100"), a.explanation().zh());

        TargetSpec amount = new TargetSpec(TargetKind.LEVEL_AT_LEAST, 2060, null, 80.0, null, null, Direction.UP,
                null, 2020, 15.9, ValueType.AMOUNT);
        Assessment b = AssessmentEngine.assess(AssessmentInput.of(amount, List.of(DataPoint.level(2024, 19.8)),
                Fixtures.endOf(2025)), Fixtures.THRESHOLDS);
        assertTrue(b.projected() > 140, "an amount is not capped: " + b.projected());
    }
}
