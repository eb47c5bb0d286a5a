package org.policytracker.observation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.policytracker.catalogue.ObservationForm;
import org.policytracker.catalogue.Publication;
import org.policytracker.catalogue.Qualifier;
import org.policytracker.system.FieldMessage;
import org.policytracker.system.Problems;

/**
 * A value as it was published: the number, the form it is stated in (a level, a change on the
 * previous year, an index), whether it is exact, a bound or an approximation, which release it is
 * (preliminary, final, estimated), whether it is a year-to-date sum, the unit it was entered in,
 * whether the writer confirmed it against the plausibility rule, where it was published, a note, and the
 * note of a change of series basis.
 *
 * <p>
 * The one home of these fields. The current value ({@link Observation}), each earlier one
 * ({@link ObservationVintage}), the audit log's before and after, the request bodies, the value file's
 * columns and the JDBC write path ({@link ObservationStore}) all hold a {@code Figure}; a field added
 * here, with its column in a migration, reaches every one of them. The column mapping for JDBC is below,
 * next to the JPA one, so that the two are read side by side.
 *
 * @param value       the number: in the indicator's unit (LEVEL), percent (YOY_CHANGE_PCT) or index points
 * @param form        how the value is stated; LEVEL when not given
 * @param qualifier   whether the number is the value, a bound or an approximation; EXACT when not given
 * @param publication which release of the figure it is (PRELIMINARY, FINAL, ESTIMATED); null is not stated
 * @param ytd         a year-to-date figure of a month or quarter (January to that month; the first quarters)
 * @param unit        the unit the value was entered in, when not the indicator's own (31000 人 for 万人);
 *                    {@code value} is then converted ({@link org.policytracker.catalogue.Units}); null is the indicator's
 * @param enteredValue the number as entered in {@code unit}; null when {@code unit} is
 * @param confirm     the writer confirmed a value the plausibility rule refuses (ObservationRules#implausible)
 * @param source      where the figure was published; blank is none
 * @param note        the analyst's note; blank is none
 * @param seriesBreak set when the series changes basis at this period; blank is none
 * @param basis       the code of the series basis the value is on ({@link org.policytracker.catalogue.SeriesBasis});
 *                    the write path sets the one in force for the period when none is given; null for an
 *                    indicator with one definition
 */
@Embeddable
@Schema(name = "Figure", description = "A value as published: a level, a year-on-year change in percent "
        + "(比上年下降3.4% is -3.4) or an index, with where it was published.")
public record Figure(
        @Schema(description = "The value in the indicator's unit (LEVEL), percent (YOY_CHANGE_PCT) or index points", required = true) @Column(name = "obs_value") Double value,
        @Schema(description = "How the value is stated; LEVEL when omitted") @Enumerated(EnumType.STRING) @Column(name = "form") ObservationForm form,
        @Schema(description = "Whether the number is the value (EXACT, when omitted), a bound (AT_LEAST: 超过/突破/以上; AT_MOST: 不到/以下) or an approximation (ABOUT: 约). A bound can prove a target met but is never used for rates, projections or chains") @Enumerated(EnumType.STRING) @Column(name = "qualifier") Qualifier qualifier,
        @Schema(description = "Which release of the figure it is: PRELIMINARY (初步核算, a communiqué's first figure), FINAL (最终核实, as revised in the yearbook) or ESTIMATED (估计, not published); omitted or null: not stated. An assessment says when it rests on a preliminary or estimated figure; an observation of a target's baseline year is used as its baseline, with the difference from the catalogue's baseline stated") @Enumerated(EnumType.STRING) @Column(name = "publication") Publication publication,
        @Schema(description = "true for a year-to-date figure of a month or quarter (1–11月累计: January to November; 前三季度: the first three quarters), as offices publish flows; false or omitted: the period alone. Only for a month or a quarter, and not for a stock (a level at the period's end)") @Column(name = "ytd") boolean ytd,
        @Schema(description = "The unit the value is entered in, from the indicator's unit family (units in the catalogue): 31000 in 人 for an indicator in 万人 is stored as 3.1 with the unit and number as entered. In answers, value is always in the indicator's unit; omitted or null: the indicator's unit") @Column(name = "entered_unit") String unit,
        @Schema(description = "The number as entered in unit (read-only: computed from value and unit); null when entered in the indicator's unit", readOnly = true) @Column(name = "entered_value") Double enteredValue,
        @Schema(description = "true stores a value the plausibility rule refuses (about 10 times or a tenth of the previous value or the baseline, or beyond the configured yearly change); recorded with the value and in the audit") @Column(name = "confirmed") boolean confirm,
        @Schema(description = "Where the figure was published, e.g. 国家统计局《2024年国民经济和社会发展统计公报》") @Column(name = "source") String source,
        @Column(name = "note") String note,
        @Schema(description = "Set when the series changes basis at this period, e.g. 2024年起扣除原料用能和非化石能源消费量") @Column(name = "series_break") String seriesBreak,
        @Schema(description = "The series basis the value is on, one of the indicator's bases (GET /api/indicators): "
                + "omitted, the one in force for the period. Values on two bases are never chained; an indicator with "
                + "one definition has none", examples = "DEDUCTED") @Column(name = "basis") String basis) {

    /**
     * The names of the fields a writer sets, as JSON bodies and the value file's columns name them, in
     * this order: {@code value} is the number in {@code unit}. {@code enteredValue} is not one: it is
     * derived when the value is converted.
     */
    public static final List<String> FIELDS = List.of("value", "unit", "form", "qualifier", "publication", "ytd",
            "confirm",
            "source",
            "note", "seriesBreak", "basis");

    /** The columns of a figure, in the order {@link #bind} sets them: the same in every table that holds one. */
    public static final String COLUMNS = "obs_value, form, qualifier, publication, ytd, entered_unit, entered_value, confirmed, source, note,"
            + " series_break, basis";

    /** How many columns {@link #COLUMNS} names. */
    public static final int COLUMN_COUNT = 12;

    /** A missing form is LEVEL, a missing qualifier EXACT; blank texts are none, so that "" and null never count as a difference. */
    public Figure {
        form = form == null ? ObservationForm.LEVEL : form;
        qualifier = qualifier == null ? Qualifier.EXACT : qualifier;
        unit = blankToNull(unit) == null ? null : unit.strip();
        enteredValue = unit == null ? null : enteredValue;
        source = blankToNull(source);
        note = blankToNull(note);
        seriesBreak = blankToNull(seriesBreak);
        basis = blankToNull(basis) == null ? null : basis.strip();
    }

    /**
     * The fields in {@link #FIELDS} order, as files hold them: the number as entered (in {@code unit}), the
     * unit, the names of form and qualifier, "true" when confirmed, the texts. Read back, they give this
     * figure again.
     */
    public List<Object> fields() {
        return Arrays.asList(unit == null ? value : enteredValue, unit, form.name(), qualifier.name(),
                publication == null ? null : publication.name(), ytd ? "true" : null, confirm ? "true" : null, source,
                note, seriesBreak,
                basis);
    }

    /** A figure that says only its series basis: what the basis rules check ({@link ObservationRules#onBasis}). */
    public static Figure ofBasis(String code) {
        return new Figure(null, null, null, null, false, null, null, false, null, null, null, code);
    }

    /** The same figure with another number (in the indicator's unit when {@code unit} is null). */
    public Figure withValue(Double newValue) {
        return new Figure(newValue, form, qualifier, publication, ytd, unit, enteredValue, confirm, source, note,
                seriesBreak, basis);
    }

    /** The same figure on a series basis (a code of the indicator's bases). */
    public Figure onBasis(String code) {
        return new Figure(value, form, qualifier, publication, ytd, unit, enteredValue, confirm, source, note,
                seriesBreak, code);
    }

    /** The same figure converted: {@code converted} in the indicator's unit, {@code entered} as typed in {@code unit}. */
    public Figure converted(Double converted, Double entered) {
        return new Figure(converted, form, qualifier, publication, ytd, unit, entered, confirm, source, note,
                seriesBreak,
                basis);
    }

    /** The same figure entered in the indicator's own unit (a unit that is the indicator's is no unit). */
    public Figure inIndicatorUnit() {
        return new Figure(value, form, qualifier, publication, ytd, null, null, confirm, source, note, seriesBreak,
                basis);
    }

    /**
     * A figure from text, field by field ({@code text} gives the text of a field by its name, null when
     * blank or absent), as the import reads files; the number is left out, for
     * {@link ObservationRules#readValue} to read with what it knows of the indicator. A form that is not one
     * is added to {@code errors}, named by the field.
     */
    public static Figure parse(Function<String, String> text, List<FieldMessage> errors) {
        ObservationForm form = choice("form", text.apply("form"), ObservationForm.class, errors);
        Qualifier qualifier = choice("qualifier", text.apply("qualifier"), Qualifier.class, errors);
        Publication publication = choice("publication", text.apply("publication"), Publication.class, errors);
        return new Figure(null, form, qualifier, publication, flag("ytd", text.apply("ytd"), errors),
                text.apply("unit"), null,
                flag("confirm", text.apply("confirm"), errors),
                text.apply("source"), text.apply("note"), text.apply("seriesBreak"), text.apply("basis"));
    }

    /** A yes/no cell: true/false (or 1/0, yes/no, 是/否), blank is false; else an error. */
    private static boolean flag(String field, String text, List<FieldMessage> errors) {
        if (text == null) {
            return false;
        }
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "是" -> {
                return true;
            }
            case "false", "0", "no", "否" -> {
                return false;
            }
            default -> {
                errors.add(FieldMessage.of(field, "choice", "value", Problems.quote(text), "allowed",
                        "true, false"));
                return false;
            }
        }
    }

    /** The constant a cell names (case and surrounding spaces ignored), null when blank; else an error. */
    private static <E extends Enum<E>> E choice(String field, String text, Class<E> type, List<FieldMessage> errors) {
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(FieldMessage.of(field, "choice", "value", Problems.quote(text), "allowed",
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
            return null;
        }
    }

    /** Sets {@link #COLUMNS} from parameter {@code first} on; returns the index after the last. */
    public int bind(PreparedStatement statement, int first) throws SQLException {
        if (value == null) {
            statement.setNull(first, Types.DOUBLE);
        } else {
            statement.setDouble(first, value);
        }
        statement.setString(first + 1, form.name());
        statement.setString(first + 2, qualifier.name());
        text(statement, first + 3, publication == null ? null : publication.name());
        statement.setBoolean(first + 4, ytd);
        text(statement, first + 5, unit);
        if (enteredValue == null) {
            statement.setNull(first + 6, Types.DOUBLE);
        } else {
            statement.setDouble(first + 6, enteredValue);
        }
        statement.setBoolean(first + 7, confirm);
        text(statement, first + 8, source);
        text(statement, first + 9, note);
        text(statement, first + 10, seriesBreak);
        text(statement, first + 11, basis);
        return first + COLUMN_COUNT;
    }

    /** Reads {@link #COLUMNS} from the current row of a result set that selected them by name. */
    public static Figure read(ResultSet rs) throws SQLException {
        double number = rs.getDouble("obs_value");
        Double value = rs.wasNull() ? null : number;
        String form = rs.getString("form");
        String qualifier = rs.getString("qualifier");
        String publication = rs.getString("publication");
        double enteredNumber = rs.getDouble("entered_value");
        Double entered = rs.wasNull() ? null : enteredNumber;
        return new Figure(value, form == null ? null : ObservationForm.valueOf(form),
                qualifier == null ? null : Qualifier.valueOf(qualifier),
                publication == null ? null : Publication.valueOf(publication), rs.getBoolean("ytd"),
                rs.getString("entered_unit"), entered,
                rs.getBoolean("confirmed"), rs.getString("source"), rs.getString("note"), rs.getString("series_break"),
                rs.getString("basis"));
    }

    private static void text(PreparedStatement statement, int index, String text) throws SQLException {
        if (text == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, text);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
