package org.policytracker.assessment;

import java.time.LocalDate;
import org.policytracker.milestone.MilestoneState;

/**
 * The analyst-set state of a milestone and the date it took effect (for {@link MilestoneState#DONE}:
 * the date it was done). Both may be null; a null state means nothing has been recorded.
 */
public record MilestoneInput(MilestoneState state, LocalDate date) {
}
