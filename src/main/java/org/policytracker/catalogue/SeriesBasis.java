package org.policytracker.catalogue;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One definition a statistic has been published on (a series basis), curated in seed-data with its
 * source: energy intensity on total energy consumption, and from 2024 after deducting raw-material use
 * and non-fossil energy; forest coverage from the periodic inventory until 2020, then from annual
 * monitoring. Values on two bases are never chained (docs/ASSESSMENT.md, "Series bases and breaks").
 *
 * @param code   the basis's code, upper-case, unique within the indicator
 * @param from   the first period the basis applies to ("2024"); the first basis starts at the series start
 * @param nameZh the definition, in Chinese
 * @param nameEn the definition, in English
 * @param note   what changed and why it matters, in English
 * @param noteZh the same, in Chinese
 * @param source where the definition or its change is stated
 */
@Schema(name = "SeriesBasis", description = "A definition the statistic is published on, from a first period on. "
        + "Values on two bases are never chained.")
public record SeriesBasis(
        @Schema(examples = "DEDUCTED") String code,
        @Schema(description = "The first period the basis applies to", examples = "2024") String from,
        String nameZh,
        String nameEn,
        String note,
        String noteZh,
        @Schema(description = "Where the definition or its change is stated") String source) {

    /** The year {@link #from} names. */
    public int fromYear() {
        return Integer.parseInt(from.strip().substring(0, 4));
    }

    /** The basis in force in {@code year}: the last whose first period is not after it; null when there are none. */
    public static SeriesBasis inForce(List<SeriesBasis> bases, int year) {
        SeriesBasis found = null;
        for (SeriesBasis b : bases) {
            if (found == null || b.fromYear() <= year) {
                found = b;
            }
        }
        return found;
    }

    /** The basis with this code, or null. */
    public static SeriesBasis of(List<SeriesBasis> bases, String code) {
        return bases.stream().filter(b -> b.code().equals(code)).findFirst().orElse(null);
    }
}
