package org.policytracker.catalogue;

/**
 * Which release of an office's figure a value is, the way statistical offices label their vintages:
 * a communiqué's first figure (初步核算), the revised figure of the yearbook (最终核实), or an estimate
 * (估计, 测算) where nothing is published yet. Null, when the writer does not say, is "not stated".
 *
 * <p>
 * A correction that changes the publication keeps the earlier figure as a vintage, as every correction
 * does. The assessment says when the figures it rests on are preliminary or estimated, and an
 * observation of a target's baseline year is used as its baseline with its publication
 * (docs/ASSESSMENT.md, "Preliminary, final and estimated figures").
 */
public enum Publication {

    /** The first published figure, to be revised: 初步核算, 初步统计 (statistical communiqués). */
    PRELIMINARY,
    /** The final, verified figure: 最终核实 (yearbooks, revision notices). */
    FINAL,
    /** An estimate or a calculation, not a published figure: 估计, 测算. */
    ESTIMATED;

    /** Whether the figure may still change: preliminary or estimated. */
    public boolean isProvisional() {
        return this != FINAL;
    }
}
