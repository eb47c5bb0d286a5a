package org.policytracker.observation.imports;

import java.time.OffsetDateTime;
import java.util.List;
import org.policytracker.catalogue.ObservationForm;
import org.policytracker.observation.Observation;
import org.policytracker.observation.ObservationRules;
import org.policytracker.observation.Revision;
import org.policytracker.system.Message;
import org.policytracker.system.Numbers;

/** What an import does with a period that has a value already. */
public enum ImportMode {

    /** Refuse it: the file may only add values. */
    CREATE,
    /** Correct it when anything differs (the earlier value is kept as a vintage). */
    UPSERT;

    /**
     * What a row does to its stored value, by {@link Observation}'s rules as in single entry: entered when
     * the period has no current value (new, or deleted), corrected in upsert mode when it has one
     * (unchanged when the row says the same), and null, a conflict, in create mode.
     */
    Revision revise(Observation stored, ParsedRow row, String actor, OffsetDateTime now) {
        if (!stored.isCurrent()) {
            return stored.enter(row.figure(), actor, now);
        }
        return this == UPSERT ? stored.correct(row.figure(), actor, now) : null;
    }

    /** What a row does: its revision, or the error that refuses it (then {@code revision} is null). */
    record Outcome(Revision revision, ImportError error) {
    }

    /**
     * What a row does to its stored value, as both passes decide it: refused when its form breaks the
     * published chain unconfirmed ({@link #unconfirmedForm}), when it is implausible unconfirmed
     * ({@link #implausible}; {@code levels} are its indicator's stored levels) or when its period has a value in create
     * mode ({@link #conflict}); else its revision ({@link #revise}).
     */
    Outcome decide(ParsedRow row, Observation stored, String actor, OffsetDateTime now, boolean confirmForms,
            List<ObservationRules.Reference> levels, ObservationRules.Plausibility plausibility) {
        ImportError form = unconfirmedForm(row, stored, confirmForms);
        if (form != null) {
            return new Outcome(null, form);
        }
        ImportError implausible = implausible(row, stored, levels, plausibility);
        if (implausible != null) {
            return new Outcome(null, implausible);
        }
        Revision revision = revise(stored, row, actor, now);
        return revision == null ? new Outcome(null, conflict(row, stored)) : new Outcome(revision, null);
    }

    /**
     * The error of a row whose form breaks its indicator's published chain, unless the importer confirmed
     * such values or the stored value is in that form already ({@link ObservationRules#needsFormConfirmation});
     * null when the row may be written. Asked before {@link #revise}, which changes {@code stored}.
     */
    private static ImportError unconfirmedForm(ParsedRow row, Observation stored, boolean confirmForms) {
        ObservationRules.Context rules = row.indicator().rules();
        ObservationForm storedForm = stored.isCurrent() ? stored.figure.form() : null;
        if (confirmForms || !ObservationRules.needsFormConfirmation(rules, row.figure(), storedForm)) {
            return null;
        }
        return ImportError.of(row.row(), "form", "form.breaksChainImport", "form",
                new Message.Word("form." + row.figure().form()), "published",
                new Message.Word("form." + rules.publishedForm())).about(row.indicator().code(), row.period().iso());
    }

    /**
     * The error of a row whose value is implausible against its indicator's levels and baselines
     * ({@link ObservationRules#implausible}) and not confirmed in its {@code confirm} column; none for a row
     * that says what its stored value says.
     */
    private static ImportError implausible(ParsedRow row, Observation stored, List<ObservationRules.Reference> levels,
            ObservationRules.Plausibility plausibility) {
        if (stored.isCurrent() && stored.figure.equals(row.figure())) {
            return null;
        }
        return ObservationRules.implausible(row.indicator().rules(), row.period(), row.figure(), levels, plausibility)
                .map(problem -> new ImportError(row.row(), problem.field(), row.indicator().code(), row.period().iso(),
                        problem.message()))
                .orElse(null);
    }

    /** The error of a row whose period has a value in create mode. */
    private static ImportError conflict(ParsedRow row, Observation stored) {
        return ImportError.of(row.row(), ValueFile.PERIOD.header(), "row.exists", "value",
                Numbers.format(stored.figure.value()))
                .about(row.indicator().code(), row.period().iso());
    }
}
