package org.policytracker.report.chart;

import java.util.List;

/**
 * What the small chart of one target shows, on the row's scale: the observed path from the baseline to
 * the latest value, the projection to the deadline at the observed pace, and the target (a line, with
 * the band of a 左右 target). Built once per report and drawn by {@link SvgChart} for HTML and by
 * {@link PdfChart} for PDF from the same {@link ChartDrawing}, so both show the same picture.
 *
 * @param fromYear    the first year on the axis
 * @param toYear      the last year on the axis (at least the target year)
 * @param targetYear  the deadline
 * @param observed    the baseline and the values after it, by year
 * @param projected   the value in the target year at the observed pace; null when none
 * @param target      the target on the row's scale; null for kinds without a number
 * @param bandLow     for 左右 targets: the lower edge of the accepted band; null otherwise
 * @param bandHigh    for 左右 targets: the upper edge
 * @param colour      the status colour of the observed path
 * @param targetLabel the words at the target line ("目标 20" / "target 20")
 * @param title       a text alternative for the whole chart
 * @param indication  the latest month's or quarter's value after the path, drawn as a hollow mark beside it
 *                    (not part of the path); null when none
 */
public record ChartData(
        int fromYear,
        int toYear,
        int targetYear,
        List<Point> observed,
        Point projected,
        Double target,
        Double bandLow,
        Double bandHigh,
        String colour,
        String targetLabel,
        String title,
        Mark indication) {

    public ChartData {
        observed = List.copyOf(observed);
    }

    /** A chart with no monthly or quarterly indication. */
    public ChartData(int fromYear, int toYear, int targetYear, List<Point> observed, Point projected, Double target,
            Double bandLow, Double bandHigh, String colour, String targetLabel, String title) {
        this(fromYear, toYear, targetYear, observed, projected, target, bandLow, bandHigh, colour, targetLabel, title,
                null);
    }

    /** A value at a fractional year on the axis: the end of July 2025 is 2024.58 (a year's value sits at its year). */
    public record Mark(double at, double value) {
    }

    /** A value for a year. */
    public record Point(int year, double value) {
    }

    /** Whether there is anything to draw. */
    public boolean drawable() {
        return !observed.isEmpty() || target != null;
    }
}
