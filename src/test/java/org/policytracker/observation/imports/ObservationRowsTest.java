package org.policytracker.observation.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policytracker.system.Lang;

/** Reading import files: CSV and XLSX, header mapping, row numbers, streaming. No container. */
class ObservationRowsTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadCsvWithAndWithoutByteOrderMarkAlike() throws IOException {
        String body = "indicator,period,value\r\nNON_FOSSIL_SHARE,2024,19.8\r\n";
        for (String csv : List.of("\uFEFF" + body, body)) {
            try (ObservationRows rows = ObservationRows.open(FileFormat.CSV, write(csv), UploadLimits.NONE)) {
                assertEquals(List.of(), rows.headerErrors());
                assertEquals(new RawRow(2, "NON_FOSSIL_SHARE", "2024", Map.of("value", "19.8")), rows.next());
                assertNull(rows.next());
            }
        }
    }

    @Test
    void shouldNumberRowsAsASpreadsheetDoesAcrossQuotedLineBreaksAndEmptyLines() throws IOException {
        String csv = "indicator,period,value,note\n"
                + "A,2021,1,\"two\nlines, and a \"\"quote\"\"\"\n"
                + "\n"
                + "  B  , 2022 ,  2 ,\n";
        try (ObservationRows rows = ObservationRows.open(FileFormat.CSV, write(csv), UploadLimits.NONE)) {
            RawRow first = rows.next();
            assertEquals(2, first.row());
            assertEquals("two\nlines, and a \"quote\"", first.figure().get("note"));
            RawRow empty = rows.next();
            assertEquals(3, empty.row());
            assertTrue(empty.isUnfilled());
            assertEquals(new RawRow(4, "B", "2022", Map.of("value", "2")), rows.next());
            assertNull(rows.next());
        }
    }

    @Test
    void shouldNameUnknownRepeatedAndMissingColumnsInRowOne() throws IOException {
        try (ObservationRows rows = ObservationRows.open(FileFormat.CSV,
                write("Indicator,VALUE,colour,value,nameZh\n"), UploadLimits.NONE)) {
            List<ImportError> errors = rows.headerErrors();
            assertEquals(List.of("colour", "value", "period"), errors.stream().map(ImportError::column).toList());
            assertTrue(errors.stream().allMatch(e -> e.row() == 1));
            assertTrue(errors.get(0).message().in(Lang.EN)
                    .startsWith("'colour' is not a known column; allowed: indicator, "
                            + "period, value, unit, form, qualifier, publication, ytd, confirm, source, note, seriesBreak, basis (nameZh, nameEn, "
                            + "createdBy, createdAt, updatedBy, updatedAt are allowed and ignored)"),
                    errors.get(0).message().in(Lang.EN));
            assertEquals("appears twice in the header row (columns 2 and 4)", errors.get(1).message().in(Lang.EN));
        }
    }

    @Test
    void shouldRefuseAFileThatIsNotUtf8OrIsEmptyOrBadlyQuoted() throws IOException {
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "indicator,period,value\nFOREST_COVERAGE,2024,23\n\u00e9t\u00e9,2024,1\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        UnreadableFileException notUtf8 = assertThrows(UnreadableFileException.class, () -> {
            try (ObservationRows rows = ObservationRows.open(FileFormat.CSV, latin1, UploadLimits.NONE)) {
                while (rows.next() != null) {
                    // read to the bad row
                }
            }
        });
        assertEquals(3, notUtf8.toError().row());
        assertTrue(notUtf8.getMessage().contains("is not UTF-8"), notUtf8.getMessage());

        assertEquals(1, assertThrows(UnreadableFileException.class,
                () -> ObservationRows.open(FileFormat.CSV, write(""), UploadLimits.NONE)).toError().row());
        UnreadableFileException quotes = assertThrows(UnreadableFileException.class, () -> {
            try (ObservationRows rows = ObservationRows.open(FileFormat.CSV,
                    write("indicator,period,value\nA,\"2024\"x,1\n"), UploadLimits.NONE)) {
                rows.next();
            }
        });
        assertEquals(2, quotes.toError().row());
        assertEquals(ImportError.FILE, quotes.toError().column());
    }

    @Test
    void shouldStreamAHundredThousandRowCsv() throws IOException {
        Path big = dir.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            out.write("\uFEFFindicator,period,value,source\r\n");
            for (int i = 0; i < 100_000; i++) {
                out.write("IND_" + (i % 997) + "," + (1990 + i % 111) + "," + (i * 0.5) + ",\"s, " + i + "\"\r\n");
            }
        }
        int count = 0;
        RawRow last = null;
        try (ObservationRows rows = ObservationRows.open(FileFormat.CSV, big, UploadLimits.NONE)) {
            for (RawRow row = rows.next(); row != null; row = rows.next()) {
                count++;
                last = row;
            }
        }
        assertEquals(100_000, count);
        assertEquals(new RawRow(100_001, "IND_" + (99_999 % 997), Integer.toString(1990 + 99_999 % 111),
                Map.of("value", "49999.5", "source", "s, 99999")), last);
    }

    @Test
    void shouldReadTheObservationsSheetOfAWorkbookWithNumbersAsPlainText() throws IOException {
        Path file = dir.resolve("book.xlsx");
        byte[] workbook = ImportApi.xlsx("Observations", List.of(
                List.of("indicator", "period", "value", "unit"),
                List.of("NON_FOSSIL_SHARE", 2024, 19.8, "%"),
                List.of("NON_FOSSIL_SHARE", "2025", 2000)));
        Files.write(file, workbook);
        try (ObservationRows rows = ObservationRows.open(FileFormat.XLSX, file, UploadLimits.NONE)) {
            assertEquals(List.of(), rows.headerErrors());
            assertEquals(new RawRow(2, "NON_FOSSIL_SHARE", "2024", Map.of("value", "19.8", "unit", "%")), rows.next(),
                    "unit is the value's unit, read with it");
            assertEquals(new RawRow(3, "NON_FOSSIL_SHARE", "2025", Map.of("value", "2000")), rows.next());
            assertNull(rows.next());
        }
    }

    @Test
    void shouldReadAPercentageCellAsThePercentageItShows() throws IOException {
        // Excel shows 24.03 % and stores 0.2403: once read as 0.24 % forest coverage.
        Path file = dir.resolve("percent.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "percent-test", "1.0");
            Worksheet sheet = workbook.newWorksheet("Observations");
            sheet.value(0, 0, "indicator");
            sheet.value(0, 1, "period");
            sheet.value(0, 2, "value");
            String[] formats = {"0.00%", "0%", "0.0\"%\"", "#,##0.00"};
            double[] values = {0.2403, 0.24, 24.0, 1234.5};
            for (int i = 0; i < formats.length; i++) {
                sheet.value(i + 1, 0, "FOREST_COVERAGE");
                sheet.value(i + 1, 1, 2021 + i);
                sheet.value(i + 1, 2, values[i]);
                sheet.style(i + 1, 2).format(formats[i]).set();
            }
            workbook.finish();
        }
        try (ObservationRows rows = ObservationRows.open(FileFormat.XLSX, file, UploadLimits.NONE)) {
            assertEquals("24.03%", rows.next().figure().get("value"));
            assertEquals("24%", rows.next().figure().get("value"));
            // A % inside quotes is literal text: the cell shows 24.0% and holds 24.
            assertEquals("24", rows.next().figure().get("value"));
            assertEquals("1234.5", rows.next().figure().get("value"));
            assertNull(rows.next());
        }
    }

    @Test
    void shouldRefuseAFileThatIsNotAWorkbook() throws IOException {
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> ObservationRows.open(FileFormat.XLSX, write("indicator,period,value\n"), UploadLimits.NONE));
        assertEquals(1, e.toError().row());
        assertTrue(e.getMessage().startsWith("is not a readable XLSX workbook"), e.getMessage());
    }

    private Path write(String text) throws IOException {
        Path file = Files.createTempFile(dir, "rows", ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
