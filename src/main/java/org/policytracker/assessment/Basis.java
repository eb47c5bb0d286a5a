package org.policytracker.assessment;

import java.util.List;
import java.util.Objects;

/**
 * A definition the indicator has been published on, from a first year on (catalogue.SeriesBasis, as the
 * engine needs it). Values on two bases are never chained (docs/ASSESSMENT.md, "Series bases and breaks").
 *
 * @param code     the basis's code
 * @param fromYear the first year it applies to
 * @param nameZh   the definition, in Chinese, as the explanation names it
 * @param nameEn   the definition, in English
 */
public record Basis(String code, int fromYear, String nameZh, String nameEn) {

    public Basis {
        Objects.requireNonNull(code, "code");
    }

    /** The basis in force in {@code year}: the last whose first year is not after it (the first before any). */
    static Basis at(List<Basis> bases, int year) {
        Basis found = null;
        for (Basis b : bases) {
            if (found == null || b.fromYear() <= year) {
                found = b;
            }
        }
        return found;
    }

    static Basis of(List<Basis> bases, String code) {
        return bases.stream().filter(b -> b.code().equals(code)).findFirst().orElse(null);
    }
}
