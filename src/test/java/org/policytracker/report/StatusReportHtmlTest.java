package org.policytracker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestValues;

/**
 * The HTML report: self-contained, printable, and every text a user typed is escaped. Values are
 * entered for KNOWLEDGE_INTENSIVE_SERVICE_TRADE.
 */
@QuarkusTest
class StatusReportHtmlTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @Test
    void shouldEscapeUserTextAndBeSelfContainedAndPrintable() {
        TestValues.post("KNOWLEDGE_INTENSIVE_SERVICE_TRADE", "2021", 3466.4, "LEVEL",
                "商务部 & 统计局 \"服务贸易\" <b>月报</b>", "<script>alert(1)</script>");
        TestValues.post("KNOWLEDGE_INTENSIVE_SERVICE_TRADE", "2022", 3812.0);
        Response response = Reports.report(Map.of("format", "html", "asOf", "2023-12-31"));
        assertTrue(response.contentType().startsWith("text/html"), response.contentType());
        assertTrue(response.header("Content-Disposition")
                .startsWith("inline; filename=\"status-report-2023-12-31.html\""));
        String html = response.asString();

        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the note is shown as text");
        assertFalse(html.contains("<script"), "no script at all");
        assertTrue(html.contains("商务部 &amp; 统计局 &quot;服务贸易&quot; &lt;b&gt;月报&lt;/b&gt;"), "the source is escaped");
        assertFalse(html.contains("<b>月报"));

        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<html lang=\"zh-CN\">"));
        assertTrue(html.contains("@media print"), "a print stylesheet");
        assertTrue(html.contains("size: A4"));
        assertFalse(html.contains("<link") || html.contains("src=\"http") || html.contains("href=\"http"),
                "nothing is fetched");
        assertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\""), "inline SVG charts");
        assertTrue(html.contains("<polyline"), "a chart draws the observed path");

        // The same content as the other formats: title, as-of date, counts, sections, rows, values.
        Map<String, Integer> counts = Reports.counts(Reports.dashboard(Map.of("asOf", "2023-12-31")));
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(html.contains("共 " + total + " 个目标：已实现 " + counts.get("ACHIEVED") + " 个，"), "the counts");
        assertTrue(html.contains("<h1>政策目标进展情况报告</h1>"));
        assertTrue(html.contains("<dd>2023-12-31</dd>"));
        assertTrue(html.contains("<h2>服务贸易</h2>"));
        assertTrue(html.contains("id=\"SERVICE-TRADE-2025-KNOWLEDGE-INTENSIVE-GROWTH\""));
        assertTrue(html.contains("年均增长8%左右（2021–2025年）"));
        assertTrue(html.contains("<p class=\"generated\">生成时间: "));
        assertTrue(html.contains("生成人: viewer1"));
        assertEquals(total, html.split("<article class=\"target\"", -1).length - 1, "one card per target");
    }

    @Test
    void shouldWriteTheEnglishPage() {
        String html = Reports.report(Map.of("format", "html", "lang", "en", "status", "NO_DATA")).asString();
        assertTrue(html.contains("<html lang=\"en\">"));
        assertTrue(html.contains("Policy target status report"));
        assertTrue(html.contains("Status: No data"), "the filter is stated");
        assertFalse(html.contains("class=\"status status-ACHIEVED\">Achieved</span></header>"));
    }
}
