package org.policytracker.observation;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The state of an observation as the audit log records it before and after a change: the period, the
 * figure's fields ({@code value, form, qualifier, publication, unit, enteredValue, confirm, source, note, seriesBreak, basis}, unwrapped) and the version.
 */
public record AuditedState(String period, @JsonUnwrapped Figure figure, long version) {
}
