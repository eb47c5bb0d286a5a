package org.policytracker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestFiles;
import org.policytracker.TestValues;

/**
 * The workbook read back with fastexcel-reader: its sheets, typed cells, counts and values agree with
 * the API; header rows are frozen and filterable. Values are entered for SERVICE_TRADE_TOTAL.
 */
@QuarkusTest
class StatusReportXlsxTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @Test
    void shouldHaveASummaryASheetPerThemeAndTheValuesWithTypedCells() throws Exception {
        TestValues.post("SERVICE_TRADE_TOTAL", "2021", 8212.5, "LEVEL", "商务部：2021年服务贸易统计", null);
        TestValues.post("SERVICE_TRADE_TOTAL", "2022", 8891.1, "LEVEL", "商务部：2022年服务贸易统计", "含旅行服务");
        Map<String, String> params = Map.of("format", "xlsx", "asOf", "2023-12-31",
                "knownAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        byte[] body = Reports.report(params).asByteArray();
        Map<String, Map<String, Object>> dashboard = Reports.dashboard(params);

        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(body),
                new ReadingOptions(true, false))) {
            List<String> names = wb.getSheets().map(Sheet::getName).toList();
            assertEquals(List.of("概览", "碳达峰碳中和与能源", "知识产权", "服务贸易", "自由贸易试验区", "评估所用数据"), names,
                    "a sheet per theme, named as the app names the theme");

            // Summary: counts per status, as numbers, equal to the dashboard's.
            List<Row> summary = wb.findSheet("概览").orElseThrow().read();
            assertEquals("政策目标进展情况报告", summary.get(0).getCellText(0));
            Map<String, Integer> counts = Reports.counts(dashboard);
            Map<String, BigDecimal> written = new HashMap<>();
            for (Row row : summary) {
                if (row.getCellCount() > 2 && Reports.STATUSES.contains(row.getCellText(1))) {
                    Cell count = row.getCell(2);
                    assertEquals(CellType.NUMBER, count.getType());
                    written.put(row.getCellText(1), count.asNumber());
                }
            }
            counts.forEach((status, n) -> assertEquals(BigDecimal.valueOf(n), written.get(status).stripTrailingZeros()
                    .setScale(0), status));

            // Every theme sheet: a header row, then one row per target with numbers typed as numbers.
            int rows = 0;
            for (String sheet : names.subList(1, 5)) {
                List<Row> table = wb.findSheet(sheet).orElseThrow().read();
                assertEquals("目标编号", table.get(0).getCellText(1));
                assertEquals("目标值［单位］", table.get(0).getCellText(7));
                rows += table.size() - 1;
                for (Row row : table.subList(1, table.size())) {
                    assertEquals(CellType.NUMBER, row.getCell(6).getType(), "target year of " + row.getCellText(1));
                    Map<String, Object> entry = dashboard.get(row.getCellText(1));
                    assertNotNull(entry, row.getCellText(1));
                    assertEquals(Reports.status(entry), row.getCellText(17));
                }
            }
            assertEquals(dashboard.size(), rows, "one row per target over the theme sheets");

            Row total = wb.findSheet("服务贸易").orElseThrow().read().stream()
                    .filter(r -> r.getCellText(1).equals("SERVICE-TRADE-2025-TOTAL")).findFirst().orElseThrow();
            assertEquals("稳中有增（2025年）", total.getCellText(5)); // the target's own wording
            assertEquals(CellType.NUMBER, total.getCell(9).getType());
            assertEquals(0, new BigDecimal("6617.2").compareTo(total.getCell(9).asNumber()), "baseline value");
            assertEquals("2022", total.getCellText(11));
            assertEquals(CellType.NUMBER, total.getCell(11).getType(), "the latest year is a number");
            assertEquals(CellType.NUMBER, total.getCell(8).getType(), "the baseline year is a number");
            assertEquals(CellType.NUMBER, total.getCell(12).getType());
            assertEquals(0, new BigDecimal("8891.1").compareTo(total.getCell(12).asNumber()), "latest value");
            assertEquals("亿美元", total.getCellText(4));
            assertEquals("确数", total.getCellText(13), "the latest value is exact");
            assertEquals(Reports.status(dashboard.get("SERVICE-TRADE-2025-TOTAL")), total.getCellText(17));

            // The values behind the report, with typed values and times.
            List<Row> values = wb.findSheet("评估所用数据").orElseThrow().read();
            Row v2022 = values.stream().filter(r -> r.getCellText(0).equals("SERVICE_TRADE_TOTAL")
                    && r.getCellText(3).equals("2022")).findFirst().orElseThrow();
            assertEquals(CellType.NUMBER, v2022.getCell(4).getType());
            assertEquals(0, new BigDecimal("8891.1").compareTo(v2022.getCell(4).asNumber()));
            assertEquals("确数", v2022.getCellText(5));
            assertEquals("发布状态", values.get(0).getCellText(8));
            assertEquals("", v2022.getCellText(8), "the release is not stated");
            assertEquals("统计口径", values.get(0).getCellText(9));
            assertEquals("", v2022.getCellText(9), "service trade has one definition");
            assertEquals("已确认（未通过合理性检查）", v2022.getCellText(10), "how it was entered (TestValues confirms)");
            assertEquals("商务部：2022年服务贸易统计", v2022.getCellText(11));
            assertEquals("含旅行服务", v2022.getCellText(12));
            assertEquals("analyst1", v2022.getCellText(13));
            assertEquals(CellType.NUMBER, v2022.getCell(14).getType(), "entered at is a date-time cell");
            assertNotNull(v2022.getCell(14).asDate());
        }

        // Frozen, filterable header rows on the theme sheets.
        String sheet2 = zipEntry(body, "xl/worksheets/sheet2.xml");
        assertNotNull(sheet2);
        assertTrue(sheet2.contains("ySplit=\"1\"") && sheet2.contains("state=\"frozen\""), "header row frozen");
        assertTrue(sheet2.contains("<autoFilter ref=\"A1:"), "autofilter on the header row");
        assertTrue(sheet2.contains("<col ") && sheet2.contains("customWidth=\"true\""), "column widths set");
    }

    static String zipEntry(byte[] zip, String name) throws IOException {
        return TestFiles.zipEntry(zip, name);
    }
}
