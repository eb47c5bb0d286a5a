package org.policytracker.observation.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.policytracker.TestFiles;
import org.policytracker.catalogue.ObservationForm;
import org.policytracker.catalogue.Publication;
import org.policytracker.catalogue.Qualifier;
import org.policytracker.observation.Figure;

/**
 * The export writers: CSV quoting and byte order mark, inline strings and a new sheet when one is full.
 * Plain JUnit, no application; the million-row runs are in {@link ValueExportMillionRowsIT}.
 */
class ValueFileWriterTest {

    static final OffsetDateTime AT = OffsetDateTime.of(2024, 5, 1, 8, 30, 0, 0, ZoneOffset.UTC);

    @Test
    void shouldWriteACsvWithAByteOrderMarkAndQuotes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ValueFileWriter writer = ValueFileWriter.csv(out)) {
            writer.row(new ValueFile.Row("NON_FOSSIL_SHARE", "非化石能源消费比重", "Share, non-fossil", "%", "2024",
                    new Figure(19.8, ObservationForm.LEVEL, Qualifier.AT_LEAST, Publication.FINAL, false, null, null,
                            false,
                            "统计公报",
                            "a \"quoted\" note,\nover two lines", null, null),
                    "analyst1", AT, "analyst1", AT));
        }
        List<CSVRecord> rows = TestFiles.csv(out.toByteArray());
        assertEquals(1, rows.size());
        assertEquals("Share, non-fossil", rows.get(0).get("nameEn"));
        assertEquals("a \"quoted\" note,\nover two lines", rows.get(0).get("note"));
        assertEquals("19.8", rows.get(0).get("value"));
        assertEquals("AT_LEAST", rows.get(0).get("qualifier"));
        assertEquals("FINAL", rows.get(0).get("publication"));
        assertEquals("", rows.get(0).get("seriesBreak"));
        assertEquals("2024-05-01T08:30:00Z", rows.get(0).get("createdAt"));
        assertTrue(new String(out.toByteArray(), StandardCharsets.UTF_8).contains("\r\n"), "CRLF");
    }

    @Test
    void shouldStartANewSheetWhenOneIsFull() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ValueFileWriter writer = ValueFileWriter.xlsx(out, 3)) {
            for (int i = 0; i < 7; i++) {
                writer.row(row(i));
            }
        }
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertEquals(List.of("Observations", "Observations 2", "Observations 3"),
                    sheets.stream().map(Sheet::getName).toList());
            List<Row> last = sheets.get(2).read();
            assertEquals("indicator", last.get(0).getCellText(0));
            assertEquals(2, last.size(), "header and the seventh row");
            assertEquals(0, BigDecimal.valueOf(6 * 0.5)
                    .compareTo(last.get(1).getCell(ValueFile.headers().indexOf("value")).asNumber()));
        }
        assertEquals(0, sharedStringCount(out.toByteArray()), "strings are written inline, not kept in a table");
    }

    static ValueFile.Row row(int i) {
        return new ValueFile.Row("INDICATOR_" + (i % 50), "指标" + (i % 50), "Indicator " + (i % 50), "亿元",
                String.valueOf(1900 + i % 200),
                new Figure(i * 0.5, ObservationForm.LEVEL, null, null, false, null, null, false, "source " + i,
                        i % 3 == 0 ? "note " + i : null, null, null),
                "analyst1", AT, "analyst1", AT);
    }

    private static int sharedStringCount(byte[] zip) throws IOException {
        String xml = TestFiles.zipEntry(zip, "xl/sharedStrings.xml");
        return xml == null ? 0 : xml.split("<si>", -1).length - 1;
    }
}
