package org.policytracker.assessment;

import java.util.List;
import org.policytracker.catalogue.ObservationForm;
import org.policytracker.catalogue.Publication;
import org.policytracker.catalogue.Qualifier;

/**
 * The assessment of one target as of a date: the JSON contract described in docs/ASSESSMENT.md.
 *
 * <p>Units. Values ({@code latest}, {@code baseline}, {@code projected}) are on the scale named by
 * {@code valueBasis}. Rates are <b>percent per year</b>: {@code observedAnnualRate = -2.31} means
 * −2.31 % a year. Every number is finite or null, never NaN or infinite.
 *
 * @param status             the verdict
 * @param latest             the latest observation used (for RELATIVE: the latest year both series have)
 * @param baseline           the baseline the progress is measured from (the target's, or the earliest
 *                           observation when the target has none)
 * @param progress           share of the distance from baseline to target covered:
 *                           (v_t − v_b)/(v_T − v_b); below 0 when the value moved away from the target,
 *                           above 1 when it went beyond; null where the kind has no distance
 * @param elapsed            share of the time from the end of the baseline year to the deadline that
 *                           has passed at the as-of date, clipped to 0..1
 * @param projected          v̂_T: the value in the target year if the observed pace is kept
 * @param observedAnnualRate r_obs in percent per year (AVERAGE_GROWTH: achieved average growth;
 *                           RELATIVE: the arithmetic mean of the indicator's own rates)
 * @param requiredAnnualRate r_req in percent per year (AVERAGE_GROWTH: the target growth; RELATIVE: the
 *                           mean of the compared series, the rate to beat)
 * @param ratio              R = r_obs / r_req (from linear paces when values are not all positive)
 * @param explanation        one sentence in Chinese and one in English saying why
 * @param missingYears       years missing from a chain of year-on-year changes, after which the chain
 *                           stops (not bridged); empty when none
 * @param valueBasis         the scale of the values; null for milestones
 * @param observedAnnualChange for a share: the observed change in percentage points per year (the pace analysts
 *                           speak of; the relative rate is {@code observedAnnualRate}); null otherwise
 * @param requiredAnnualChange for a share: the required change in percentage points per year; null otherwise
 * @param catalogueBaseline  the catalogue's baseline value, when an observation of the baseline year is used
 *                           as the baseline instead ({@code baseline} is then that observation, with its
 *                           publication); null otherwise
 * @param basis              the code of the series basis this answer is on; null when the indicator has one
 *                           definition
 * @param breaks             the changes of series basis after the baseline, each linked to the baseline or
 *                           not (docs/ASSESSMENT.md, "Series bases and breaks"); empty when none
 * @param byBasis            where two bases give an answer: each of them, the current basis first (this
 *                           answer is the first); empty otherwise
 * @param latestIndication   the latest monthly or quarterly value after the latest annual one (a level at the
 *                           end of the month, or the year's sum to date: {@code ytd}), shown beside the annual
 *                           series; it decides the status only where it proves the target met (docs/ASSESSMENT.md,
 *                           "Months, quarters and year to date"); null when there is none
 * @param gaps               the periods missing from the chain before the deadline year's value, each with the
 *                           value it would need (in the form the indicator is published in) for the target to be
 *                           met, once the deadline has passed; empty when none (docs/ASSESSMENT.md, "Gaps and
 *                           past deadlines")
 * @param firstMet           the first period whose value met the target; null when none has
 * @param slipped            whether a later value fell short of the target again after {@code firstMet}
 * @param slippedIn          the first period after {@code firstMet} that fell short; null when none
 * @param evidence           what the verdict rests on: values used, years observed, years still to the
 *                           deadline; null where there is no chain of values
 * @param projectedLow       the low end of an 80 % range around {@code projected} (docs/ASSESSMENT.md, "Evidence
 *                           and uncertainty"); null without a projection or with too few yearly changes
 * @param projectedHigh      the high end of that range
 * @param confidence         LOW, MEDIUM or HIGH for a pace verdict, by the documented rule; null otherwise
 * @param needsJudgement     whether the target's wording leaves the verdict to the analyst's judgement (大幅下降:
 *                           the data can show the curated minimum missed, not that a fall is 大幅) and the data have
 *                           not shown it missed (docs/ASSESSMENT.md, "Wording that needs judgement")
 */
public record Assessment(
        Status status,
        PeriodValue latest,
        PeriodValue baseline,
        Double progress,
        Double elapsed,
        Double projected,
        Double observedAnnualRate,
        Double requiredAnnualRate,
        Double ratio,
        Explanation explanation,
        List<Integer> missingYears,
        ValueBasis valueBasis,
        Double observedAnnualChange,
        Double requiredAnnualChange,
        Double catalogueBaseline,
        String basis,
        List<Break> breaks,
        List<Assessment> byBasis,
        PeriodValue latestIndication,
        List<Gap> gaps,
        String firstMet,
        boolean slipped,
        String slippedIn,
        Evidence evidence,
        Double projectedLow,
        Double projectedHigh,
        Confidence confidence,
        boolean needsJudgement) {

    /** An answer with no evidence or range said. */
    Assessment(Status status, PeriodValue latest, PeriodValue baseline, Double progress, Double elapsed,
            Double projected, Double observedAnnualRate, Double requiredAnnualRate, Double ratio,
            Explanation explanation, List<Integer> missingYears, ValueBasis valueBasis, Double observedAnnualChange,
            Double requiredAnnualChange, Double catalogueBaseline, String basis, List<Break> breaks,
            List<Assessment> byBasis, PeriodValue latestIndication, List<Gap> gaps, String firstMet, boolean slipped,
            String slippedIn) {
        this(status, latest, baseline, progress, elapsed, projected, observedAnnualRate, requiredAnnualRate, ratio,
                explanation, missingYears, valueBasis, observedAnnualChange, requiredAnnualChange, catalogueBaseline,
                basis, breaks, byBasis, latestIndication, gaps, firstMet, slipped, slippedIn, null, null, null, null,
                false);
    }

    /** An answer with no record of gaps or of meeting the target. */
    Assessment(Status status, PeriodValue latest, PeriodValue baseline, Double progress, Double elapsed,
            Double projected, Double observedAnnualRate, Double requiredAnnualRate, Double ratio,
            Explanation explanation, List<Integer> missingYears, ValueBasis valueBasis, Double observedAnnualChange,
            Double requiredAnnualChange, Double catalogueBaseline, String basis, List<Break> breaks,
            List<Assessment> byBasis, PeriodValue latestIndication) {
        this(status, latest, baseline, progress, elapsed, projected, observedAnnualRate, requiredAnnualRate, ratio,
                explanation, missingYears, valueBasis, observedAnnualChange, requiredAnnualChange, catalogueBaseline,
                basis, breaks, byBasis, latestIndication, List.of(), null, false, null);
    }

    /** An answer with no monthly or quarterly indication. */
    Assessment(Status status, PeriodValue latest, PeriodValue baseline, Double progress, Double elapsed,
            Double projected, Double observedAnnualRate, Double requiredAnnualRate, Double ratio,
            Explanation explanation, List<Integer> missingYears, ValueBasis valueBasis, Double observedAnnualChange,
            Double requiredAnnualChange, Double catalogueBaseline, String basis, List<Break> breaks,
            List<Assessment> byBasis) {
        this(status, latest, baseline, progress, elapsed, projected, observedAnnualRate, requiredAnnualRate, ratio,
                explanation, missingYears, valueBasis, observedAnnualChange, requiredAnnualChange, catalogueBaseline,
                basis, breaks, byBasis, null);
    }

    /** An answer on one basis, with no break. */
    Assessment(Status status, PeriodValue latest, PeriodValue baseline, Double progress, Double elapsed,
            Double projected, Double observedAnnualRate, Double requiredAnnualRate, Double ratio,
            Explanation explanation, List<Integer> missingYears, ValueBasis valueBasis, Double observedAnnualChange,
            Double requiredAnnualChange, Double catalogueBaseline) {
        this(status, latest, baseline, progress, elapsed, projected, observedAnnualRate, requiredAnnualRate, ratio,
                explanation, missingYears, valueBasis, observedAnnualChange, requiredAnnualChange, catalogueBaseline,
                null, List.of(), List.of());
    }

    public Assessment {
        progress = finiteOrNull(progress);
        elapsed = finiteOrNull(elapsed);
        projected = finiteOrNull(projected);
        observedAnnualRate = finiteOrNull(observedAnnualRate);
        requiredAnnualRate = finiteOrNull(requiredAnnualRate);
        ratio = finiteOrNull(ratio);
        observedAnnualChange = finiteOrNull(observedAnnualChange);
        requiredAnnualChange = finiteOrNull(requiredAnnualChange);
        catalogueBaseline = finiteOrNull(catalogueBaseline);
        missingYears = missingYears == null ? List.of() : List.copyOf(missingYears);
        breaks = breaks == null ? List.of() : List.copyOf(breaks);
        byBasis = byBasis == null ? List.of() : List.copyOf(byBasis);
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
        projectedLow = finiteOrNull(projectedLow);
        projectedHigh = finiteOrNull(projectedHigh);
    }

    /**
     * What a verdict rests on.
     *
     * @param points          the values of the chain after the baseline
     * @param yearsObserved   from the baseline year to the latest value
     * @param yearsToDeadline from the latest value to the target year
     */
    public record Evidence(int points, int yearsObserved, int yearsToDeadline) {
    }

    /** How firm a pace verdict is (docs/ASSESSMENT.md, "Evidence and uncertainty"). */
    public enum Confidence {
        LOW,
        MEDIUM,
        HIGH
    }

    /**
     * A period missing from the chain.
     *
     * @param period             the year
     * @param requiredValue      what it would need, in {@code form}, for the target to be met (the least
     *                           favourable value that still meets it: a fall of at least 1.2 % is -1.2); null
     *                           when it cannot be computed (before the deadline, or when other periods are
     *                           missing too, or when the period alone does not decide)
     * @param form               the form of {@code requiredValue}: the indicator's published form
     * @param withinObservedRange whether {@code requiredValue} lies within the range of the series' observed
     *                           yearly changes (or levels); null when there is nothing to compare it with
     */
    public record Gap(String period, Double requiredValue, ObservationForm form, Boolean withinObservedRange) {

        public Gap {
            requiredValue = finiteOrNull(requiredValue);
        }
    }

    /**
     * A change of series basis after the baseline.
     *
     * @param period    the first period on the new basis
     * @param fromBasis the code of the baseline's basis
     * @param toBasis   the code of the new basis
     * @param linked    whether the new basis has a value of the baseline year (a level, or an index the
     *                  later ones are relative to) that links it to the baseline; unlinked values of the new
     *                  basis are not used
     */
    public record Break(String period, String fromBasis, String toBasis, boolean linked) {
    }

    /** The same answer, on a basis, with the breaks and the answers by basis. */
    Assessment onBasis(String code, List<Break> newBreaks, List<Assessment> answers, Explanation newExplanation) {
        return new Assessment(status, latest, baseline, progress, elapsed, projected, observedAnnualRate,
                requiredAnnualRate, ratio, newExplanation, missingYears, valueBasis, observedAnnualChange,
                requiredAnnualChange, catalogueBaseline, code, newBreaks, answers, latestIndication, gaps, firstMet,
                slipped, slippedIn, evidence, projectedLow, projectedHigh, confidence, needsJudgement);
    }

    /** The same answer without the catalogue's baseline beside it (an answer on another basis than the catalogue's). */
    Assessment withoutCatalogueBaseline() {
        return new Assessment(status, latest, baseline, progress, elapsed, projected, observedAnnualRate,
                requiredAnnualRate, ratio, explanation, missingYears, valueBasis, observedAnnualChange,
                requiredAnnualChange, null, basis, breaks, byBasis, latestIndication, gaps, firstMet, slipped,
                slippedIn, evidence, projectedLow, projectedHigh, confidence, needsJudgement);
    }

    /**
     * A value for a period ("2024"); {@code qualifier} says whether it is the value (EXACT), a published
     * bound (AT_LEAST, AT_MOST: a bound that proved the target met) or an approximation (ABOUT);
     * {@code publication} which release of the figure it rests on (PRELIMINARY, FINAL, ESTIMATED; null when
     * not stated, and for the catalogue's own baseline); {@code ytd} whether it is a month's or a quarter's
     * sum of the year so far ("2025-11" with ytd: January to November).
     */
    public record PeriodValue(String period, Double value, Qualifier qualifier, Publication publication,
            boolean ytd) {

        public PeriodValue {
            value = finiteOrNull(value);
            qualifier = qualifier == null ? Qualifier.EXACT : qualifier;
        }

        /** A value of a whole period, not a year-to-date sum. */
        public PeriodValue(String period, Double value, Qualifier qualifier, Publication publication) {
            this(period, value, qualifier, publication, false);
        }

        static PeriodValue of(int year, double value) {
            return new PeriodValue(String.valueOf(year), value, Qualifier.EXACT, null);
        }

        static PeriodValue of(int year, double value, Publication publication) {
            return new PeriodValue(String.valueOf(year), value, Qualifier.EXACT, publication);
        }

        static PeriodValue of(DataPoint point) {
            return new PeriodValue(point.period(), point.value(), point.qualifier(), point.publication(),
                    point.part() != null && point.part().ytd());
        }
    }

    /** The same assessment with more said after its explanation. */
    Assessment explainedFurther(Explanation more) {
        return new Assessment(status, latest, baseline, progress, elapsed, projected, observedAnnualRate,
                requiredAnnualRate, ratio, explanation.then(more), missingYears, valueBasis, observedAnnualChange,
                requiredAnnualChange, catalogueBaseline, basis, breaks, byBasis, latestIndication, gaps, firstMet,
                slipped, slippedIn, evidence, projectedLow, projectedHigh, confidence, needsJudgement);
    }

    /** The same assessment with a monthly or quarterly indication beside it, and what it says added. */
    Assessment withIndication(PeriodValue indication, Explanation said) {
        return new Assessment(status, latest, baseline, progress, elapsed, projected, observedAnnualRate,
                requiredAnnualRate, ratio, explanation.then(said), missingYears, valueBasis, observedAnnualChange,
                requiredAnnualChange, catalogueBaseline, basis, breaks, byBasis, indication, gaps, firstMet, slipped,
                slippedIn, evidence, projectedLow, projectedHigh, confidence, needsJudgement);
    }

    /** Why, in Chinese and in English. */
    public record Explanation(String zh, String en) {

        Explanation then(Explanation next) {
            return next == null ? this : new Explanation(zh + next.zh, en + " " + next.en);
        }
    }

    /** The scale of {@code latest}, {@code baseline} and {@code projected}. */
    public enum ValueBasis {
        /** The indicator's own unit (for RELATIVE: the rates of the indicator, in percent). */
        LEVEL,
        /**
         * The signed cumulative percent change from a base year: −4.57 means 4.57 % below it
         * (CHANGE_VS_BASE, and chained year-on-year changes where no level is known).
         */
        CHANGE_PCT
    }

    private static Double finiteOrNull(Double value) {
        return value == null || !Double.isFinite(value) ? null : value;
    }
}
