package org.policytracker.observation.imports;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.policytracker.observation.Figure;

/**
 * The value file: one list of columns for the XLSX template, the value export (CSV and XLSX) and what the
 * bulk import reads, so that an unedited export imports back, changing nothing, and the template is an
 * export of the values still to fill in. Its columns, in order:
 *
 * <pre>
 * indicator, nameZh, nameEn, period, value, unit, form, qualifier, publication, ytd, confirm, source, note, seriesBreak, basis, createdBy, createdAt, updatedBy, updatedAt
 * </pre>
 *
 * {@code indicator} and {@code period} say which value a row is; the {@link Figure}'s fields (from
 * {@link Figure#FIELDS}, so a field added there is a column here) are the value; the others are written
 * for people (the indicator's names, who entered the value when) and ignored by the import. The
 * {@code unit} is the unit of the row's value: as entered, else the indicator's, so that a reader sees it
 * and a file of an earlier version (whose {@code unit} was always the indicator's) imports the same.
 */
final class ValueFile {

    /** What the import does with a column. */
    enum Use {
        /** Says which value the row is: required. */
        KEY,
        /** A field of the figure: read. */
        FIGURE,
        /** For people: written by the template and the export, ignored by the import. */
        INFO
    }

    /** How a column's cells are typed in a workbook. */
    enum Kind {
        TEXT,
        NUMBER,
        TIME
    }

    /** One value as the file holds it. */
    record Row(String indicator, String nameZh, String nameEn, String unit, String period, Figure figure,
            String createdBy, OffsetDateTime createdAt, String updatedBy, OffsetDateTime updatedAt) {
    }

    /** A column: its header, its use, its kind and how a row gives its cell. */
    record Column(String header, Use use, Kind kind, double width, Function<Row, Object> cell) {
    }

    static final Column INDICATOR = new Column("indicator", Use.KEY, Kind.TEXT, 40, Row::indicator);
    static final Column PERIOD = new Column("period", Use.KEY, Kind.TEXT, 9, Row::period);

    /** Every column, in file order. */
    static final List<Column> COLUMNS = columns();

    private ValueFile() {
    }

    private static List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        columns.add(INDICATOR);
        columns.add(new Column("nameZh", Use.INFO, Kind.TEXT, 28, Row::nameZh));
        columns.add(new Column("nameEn", Use.INFO, Kind.TEXT, 48, Row::nameEn));
        columns.add(PERIOD);
        for (int i = 0; i < Figure.FIELDS.size(); i++) {
            int field = i;
            String name = Figure.FIELDS.get(i);
            Function<Row, Object> cell = name.equals("unit")
                    ? r -> r.figure().unit() != null ? r.figure().unit() : r.unit()
                    : r -> r.figure().fields().get(field);
            columns.add(new Column(name, Use.FIGURE, name.equals("value") ? Kind.NUMBER : Kind.TEXT,
                    name.equals("value") ? 14 : name.equals("form") || name.equals("unit") ? 16 : 36, cell));
        }
        columns.add(new Column("createdBy", Use.INFO, Kind.TEXT, 12, Row::createdBy));
        columns.add(new Column("createdAt", Use.INFO, Kind.TIME, 20, Row::createdAt));
        columns.add(new Column("updatedBy", Use.INFO, Kind.TEXT, 12, Row::updatedBy));
        columns.add(new Column("updatedAt", Use.INFO, Kind.TIME, 20, Row::updatedAt));
        return List.copyOf(columns);
    }

    /** The column a header cell names, ignoring case and surrounding spaces. */
    static Optional<Column> ofHeader(String cell) {
        String name = cell.strip().toLowerCase(Locale.ROOT);
        return COLUMNS.stream().filter(c -> c.header().toLowerCase(Locale.ROOT).equals(name)).findFirst();
    }

    static List<String> headers() {
        return COLUMNS.stream().map(Column::header).toList();
    }

    /** "indicator, period, value, unit, form, … (nameZh, … are allowed and ignored)". */
    static String allowed() {
        String read = COLUMNS.stream().filter(c -> c.use() != Use.INFO).map(Column::header)
                .collect(Collectors.joining(", "));
        String ignored = COLUMNS.stream().filter(c -> c.use() == Use.INFO).map(Column::header)
                .collect(Collectors.joining(", "));
        return read + " (" + ignored + " are allowed and ignored)";
    }
}
