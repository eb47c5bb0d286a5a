/**
 * The assessment engine: pure functions from a target, its indicator's values and an as-of date to an
 * {@link org.policytracker.assessment.Assessment} (docs/ASSESSMENT.md). Plain Java, no framework: call
 * {@link org.policytracker.assessment.AssessmentEngine#assess} with
 * {@link org.policytracker.assessment.Thresholds} taken from configuration.
 *
 * <h2>Units</h2>
 * Rates are percent per year (−2.31 = −2.31 %/yr). Values are in the indicator's unit, except on the
 * {@code CHANGE_PCT} basis (CHANGE_VS_BASE, and year-on-year chains with no known level), where they are
 * the signed cumulative percent change from the base year (−4.57 = 4.57 % below it). Periods are years.
 *
 * <h2>Status by kind</h2>
 * <table>
 *   <caption>Status by kind</caption>
 *   <tr><th>kind</th><th>rule</th></tr>
 *   <tr><td>LEVEL_AT_LEAST, COVERAGE, COUNT, LEVEL_AT_MOST, LEVEL_ABOUT, CHANGE_VS_BASE</td>
 *       <td>NO_DATA → ACHIEVED (latest meets the goal, tolerance included) → MISSED (target year
 *       observed) → OFF_TRACK if the baseline already met the goal and the latest no longer does →
 *       ON_TRACK if the projection meets the goal → by R</td></tr>
 *   <tr><td>MAINTAIN with a level</td><td>as above, but ACHIEVED only in the target year; at the level
 *       before it: ON_TRACK</td></tr>
 *   <tr><td>MAINTAIN without a level</td><td>not worse than the baseline: ON_TRACK (ACHIEVED in the
 *       target year); worse: OFF_TRACK (MISSED)</td></tr>
 *   <tr><td>AVERAGE_GROWTH</td><td>R = g_obs/g_target (not compounded again); target year: ACHIEVED or
 *       MISSED; before: ON_TRACK when g_obs meets the target within tolerance, else by R</td></tr>
 *   <tr><td>DIRECTION</td><td>judged on the whole period against the catalogue's reading of its wording
 *       (the least change over the period, whether the analyst must still judge): target year: the minimum
 *       reached ACHIEVED (or NO_DATA with needsJudgement), else MISSED; before: ON_TRACK when the right way and no
 *       minimum is left, by the pace ratio towards a minimum, OFF_TRACK when worse, AT_RISK when unchanged</td></tr>
 *   <tr><td>RELATIVE</td><td>mean of own minus mean of related over common years; target year:
 *       ACHIEVED/MISSED on the mean; before: ON_TRACK ahead on mean and latest, AT_RISK ahead on one,
 *       OFF_TRACK on neither</td></tr>
 *   <tr><td>MILESTONE</td><td>no state: NO_DATA; DONE: ACHIEVED; deadline passed: MISSED; IN_PROGRESS:
 *       ON_TRACK; NOT_STARTED: AT_RISK</td></tr>
 * </table>
 *
 * <h2>Rules beyond the basic method</h2>
 * <ul>
 *   <li>The rate required is computed towards the target value itself; the tolerance only widens what
 *       counts as met (so a pace projected to land within the tolerance is ON_TRACK).</li>
 *   <li>Points after the target year are ignored: the verdict is on the deadline year.</li>
 *   <li>The target's own baseline value wins over an observation of the baseline year.</li>
 *   <li>Where values are not all positive (a coverage from 0), the same method runs on straight lines
 *       (units per year); the percent rates are then null and the ratio is linear.</li>
 *   <li>A ratio equal to a threshold (up to 1e-9) reaches it; values are compared with a relative slack
 *       of 1e-9 against floating-point noise.</li>
 * </ul>
 */
package org.policytracker.assessment;
