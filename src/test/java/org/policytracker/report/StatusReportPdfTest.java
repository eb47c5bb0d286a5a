package org.policytracker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestValues;

/**
 * The PDF read back with PDFBox: A4 pages, Chinese indicator names and the status counts in the text,
 * page numbers, and every font embedded (a subset of the shipped Noto Sans SC). Values are entered for
 * PATENT_INTENSIVE_INDUSTRIES_GDP_SHARE.
 */
@QuarkusTest
class StatusReportPdfTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    @Test
    void shouldRenderChineseTheCountsAndPageNumbersWithAnEmbeddedFont() throws Exception {
        TestValues.post("PATENT_INTENSIVE_INDUSTRIES_GDP_SHARE", "2020", 12.44);
        TestValues.post("PATENT_INTENSIVE_INDUSTRIES_GDP_SHARE", "2021", 12.97);
        Map<String, String> params = Map.of("format", "pdf", "asOf", "2022-12-31");
        byte[] body = Reports.report(params).asByteArray();
        Map<String, Integer> counts = Reports.counts(Reports.dashboard(params));

        try (PDDocument pdf = Loader.loadPDF(body)) {
            int pages = pdf.getNumberOfPages();
            assertTrue(pages > 4, "pages: " + pages);
            for (PDPage page : pdf.getPages()) {
                PDRectangle box = page.getMediaBox();
                assertEquals(PDRectangle.A4.getWidth(), box.getWidth(), 1);
                assertEquals(PDRectangle.A4.getHeight(), box.getHeight(), 1);
            }
            String text = Reports.removeWhiteSpace(new PDFTextStripper().getText(pdf));
            for (String name : List.of("非化石能源消费比重", "单位国内生产总值二氧化碳排放", "专利密集型产业增加值占GDP比重",
                    "政策目标进展情况报告", "截至日期2022-12-31", "第1页", "共" + pages + "页")) {
                assertTrue(text.contains(name), "the text lacks " + name);
            }
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            String sentence = "共" + total + "个目标：已实现" + counts.get("ACHIEVED") + "个，进展顺利" + counts.get("ON_TRACK")
                    + "个，存在风险" + counts.get("AT_RISK") + "个，严重滞后" + counts.get("OFF_TRACK") + "个，未实现"
                    + counts.get("MISSED") + "个，暂无数据" + counts.get("NO_DATA") + "个。";
            assertTrue(text.contains(sentence), "the counts: " + sentence);

            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                collectFonts(page.getResources(), fonts);
            }
            assertTrue(!fonts.isEmpty());
            for (PDFont font : fonts) {
                assertTrue(font.isEmbedded(), font.getName() + " is not embedded");
                assertTrue(font.getName().matches("[A-Z]{6}\\+NotoSansSC.*"),
                        "a subset of Noto Sans SC: " + font.getName());
            }
        }
        assertTrue(body.length < 1_500_000, "subsetting keeps the file small: " + body.length);
    }

    @Test
    void shouldWriteTheEnglishReport() throws Exception {
        byte[] body = Reports.report(Map.of("format", "pdf", "lang", "en", "theme", "CARBON_ENERGY")).asByteArray();
        try (PDDocument pdf = Loader.loadPDF(body)) {
            String text = Reports.removeWhiteSpace(new PDFTextStripper().getText(pdf));
            assertTrue(text.contains("Policytargetstatusreport"));
            assertTrue(text.contains("Shareofnon-fossilenergyintotalenergyconsumption"));
            assertTrue(text.contains("Page1of"));
            assertTrue(text.contains("二、主要目标"), "the source section stays as printed");
        }
    }

    private static void collectFonts(PDResources resources, List<PDFont> fonts) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDFormXObject form) {
                collectFonts(form.getResources(), fonts);
            }
        }
    }
}
