package org.policytracker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.policytracker.assessment.Assessment.ValueBasis;
import org.policytracker.assessment.Status;
import org.policytracker.catalogue.Direction;
import org.policytracker.catalogue.Indicator;
import org.policytracker.catalogue.Target;
import org.policytracker.catalogue.TargetKind;
import org.policytracker.observation.ObservationForm;

/** The words of the reports, in both languages: one place, one table of cases. Plain JUnit. */
class ReportTextTest {

    private static final ReportText ZH = ReportText.of(Lang.ZH);
    private static final ReportText EN = ReportText.of(Lang.EN);

    @Test
    void shouldWordEveryKindOfTargetInChineseAndEnglish() {
        Indicator capacity = indicator("风电、太阳能发电总装机容量", "Wind and solar capacity", "亿千瓦", "100 million kW");
        Indicator share = indicator("非化石能源消费比重", "Non-fossil share", "%", "%");
        Indicator world = indicator("全球服务出口增速", "World service export growth", "%", "%");
        Indicator attorneys = indicator("全国执业专利代理师人数", "Licensed patent attorneys", "万人", "10,000 persons");

        check(target(capacity, TargetKind.LEVEL_AT_LEAST, 2030, 12.0), "≥ 12 亿千瓦（2030年）", "≥ 12 100 million kW (2030)");
        Target about = target(share, TargetKind.LEVEL_ABOUT, 2025, 20.0);
        about.tolerance = 0.5;
        check(about, "20%左右（±0.5，2025年）", "about 20% (±0.5, 2025)");
        Target change = target(share, TargetKind.CHANGE_VS_BASE, 2025, -18.0);
        change.baseYear = 2020;
        check(change, "比2020年下降18%（2025年）", "18% below 2020 (2025)");
        Target change2030 = target(share, TargetKind.CHANGE_VS_BASE, 2030, -65.0);
        change2030.baseYear = 2005;
        check(change2030, "比2005年下降65%（2030年）", "65% below 2005 (2030)");
        Target growth = target(share, TargetKind.AVERAGE_GROWTH, 2025, 8.0);
        growth.baseYear = 2020;
        growth.tolerance = 0.5;
        check(growth, "年均增长8%左右（2021–2025年）", "about 8% a year growth (2021–2025)");
        Target up = target(share, TargetKind.DIRECTION, 2025, null);
        up.direction = Direction.UP;
        check(up, "进一步提升（2025年）", "further increase (2025)");
        Target relative = target(share, TargetKind.RELATIVE, 2025, null);
        relative.direction = Direction.UP;
        relative.relatedIndicator = world;
        check(relative, "高于全球服务出口增速（2025年）", "above World service export growth (2025)");
        check(target(share, TargetKind.COVERAGE, 2025, 100.0), "全覆盖（2025年）", "full coverage (2025)");
        check(target(share, TargetKind.COVERAGE, 2025, 50.0), "覆盖率 ≥ 50%（2025年）", "coverage ≥ 50% (2025)");
        check(target(attorneys, TargetKind.COUNT, 2025, 4.0), "≥ 4 万人（2025年）", "≥ 4 10,000 persons (2025)");
        check(target(share, TargetKind.MAINTAIN, 2025, null), "达到并保持较高水平（2025年）",
                "reach and keep a high level (2025)");
        check(target(share, TargetKind.MILESTONE, 2030, null), "2030年前完成", "done by 2030");
    }

    @Test
    void shouldNameStatusesAndSayTheCounts() {
        Map<Status, Integer> counts = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            counts.put(s, s.ordinal());
        }
        assertEquals("共 15 个目标：已达成 0 个，进展顺利 1 个，存在风险 2 个，严重滞后 3 个，未达成 4 个，暂无数据 5 个。",
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
        assertEquals("%（较2020年累计变化）", ZH.unit(co2, ValueBasis.CHANGE_PCT, 2020));
        assertEquals("% change vs 2020", EN.unit(co2, ValueBasis.CHANGE_PCT, 2020));
        assertEquals("吨二氧化碳/万元", ZH.unit(co2, ValueBasis.LEVEL, null));
        assertEquals("-4.57%（较2020年累计变化）（2022年）",
                ZH.valueAt(-4.5696, ZH.unit(co2, ValueBasis.CHANGE_PCT, 2020), "2022"));
        assertEquals("0.0123", ReportText.num(0.012345));
        assertEquals("3194.4", ReportText.num(3194.4));
        assertEquals("—", ReportText.num(null));
        assertEquals("25.4%", ZH.percent(25.43));
        assertEquals("-4.5696", ReportColumns.csvNumber(-4.5696));
        assertEquals("2025", ReportColumns.csvNumber(2025));
        assertEquals("", ReportColumns.csvNumber(null));
        assertEquals("%", ZH.observationUnit(co2, ObservationForm.YOY_CHANGE_PCT));
        assertEquals("index points", EN.observationUnit(co2, ObservationForm.INDEX));
    }

    private static void check(Target target, String zh, String en) {
        assertEquals(zh, ZH.targetWording(target), target.kind.name());
        assertEquals(en, EN.targetWording(target), target.kind.name());
    }

    private static Indicator indicator(String zh, String en, String unit, String unitEn) {
        Indicator i = new Indicator();
        i.nameZh = zh;
        i.nameEn = en;
        i.unit = unit;
        i.unitEn = unitEn;
        return i;
    }

    private static Target target(Indicator indicator, TargetKind kind, int year, Double value) {
        Target t = new Target();
        t.indicator = indicator;
        t.kind = kind;
        t.targetYear = year;
        t.targetValue = value;
        return t;
    }
}
