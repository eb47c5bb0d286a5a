package org.policytracker.observation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.policytracker.system.Message;
import org.policytracker.system.Numbers;

/**
 * Flags an implausible value against its series, as DHIS2's outlier analysis does: the modified
 * z-score (median and median absolute deviation) of the new value among the existing values of the
 * same form. A flagged value is still stored; the analyst gets a warning to double-check it.
 */
public final class OutlierCheck {

    /** Values this many robust standard deviations from the median are flagged (DHIS2's default 3.5). */
    static final double THRESHOLD = 3.5;
    /** Fewer values than this say too little about the series. */
    static final int MIN_VALUES = 4;

    private OutlierCheck() {
    }

    public static Optional<Message> check(List<Double> series, double value) {
        if (series.size() < MIN_VALUES) {
            return Optional.empty();
        }
        double[] sorted = series.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = median(sorted);
        double[] deviations = Arrays.stream(sorted).map(v -> Math.abs(v - median)).sorted().toArray();
        double mad = median(deviations);
        if (mad == 0) {
            return Optional.empty();
        }
        double z = 0.6745 * (value - median) / mad;
        if (Math.abs(z) <= THRESHOLD) {
            return Optional.empty();
        }
        return Optional
                .of(Message.of("warning.outlier", "value", Numbers.format(value), "median", Numbers.format(median),
                        "z", String.format(Locale.ROOT, "%.1f", z)));
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

}
