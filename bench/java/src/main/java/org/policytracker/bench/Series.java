package org.policytracker.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.policytracker.catalogue.Direction;
import org.policytracker.catalogue.SeedModel;
import org.policytracker.catalogue.TargetKind;
import org.policytracker.catalogue.ValueType;

/**
 * Deterministic, plausible yearly series (a seeded random walk with a trend): the same seed always
 * gives the same values, so every run and the JMH benchmark see the same data.
 */
final class Series {

    /** One generated value. */
    record Point(String indicator, int year, double value) {
    }

    static final int FIRST_REAL_YEAR = 2000;
    static final int LAST_REAL_YEAR = 2025;
    /** Synthetic indicators carry 100 years each (1901–2000: ended years after their series' start, 1900). */
    static final int FIRST_SYNTHETIC_YEAR = 1901;
    static final int SYNTHETIC_YEARS = 100;

    private Series() {
    }

    /**
     * Values for the real catalogue's measured indicators, 2000–2025, levels around each indicator's
     * baseline, moving at a pace that puts some targets on track and others not. Milestone (STATE)
     * indicators take no values.
     */
    static Map<String, List<Point>> real(SeedModel.Catalogue catalogue) {
        Map<String, Double> reference = new LinkedHashMap<>();
        for (SeedModel.DocumentFile f : catalogue.files()) {
            for (SeedModel.TargetEntry t : f.targets()) {
                if (t.kind() != TargetKind.CHANGE_VS_BASE && t.baselineValue() != null) {
                    reference.putIfAbsent(t.indicator(), t.baselineValue());
                }
            }
        }
        Map<String, List<Point>> out = new LinkedHashMap<>();
        int n = 0;
        for (SeedModel.DocumentFile f : catalogue.files()) {
            for (SeedModel.IndicatorEntry i : f.indicators()) {
                if (i.valueType() == ValueType.STATE) {
                    continue;
                }
                SplittableRandom random = new SplittableRandom(1000L + n++);
                double ref = reference.getOrDefault(i.code(), defaultLevel(i.valueType()));
                // yearly drift in the favourable direction, -1 % .. +6 %, so statuses differ
                double drift = -0.01 + random.nextDouble() * 0.07;
                if (i.favourableDirection() == Direction.DOWN) {
                    drift = -drift;
                }
                List<Point> points = new ArrayList<>();
                int first = Math.max(FIRST_REAL_YEAR, i.seriesStart() == null ? FIRST_REAL_YEAR : i.seriesStart());
                for (int year = first; year <= LAST_REAL_YEAR; year++) {
                    double value;
                    if (i.valueType() == ValueType.RATE) {
                        value = round(ref + (random.nextDouble() - 0.5) * 4);
                    } else {
                        value = ref * Math.pow(1 + drift, year - 2020) * (1 + (random.nextDouble() - 0.5) * 0.01);
                        value = round(Math.max(0, value));
                        if (i.valueType() == ValueType.SHARE) {
                            value = Math.min(100, value);
                        }
                    }
                    points.add(new Point(i.code(), year, value));
                }
                out.put(i.code(), points);
            }
        }
        return out;
    }

    /** The 100 values of synthetic indicator number {@code n} (a level series growing ~3 % a year). */
    static List<Point> synthetic(int n) {
        SplittableRandom random = new SplittableRandom(n);
        double value = 100 + random.nextDouble() * 900;
        List<Point> points = new ArrayList<>(SYNTHETIC_YEARS);
        for (int k = 0; k < SYNTHETIC_YEARS; k++) {
            value *= 1 + 0.03 + (random.nextDouble() - 0.5) * 0.04;
            points.add(new Point(syntheticCode(n), FIRST_SYNTHETIC_YEAR + k, round(value)));
        }
        return points;
    }

    static String syntheticCode(int n) {
        return String.format("BENCH_SYN_%05d", n);
    }

    private static double defaultLevel(ValueType type) {
        return switch (type) {
            case SHARE -> 40;
            case RATE -> 5;
            case SCORE -> 80;
            case INDEX -> 100;
            default -> 1000;
        };
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
