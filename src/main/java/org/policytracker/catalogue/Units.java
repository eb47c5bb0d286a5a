package org.policytracker.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The units a value may be entered in, and how they convert: a unit is a Chinese magnitude (万 10^4,
 * 亿 10^8, 万亿 10^12, or none) in front of a base unit (人, 件, 元, 美元, 千瓦, 吨, 吨标准煤, 立方米, …).
 * Units with the same base form a family and convert by their magnitudes (31000 人 = 3.1 万人); units of
 * different bases never convert (亿元 is not 亿美元, % is not 万人). Compound units (吨二氧化碳/万元),
 * percent and points form a family of their own. The rules are in docs/ASSESSMENT.md, "Units".
 *
 * <p>
 * Written here rather than taken from a units library: the JSR 385 implementations (Indriya) know SI
 * prefixes and units, not the Chinese magnitudes 万/亿 in front of 人, 件 or 美元 that statistical
 * offices publish in, and the whole rule is a short table.
 */
public final class Units {

    /** The magnitudes a unit may start with, longest first, so that 万亿 is not read as 万 + 亿…. */
    private static final List<Magnitude> MAGNITUDES = List.of(new Magnitude("万亿", 1e12),
            new Magnitude("亿", 1e8), new Magnitude("万", 1e4));

    /** Bases whose family also offers 万亿 (money: 万亿元, 万亿美元). */
    private static final Set<String> LARGE = Set.of("元", "美元");

    private record Magnitude(String prefix, double factor) {
    }

    /** A unit read: its base and how many base units one of it is. */
    private record Unit(String base, double factor) {
    }

    private Units() {
    }

    /**
     * The units a value of an indicator in {@code unit} may be entered in, the indicator's own first:
     * the base with no magnitude, 万, 亿 (and 万亿 for money), or only the unit itself for a compound unit,
     * percent or points. Empty when the indicator has no unit.
     */
    public static List<String> family(String unit) {
        if (unit == null || unit.isBlank()) {
            return List.of();
        }
        List<String> units = new ArrayList<>(List.of(unit));
        Unit read = read(unit);
        if (unit.contains("/") || read.base().equals(unit) && !isCountable(unit)) {
            return List.copyOf(units);
        }
        for (String prefix : List.of("", "万", "亿", "万亿")) {
            String candidate = prefix + read.base();
            if ((!prefix.equals("万亿") || LARGE.contains(read.base())) && !units.contains(candidate)) {
                units.add(candidate);
            }
        }
        return List.copyOf(units);
    }

    /**
     * How many of {@code to} one {@code from} is (万人 → 人: 10000), when {@code from} is in the family of
     * {@code to}; empty when it is not.
     */
    public static Optional<Double> factor(String from, String to) {
        if (from == null || to == null || !family(to).contains(from.strip())) {
            return Optional.empty();
        }
        return Optional.of(read(from.strip()).factor() / read(to).factor());
    }

    /** Percent and points have no magnitudes; other simple units do (项 → 万项). */
    private static boolean isCountable(String unit) {
        return !unit.equals("%") && !unit.equals("分") && !unit.equals("‰");
    }

    /** A unit as magnitude and base; a compound unit as the quotient of its two parts. */
    private static Unit read(String unit) {
        int slash = unit.indexOf('/');
        if (slash >= 0) {
            Unit over = read(unit.substring(0, slash));
            Unit under = read(unit.substring(slash + 1));
            return new Unit(over.base() + "/" + under.base(), over.factor() / under.factor());
        }
        for (Magnitude m : MAGNITUDES) {
            if (unit.startsWith(m.prefix()) && unit.length() > m.prefix().length()) {
                return new Unit(unit.substring(m.prefix().length()), m.factor());
            }
        }
        return new Unit(unit, 1);
    }
}
