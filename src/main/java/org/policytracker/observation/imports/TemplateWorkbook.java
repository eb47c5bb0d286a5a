package org.policytracker.observation.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Worksheet;
import org.policytracker.catalogue.ValueType;
import org.policytracker.observation.Figure;
import org.policytracker.observation.ObservationForm;
import org.policytracker.observation.ObservationRules;
import org.policytracker.system.Workbooks;

/**
 * Writes the import template: sheet "Observations" is a {@link ValueFile} (the columns the export writes
 * and the import reads) with one row per indicator and missing year, value blank and form LEVEL, ready to
 * fill in and upload as it is; sheet "Indicators" says what each indicator takes.
 */
final class TemplateWorkbook {

    static final String INDICATORS_SHEET = "Indicators";
    static final List<String> INDICATOR_COLUMNS = List.of("code", "nameZh", "nameEn", "unit", "valueType", "forms",
            "rules");
    private static final double[] INDICATOR_WIDTHS = {40, 28, 48, 18, 11, 30, 110};

    private TemplateWorkbook() {
    }

    static void write(OutputStream out, List<TemplateService.Line> lines) throws IOException {
        try (ValueFileWriter values = ValueFileWriter.xlsx(out, workbook -> writeIndicators(
                workbook.newWorksheet(INDICATORS_SHEET), lines))) {
            for (TemplateService.Line line : lines) {
                for (String period : line.missingPeriods()) {
                    // LEVEL for every row, RATE indicators included: it is the form most values are
                    // published in and the only one a rate takes; a blank form would mean LEVEL too.
                    values.row(new ValueFile.Row(line.code(), line.nameZh(), line.nameEn(), line.unit(), period,
                            new Figure(null, ObservationForm.LEVEL, null, null, null), null, null, null, null));
                }
            }
        }
    }
    private static void writeIndicators(Worksheet sheet, List<TemplateService.Line> lines) throws IOException {
        header(sheet, INDICATOR_COLUMNS, INDICATOR_WIDTHS);
        int row = 1;
        for (TemplateService.Line line : lines) {
            List<ObservationForm> forms = formsAllowed(line.valueType());
            sheet.value(row, 0, line.code());
            sheet.value(row, 1, line.nameZh());
            sheet.value(row, 2, line.nameEn());
            sheet.value(row, 3, line.unit());
            sheet.value(row, 4, line.valueType().name());
            sheet.value(row, 5, forms.stream().map(Enum::name).collect(Collectors.joining(", ")));
            sheet.value(row, 6, rules(line.valueType(), line.unit(), forms));
            row++;
        }
        sheet.finish();
    }

    private static void header(Worksheet sheet, List<String> columns, double[] widths) {
        for (int c = 0; c < columns.size(); c++) {
            sheet.value(0, c, columns.get(c));
            sheet.width(c, widths[c]);
            Workbooks.header(sheet, 0, c);
        }
        sheet.freezePane(0, 1);
    }

    /** The forms the rules accept for a value type, asked of the rules themselves so the two cannot drift. */
    static List<ObservationForm> formsAllowed(ValueType valueType) {
        return Arrays.stream(ObservationForm.values())
                .filter(form -> ObservationRules.check(valueType, "2024", new Figure(1.0, form, null, null, null))
                        .stream()
                        .noneMatch(e -> e.field().equals("form")))
                .toList();
    }

    /** The value rules in a sentence, e.g. "LEVEL: the share in percent, from 0 to 100; ...". */
    static String rules(ValueType valueType, String unit, List<ObservationForm> forms) {
        List<String> parts = new ArrayList<>();
        for (ObservationForm form : forms) {
            parts.add(switch (form) {
                case LEVEL -> switch (valueType) {
                    case SHARE -> "LEVEL: the share in percent, from 0 to 100";
                    case RATE -> "LEVEL: the rate in percent, negative for a fall (5.1 for growth of 5.1 %)";
                    default -> "LEVEL: the value in " + (unit == null ? "the indicator's unit" : unit) + ", 0 or more";
                };
                case YOY_CHANGE_PCT -> "YOY_CHANGE_PCT: the change on the previous year in percent, above -100 "
                        + "(比上年下降3.4% is -3.4)";
                case INDEX -> "INDEX: an index level, above 0";
            });
        }
        return String.join("; ", parts) + ". One value per year from " + ObservationRules.MIN_YEAR + " to "
                + ObservationRules.MAX_YEAR + "; a blank form means LEVEL; a row with a blank value is skipped.";
    }
}
