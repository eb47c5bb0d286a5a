package org.policytracker.system;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How a number is written in words, the same in the web app (its {@code num} in i18n.js) and in every
 * report: at most two decimals (four below 1 in size), no trailing zeros, thousands grouped with
 * commas, half away from zero. Plain Java.
 */
public final class Numbers {

    private Numbers() {
    }

    /** "12", "3,194.4", "0.2403", "−" never: a minus is the hyphen-minus here, a sign is the caller's choice. */
    public static String format(double value) {
        if (!Double.isFinite(value)) {
            return "—";
        }
        int scale = Math.abs(value) >= 1 || value == 0 ? 2 : 4;
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0";
        }
        DecimalFormat format = new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(rounded);
    }

    /** With exactly {@code decimals} decimals, as a statistic is published: "16.6", "24.02", "3,194.4". */
    public static String format(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return "—";
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        String text = format.format(rounded);
        return text.matches("-0(\\.0+)?") ? text.substring(1) : text;
    }

    /** A number rounded to {@code decimals}, half away from zero: what a file or a chart holds. */
    public static Double round(Double value, int decimals) {
        return value == null || !Double.isFinite(value) ? value
                : BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    /** Like {@link #format(double)}; "—" for none. */
    public static String format(Double value) {
        return value == null ? "—" : format(value.doubleValue());
    }
}
