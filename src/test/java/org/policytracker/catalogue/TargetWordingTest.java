package org.policytracker.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.policytracker.system.Lang;

/**
 * The wording of every kind of target, made once on the server for the web app and every report, in
 * Chinese and English, and how a value reads with its unit. Plain JUnit.
 */
class TargetWordingTest {

    private static final Indicator CAPACITY = indicator("风电、太阳能发电总装机容量", "Wind and solar capacity", "亿千瓦",
            "100 million kW");
    private static final Indicator SHARE = indicator("非化石能源消费比重", "Non-fossil share", "%", "%");
    private static final Indicator WORLD = indicator("全球服务出口增速", "World service export growth", "%", "%");
    private static final Indicator ATTORNEYS = indicator("全国执业专利代理师人数", "Licensed patent attorneys", "万人",
            "10,000 persons");

    @Test
    void shouldWordEveryKindOfTargetInChineseAndEnglish() {
        check(target(CAPACITY, TargetKind.LEVEL_AT_LEAST, 2030, 12.0), "≥ 12 亿千瓦（2030年）",
                "≥ 12 × 100 million kW by 2030");
        Target about = target(SHARE, TargetKind.LEVEL_ABOUT, 2025, 20.0);
        about.tolerance = 0.5;
        check(about, "20%左右（±0.5，2025年）", "about 20% (±0.5) by 2025");
        Target change = target(SHARE, TargetKind.CHANGE_VS_BASE, 2025, -18.0);
        change.baseYear = 2020;
        check(change, "比2020年下降18%（2025年）", "18% below 2020 by 2025");
        Target change2030 = target(SHARE, TargetKind.CHANGE_VS_BASE, 2030, -65.0);
        change2030.baseYear = 2005;
        check(change2030, "比2005年下降65%（2030年）", "65% below 2005 by 2030");
        Target growth = target(SHARE, TargetKind.AVERAGE_GROWTH, 2025, 8.0);
        growth.baseYear = 2020;
        growth.tolerance = 0.5;
        check(growth, "年均增长8%左右（2021–2025年）", "average growth of about 8% a year (2021–2025)");
        Target up = target(SHARE, TargetKind.DIRECTION, 2025, null);
        up.direction = Direction.UP;
        check(up, "进一步提升（2025年）", "rise further by 2025");
        Target relative = target(SHARE, TargetKind.RELATIVE, 2025, null);
        relative.direction = Direction.UP;
        relative.relatedIndicator = WORLD;
        check(relative, "高于全球服务出口增速（2025年）", "above World service export growth by 2025");
        check(target(SHARE, TargetKind.COVERAGE, 2025, 100.0), "全覆盖（2025年）", "full coverage by 2025");
        check(target(SHARE, TargetKind.COVERAGE, 2025, 50.0), "覆盖率达到 50%（2025年）", "coverage of 50% by 2025");
        check(target(ATTORNEYS, TargetKind.COUNT, 2025, 4.0), "≥ 4 万人（2025年）", "≥ 4 × 10,000 persons by 2025");
        check(target(SHARE, TargetKind.MAINTAIN, 2025, null), "达到并保持较高水平（2025年）",
                "reach and keep a high level by 2025");
        check(target(SHARE, TargetKind.MILESTONE, 2030, null), "2030年前完成", "done by 2030");
    }

    @Test
    void shouldKeepTheSourcesQualifierAndVerb() {
        Target orMore = target(SHARE, TargetKind.CHANGE_VS_BASE, 2030, -65.0);
        orMore.baseYear = 2005;
        orMore.quote = "单位国内生产总值二氧化碳排放比2005年下降65%以上";
        check(orMore, "比2005年下降65%以上（2030年）", "65% or more below 2005 by 2030");
        Target strive = target(SHARE, TargetKind.COVERAGE, 2025, 50.0);
        strive.quote = "地市级公共服务机构覆盖率力争达到50%";
        check(strive, "力争覆盖率达到 50%（2025年）", "strive for coverage of 50% by 2025");
        Target substantial = target(SHARE, TargetKind.DIRECTION, 2030, null);
        substantial.direction = Direction.DOWN;
        substantial.quote = "单位国内生产总值能耗大幅下降";
        substantial.reading = new WordReading("大幅下降", "fall substantially", 13.5, true, "理由", "why", null);
        check(substantial, "大幅下降（2030年）", "fall substantially by 2030");
    }

    @Test
    void shouldWordAValueWithItsUnitAsTheAppShowsIt() {
        assertEquals("{value} 亿千瓦", TargetWording.valuePattern(CAPACITY).zh());
        assertEquals("{value} × 100 million kW", TargetWording.valuePattern(CAPACITY).en());
        assertEquals("{value}%", TargetWording.valuePattern(SHARE).en());
        assertEquals("3,194.4 亿元", TargetWording.withUnit(Lang.ZH, 3194.4, "亿元"));
        assertEquals("19.8%", TargetWording.withUnit(Lang.EN, 19.8, "%"));
    }

    private static void check(Target target, String zh, String en) {
        assertEquals(zh, TargetWording.of(target).zh(), target.kind.name());
        assertEquals(en, TargetWording.of(target).en(), target.kind.name());
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
