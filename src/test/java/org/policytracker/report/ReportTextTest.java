package org.policytracker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.policytracker.assessment.Assessment.ValueBasis;
import org.policytracker.assessment.Status;
import org.policytracker.catalogue.Indicator;
import org.policytracker.catalogue.ObservationForm;
import org.policytracker.system.Lang;

/** The words of the reports, in both languages: one place, one table of cases. Plain JUnit. */
class ReportTextTest {

    private static final ReportText ZH = ReportText.of(Lang.ZH);
    private static final ReportText EN = ReportText.of(Lang.EN);

    @Test
    void shouldNameStatusesAndSayTheCounts() {
        Map<Status, Integer> counts = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            counts.put(s, s.ordinal());
        }
        assertEquals("共 15 个目标：已实现 0 个，进展顺利 1 个，存在风险 2 个，严重滞后 3 个，未实现 4 个，暂无数据 5 个。",
                ZH.countsSentence(counts));
        assertEquals("15 targets: achieved 0, on track 1, at risk 2, off track 3, missed 4, no data 5.",
                EN.countsSentence(counts));
        for (Status s : Status.values()) {
            assertTrue(ReportText.statusColour(s).matches("#[0-9A-F]{6}"));
            assertTrue(!ZH.statusLabel(s).isBlank() && !EN.statusLabel(s).isBlank());
        }
    }

    @Test
    void shouldWriteNumbersUnitsAndScales() {
        Indicator co2 = indicator("单位国内生产总值二氧化碳排放", "CO2 per GDP", "吨二氧化碳/万元", "t CO2 per 10,000 yuan");
        assertEquals("%（比2020年累计变化）", ZH.unit(co2, ValueBasis.CHANGE_PCT, 2020));
        assertEquals("% change vs 2020", EN.unit(co2, ValueBasis.CHANGE_PCT, 2020));
        assertEquals("吨二氧化碳/万元", ZH.unit(co2, ValueBasis.LEVEL, null));
        assertEquals("比2020年 −4.57%（2022年）", ZH.valueAt(co2, ValueBasis.CHANGE_PCT, 2020, -4.5696, "2022", 2),
                "as the app shows a change against the base year");
        assertEquals("−4.57% vs 2020 (2022)", EN.valueAt(co2, ValueBasis.CHANGE_PCT, 2020, -4.5696, "2022", 2));
        assertEquals("0.50 吨二氧化碳/万元（2022年）", ZH.valueAt(co2, ValueBasis.LEVEL, null, 0.5, "2022", 2),
                "rounded to the published precision");
        assertEquals("0.0123", ReportText.num(0.012345));
        assertEquals("3,194.4", ReportText.num(3194.4), "thousands grouped, as the app writes them");
        assertEquals("—", ReportText.num(null));
        assertEquals("25.4%", ZH.percent(25.43));
        assertEquals("-4.5696", ReportColumns.csvNumber(-4.5696, 6));
        assertEquals("2025", ReportColumns.csvNumber(2025, 0));
        assertEquals("", ReportColumns.csvNumber(null, 2));
        assertEquals("%（比上年）", ZH.observationUnit(co2, ObservationForm.YOY_CHANGE_PCT));
        assertEquals("index points", EN.observationUnit(co2, ObservationForm.INDEX));
    }

    private static Indicator indicator(String zh, String en, String unit, String unitEn) {
        Indicator i = new Indicator();
        i.nameZh = zh;
        i.nameEn = en;
        i.unit = unit;
        i.unitEn = unitEn;
        return i;
    }
}
