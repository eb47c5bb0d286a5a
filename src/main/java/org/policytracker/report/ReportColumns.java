package org.policytracker.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;
import org.policytracker.observation.Period;
import org.policytracker.report.StatusReport.ObservationRow;
import org.policytracker.report.StatusReport.Row;

/**
 * The columns of the tabular formats (CSV and XLSX), in one place so that both have the same columns in
 * the same order with the same headers. Numbers stay numbers, rounded to the decimals their indicator is
 * published with (a row's {@code decimals}); years are whole numbers.
 */
public final class ReportColumns {

    /** How a column's values are typed. */
    public enum Type {
        TEXT,
        NUMBER,
        INTEGER,
        STATUS,
        DATE_TIME
    }

    /**
     * A column: its header, its type, how to read its value, its width in the workbook (characters), and,
     * for numbers, the decimals of a row's value.
     */
    public record Column<R>(String header, Type type, Function<R, Object> value, double width,
            Function<R, Integer> decimals) {

        Column(String header, Type type, Function<R, Object> value, double width) {
            this(header, type, value, width, r -> type == Type.INTEGER ? 0 : 2);
        }

        /** The workbook's number format of a row's cell: "#,##0.0" for one decimal. */
        String format(R row) {
            if (type == Type.DATE_TIME) {
                return "yyyy-mm-dd hh:mm:ss";
            }
            if (type == Type.INTEGER) {
                return "0";
            }
            int d = decimals.apply(row);
            return d == 0 ? "#,##0" : "#,##0." + "0".repeat(d);
        }
    }

    private ReportColumns() {
    }

    /** One row per target. */
    public static List<Column<Row>> targets(ReportText t) {
        return List.of(
                new Column<>(t.themeHeader(), Type.TEXT, r -> t.themeLabel(r.theme()), 16),
                new Column<>(t.targetIdHeader(), Type.TEXT, Row::targetId, 30),
                new Column<>(t.indicatorCodeHeader(), Type.TEXT, Row::indicatorCode, 24),
                new Column<>(t.indicatorHeader(), Type.TEXT, Row::indicatorName, 30),
                new Column<>(t.unitHeader(), Type.TEXT, Row::unit, 16),
                new Column<>(t.targetHeader(), Type.TEXT, Row::targetWording, 28),
                new Column<>(t.targetYearHeader(), Type.INTEGER, Row::targetYear, 9),
                new Column<>(t.targetValueHeader(), Type.NUMBER, Row::targetValue, 12, Row::decimals),
                new Column<>(t.baselinePeriodHeader(), Type.INTEGER, r -> year(r.baselinePeriod()), 10),
                new Column<>(t.baselineValueHeader(), Type.NUMBER, Row::baselineValue, 12, Row::decimals),
                // The catalogue's figures that could not be confirmed (an image table), said beside the numbers.
                new Column<>(t.unconfirmedHeader(), Type.TEXT, Row::unconfirmed, 14),
                new Column<>(t.latestPeriodHeader(), Type.INTEGER, r -> year(r.latestPeriod()), 10),
                new Column<>(t.latestValueHeader(), Type.NUMBER, Row::latestValue, 12, Row::decimals),
                new Column<>(t.qualifierHeader(), Type.TEXT, r -> r.latestValue() == null ? ""
                        : t.qualifierLabel(r.latestQualifier()), 12),
                new Column<>(t.progressHeader(), Type.NUMBER, Row::progressPct, 10, r -> 1),
                new Column<>(t.elapsedHeader(), Type.NUMBER, Row::elapsedPct, 10, r -> 1),
                new Column<>(t.projectedHeader(), Type.NUMBER, Row::projectedValue, 14, Row::decimals),
                new Column<>(t.statusCodeHeader(), Type.TEXT, r -> r.status().name(), 12),
                new Column<>(t.statusHeader(), Type.STATUS, Row::statusLabel, 12),
                new Column<>(t.explanationHeader(), Type.TEXT, Row::explanation, 60),
                // The analyst's judgement beside the computed status, never instead of it.
                new Column<>(t.judgementHeader(), Type.TEXT, Row::judgementLabel, 14),
                new Column<>(t.judgementTextHeader(), Type.TEXT, Row::judgementText, 40),
                new Column<>(t.bindingHeader(), Type.TEXT, Row::bindingLabel, 12),
                new Column<>(t.documentCodeHeader(), Type.TEXT, Row::documentCode, 22),
                new Column<>(t.documentHeader(), Type.TEXT,
                        r -> t.source(r.documentTitle(), r.documentNumber(), null), 40),
                new Column<>(t.sectionHeader(), Type.TEXT, Row::section, 24),
                // One commitment stated in several documents is one row, with its other sources here.
                new Column<>(t.alsoStatedInHeader(), Type.TEXT, Row::otherSources, 40));
    }

    /** One row per value behind the report. */
    public static List<Column<ObservationRow>> observations(ReportText t) {
        return List.of(
                new Column<>(t.indicatorCodeHeader(), Type.TEXT, ObservationRow::indicatorCode, 24),
                new Column<>(t.indicatorNameZhHeader(), Type.TEXT, ObservationRow::indicatorNameZh, 28),
                new Column<>(t.indicatorNameEnHeader(), Type.TEXT, ObservationRow::indicatorNameEn, 36),
                new Column<>(t.periodHeader(), Type.INTEGER, o -> year(o.period()), 9),
                new Column<>(t.valueHeader(), Type.NUMBER, ObservationRow::value, 12, ObservationRow::decimals),
                new Column<>(t.qualifierHeader(), Type.TEXT, o -> t.qualifierLabel(o.qualifier()), 12),
                new Column<>(t.unitHeader(), Type.TEXT, ObservationRow::unit, 16),
                new Column<>(t.formHeader(), Type.TEXT, ObservationRow::formLabel, 18),
                new Column<>(t.publicationHeader(), Type.TEXT, ObservationRow::publicationLabel, 12),
                new Column<>(t.basisHeader(), Type.TEXT, ObservationRow::basisLabel, 20),
                new Column<>(t.enteredHeader(), Type.TEXT, ObservationRow::enteredText, 24),
                new Column<>(t.dataSourceHeader(), Type.TEXT, ObservationRow::source, 36),
                new Column<>(t.noteHeader(), Type.TEXT, ObservationRow::note, 36),
                new Column<>(t.recordedByHeader(), Type.TEXT, ObservationRow::recordedBy, 12),
                new Column<>(t.recordedAtHeader(), Type.DATE_TIME, ObservationRow::recordedAt, 20));
    }

    /** A yearly period as the whole number a spreadsheet sorts and sums. */
    static Integer year(String period) {
        return period == null ? null : Period.parse(period).map(Period::year).orElse(null);
    }

    /** A number as CSV text with {@code decimals} decimals at most, no trailing zeros, no exponent; empty for none. */
    public static String csvNumber(Object value, int decimals) {
        if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            return "";
        }
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        String s = BigDecimal.valueOf(n.doubleValue()).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
