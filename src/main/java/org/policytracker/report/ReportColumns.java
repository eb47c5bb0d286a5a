package org.policytracker.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;
import org.policytracker.report.StatusReport.ObservationRow;
import org.policytracker.report.StatusReport.Row;

/**
 * The columns of the tabular formats (CSV and XLSX), in one place so that both have the same columns
 * in the same order with the same headers. Numbers stay numbers: the CSV prints them plainly, the
 * workbook types them as numeric cells.
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
     * A column: its header, its type, how to read its value, its width in the workbook (characters), the
     * number format of numeric cells in the workbook, and the decimals of numbers in the CSV.
     */
    public record Column<R>(String header, Type type, Function<R, Object> value, double width, String format,
            int decimals) {

        Column(String header, Type type, Function<R, Object> value, double width, String format) {
            this(header, type, value, width, format, "0.0".equals(format) ? 2 : 6);
        }
    }

    private ReportColumns() {
    }

    /** One row per target. */
    public static List<Column<Row>> targets(ReportText t) {
        return List.of(
                new Column<>(t.themeHeader(), Type.TEXT, r -> t.themeLabel(r.theme()), 16, null),
                new Column<>(t.targetIdHeader(), Type.TEXT, Row::targetId, 30, null),
                new Column<>(t.indicatorCodeHeader(), Type.TEXT, Row::indicatorCode, 24, null),
                new Column<>(t.indicatorHeader(), Type.TEXT, Row::indicatorName, 30, null),
                new Column<>(t.unitHeader(), Type.TEXT, Row::unit, 16, null),
                new Column<>(t.targetHeader(), Type.TEXT, Row::targetWording, 28, null),
                new Column<>(t.targetYearHeader(), Type.INTEGER, Row::targetYear, 9, "0"),
                new Column<>(t.targetValueHeader(), Type.NUMBER, Row::targetValue, 12, "#,##0.00##"),
                new Column<>(t.baselinePeriodHeader(), Type.TEXT, Row::baselinePeriod, 10, null),
                new Column<>(t.baselineValueHeader(), Type.NUMBER, Row::baselineValue, 12, "#,##0.00##"),
                new Column<>(t.latestPeriodHeader(), Type.TEXT, Row::latestPeriod, 10, null),
                new Column<>(t.latestValueHeader(), Type.NUMBER, Row::latestValue, 12, "#,##0.00##"),
                new Column<>(t.progressHeader(), Type.NUMBER, Row::progressPct, 10, "0.0"),
                new Column<>(t.elapsedHeader(), Type.NUMBER, Row::elapsedPct, 10, "0.0"),
                new Column<>(t.projectedHeader(), Type.NUMBER, Row::projectedValue, 14, "#,##0.00##"),
                new Column<>(t.statusCodeHeader(), Type.TEXT, r -> r.status().name(), 12, null),
                new Column<>(t.statusHeader(), Type.STATUS, Row::statusLabel, 12, null),
                new Column<>(t.explanationHeader(), Type.TEXT, Row::explanation, 60, null),
                new Column<>(t.bindingHeader(), Type.TEXT, Row::bindingLabel, 12, null),
                new Column<>(t.documentCodeHeader(), Type.TEXT, Row::documentCode, 22, null),
                new Column<>(t.documentHeader(), Type.TEXT,
                        r -> t.source(r.documentTitle(), r.documentNumber(), null), 40, null),
                new Column<>(t.sectionHeader(), Type.TEXT, Row::section, 24, null));
    }

    /** One row per value behind the report. */
    public static List<Column<ObservationRow>> observations(ReportText t) {
        return List.of(
                new Column<>(t.indicatorCodeHeader(), Type.TEXT, ObservationRow::indicatorCode, 24, null),
                new Column<>(t.indicatorNameZhHeader(), Type.TEXT, ObservationRow::indicatorNameZh, 28, null),
                new Column<>(t.indicatorNameEnHeader(), Type.TEXT, ObservationRow::indicatorNameEn, 36, null),
                new Column<>(t.periodHeader(), Type.TEXT, ObservationRow::period, 9, null),
                new Column<>(t.valueHeader(), Type.NUMBER, ObservationRow::value, 12, "#,##0.00##"),
                new Column<>(t.unitHeader(), Type.TEXT, ObservationRow::unit, 16, null),
                new Column<>(t.formHeader(), Type.TEXT, ObservationRow::formLabel, 18, null),
                new Column<>(t.dataSourceHeader(), Type.TEXT, ObservationRow::source, 36, null),
                new Column<>(t.noteHeader(), Type.TEXT, ObservationRow::note, 36, null),
                new Column<>(t.recordedByHeader(), Type.TEXT, ObservationRow::recordedBy, 12, null),
                new Column<>(t.recordedAtHeader(), Type.DATE_TIME, ObservationRow::recordedAt, 20,
                        "yyyy-mm-dd hh:mm:ss"));
    }

    /** A number as CSV text: up to six decimals, no trailing zeros, no exponent; empty for none. */
    public static String csvNumber(Object value) {
        return csvNumber(value, 6);
    }

    /** A number as CSV text with up to {@code decimals} decimals. */
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
