package org.policytracker.observation.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Worksheet;
import org.policytracker.catalogue.Indicator;
import org.policytracker.catalogue.ObservationForm;
import org.policytracker.catalogue.Publication;
import org.policytracker.catalogue.Qualifier;
import org.policytracker.catalogue.ValueType;
import org.policytracker.observation.Figure;
import org.policytracker.observation.ObservationRules;
import org.policytracker.system.Lang;
import org.policytracker.system.Vocabulary;
import org.policytracker.system.Workbooks;

/**
 * Writes the import template: sheet "Observations" is a {@link ValueFile} (the columns the export writes
 * and the import reads) with one row per indicator and missing year, value blank and form the one the
 * indicator is published in, unit the indicator's, a drop-down of the forms in the form column; sheet
 * "Indicators" says, in the reader's language, what each indicator takes (the units a value may be given
 * in among them).
 */
final class TemplateWorkbook {

    static final String INDICATORS_SHEET = "Indicators";
    static final List<String> INDICATOR_COLUMNS = List.of("code", "nameZh", "nameEn", "unit", "units",
            "valueType", "seriesStart", "precision", "publishedForm", "forms", "rules", "bases", "measure");
    private static final double[] INDICATOR_WIDTHS = {40, 28, 48, 18, 26, 11, 11, 10, 16, 30, 110, 60, 10};

    private TemplateWorkbook() {
    }

    static void write(OutputStream out, List<TemplateService.Line> lines, Lang lang) throws IOException {
        int rows = lines.stream().mapToInt(l -> l.missingPeriods().size()).sum();
        try (ValueFileWriter values = ValueFileWriter.xlsx(out, workbook -> writeIndicators(
                workbook.newWorksheet(INDICATORS_SHEET), lines, lang), sheet -> {
                    dropDown(sheet, rows, "form", ObservationForm.values());
                    dropDown(sheet, rows, "qualifier", Qualifier.values());
                    dropDown(sheet, rows, "publication", Publication.values());
                    dropDown(sheet, rows, "ytd", "true", "false");
                    dropDown(sheet, rows, "confirm", "true", "false");
                })) {
            for (TemplateService.Line line : lines) {
                Indicator i = line.indicator();
                ObservationForm form = i.publishedForm == null ? ObservationForm.LEVEL : i.publishedForm;
                for (String period : line.missingPeriods()) {
                    values.row(new ValueFile.Row(i.code, i.nameZh, i.nameEn, i.unit, period,
                            new Figure(null, form, null, null, false, null, null, false, null, null, null, null), null,
                            null,
                            null,
                            null));
                }
            }
        }
    }

    /** The column of a choice (form, qualifier, publication) offers its constants; anything else typed there is refused by Excel. */
    private static void dropDown(Worksheet sheet, int rows, String field, Enum<?>[] choices) {
        dropDown(sheet, rows, field, Arrays.stream(choices).map(Enum::name).toArray(String[]::new));
    }

    private static void dropDown(Worksheet sheet, int rows, String field, String... choices) {
        int column = ValueFile.headers().indexOf(field);
        sheet.range(1, column, Math.max(rows, 1), column)
                .validateWithListByFormula("\"" + String.join(",", choices) + "\"")
                .allowBlank(true).showDropdown(true);
    }

    private static void writeIndicators(Worksheet sheet, List<TemplateService.Line> lines, Lang lang)
            throws IOException {
        header(sheet, INDICATOR_COLUMNS, INDICATOR_WIDTHS);
        int row = 1;
        for (TemplateService.Line line : lines) {
            Indicator i = line.indicator();
            List<ObservationForm> forms = formsAllowed(line.rules());
            sheet.value(row, 0, i.code);
            sheet.value(row, 1, i.nameZh);
            sheet.value(row, 2, i.nameEn);
            sheet.value(row, 3, i.unit);
            sheet.value(row, 4, String.join(", ", line.rules().units()));
            sheet.value(row, 5, i.valueType.name());
            if (i.seriesStart != null) {
                sheet.value(row, 6, i.seriesStart);
            }
            if (i.precision != null) {
                sheet.value(row, 7, i.precision);
            }
            sheet.value(row, 8, i.publishedForm == null ? null : i.publishedForm.name());
            sheet.value(row, 9, forms.stream().map(Enum::name).collect(Collectors.joining(", ")));
            sheet.value(row, 10, rules(line.rules(), i.unit, forms, lang));
            // The basis column's codes, each with the first period it applies to: "ORIGINAL 1952, DEDUCTED 2024".
            sheet.value(row, 11, i.bases == null ? ""
                    : i.bases.stream().map(b -> b.code() + " " + b.from())
                            .collect(Collectors.joining(", ")));
            // STOCK, FLOW or RATE: whether a month's or a quarter's value may be year to date (ytd).
            sheet.value(row, 12, i.measure == null ? null : i.measure.name());
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

    /** The forms the rules accept for an indicator, asked of the rules themselves so the two cannot drift. */
    static List<ObservationForm> formsAllowed(ObservationRules.Context rules) {
        String period = Integer.toString(ObservationRules.lastEndedYear(rules.today()));
        return Arrays.stream(ObservationForm.values())
                .filter(form -> ObservationRules
                        .check(rules, period,
                                new Figure(1.0, form, null, null, false, null, null, false, null, null, null, null))
                        .stream().noneMatch(e -> e.field().equals("form")))
                .toList();
    }

    /** The value rules in a sentence, in the reader's language ({@code template.*} in the vocabulary). */
    static String rules(ObservationRules.Context rules, String unit, List<ObservationForm> forms, Lang lang) {
        List<String> parts = new ArrayList<>();
        for (ObservationForm form : forms) {
            parts.add(switch (form) {
                case LEVEL -> rules.valueType() == ValueType.SHARE ? Vocabulary.word(lang, "template.rule.share")
                        : rules.valueType() == ValueType.RATE ? Vocabulary.word(lang, "template.rule.rate")
                                : Vocabulary.word(lang, "template.rule.level", "unit", unit == null ? "" : unit);
                case YOY_CHANGE_PCT -> Vocabulary.word(lang, "template.rule.yoy");
                case INDEX -> Vocabulary.word(lang, "template.rule.index");
            });
        }
        return Vocabulary.word(lang, "template.rules", "forms", String.join(Vocabulary.word(lang,
                "template.ruleSeparator"), parts), "start", rules.seriesStart() == null ? "—" : rules.seriesStart(),
                "last", ObservationRules.lastEndedYear(rules.today()), "published",
                Vocabulary.word(lang, "form." + (rules.publishedForm() == null ? ObservationForm.LEVEL
                        : rules.publishedForm())));
    }
}
