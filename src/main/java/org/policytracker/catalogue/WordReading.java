package org.policytracker.catalogue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a direction target's qualitative wording is read (大幅下降, 逐步减少, 稳中有增, 进一步提升): curated on the
 * target in seed-data with its justification, so that no such word is read as "any move" unless the curator
 * says why (docs/ASSESSMENT.md, "Wording that needs judgement").
 *
 * @param term            the wording, verbatim from the target's quote ("大幅下降")
 * @param termEn          the wording in English ("fall substantially")
 * @param minimumChange   the least change over the whole period, in percent of the baseline level and in the
 *                        target's direction, that can meet the wording (13.5: a fall of at least 13.5 %); 0 means
 *                        any move the right way
 * @param needsJudgement  whether meeting {@code minimumChange} still leaves the verdict to the analyst (true for
 *                        大幅: the data can show the minimum is missed, never that the fall is 大幅)
 * @param justificationZh why the wording is read so, in Chinese
 * @param justificationEn the same, in English
 * @param citation        the clause of the same document the reading rests on, verbatim (checked like the quote);
 *                        null when it rests on the quote alone
 */
@Schema(name = "WordReading", description = "How a direction target's qualitative wording is read: the least change "
        + "over the period that can meet it, whether an analyst must still judge it, and why (docs/ASSESSMENT.md, "
        + "\"Wording that needs judgement\").")
public record WordReading(
        @Schema(description = "The wording, verbatim from the quote", examples = "大幅下降") String term,
        @Schema(examples = "fall substantially") String termEn,
        @Schema(description = "The least change over the whole period, in percent of the baseline level in the "
                + "target's direction, that can meet the wording; 0 = any move the right way", examples = "13.5") double minimumChange,
        @Schema(description = "Whether meeting the minimum still leaves the verdict to the analyst's judgement") boolean needsJudgement,
        String justificationZh,
        String justificationEn,
        @Schema(description = "The clause of the same document the reading rests on, verbatim; null when none") String citation) {

    /** The wording in a language. */
    public String term(boolean zh) {
        return zh || termEn == null ? term : termEn;
    }
}
