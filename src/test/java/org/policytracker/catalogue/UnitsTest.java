package org.policytracker.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The unit families values may be entered in, and their conversions (docs/ASSESSMENT.md, "Units"). No container. */
class UnitsTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', value = {
            "万人; 万人 人 亿人",
            "万件; 万件 件 亿件",
            "亿元; 亿元 元 万元 万亿元",
            "亿美元; 亿美元 美元 万美元 万亿美元",
            "亿千瓦; 亿千瓦 千瓦 万千瓦",
            "亿吨; 亿吨 吨 万吨",
            "亿吨标准煤; 亿吨标准煤 吨标准煤 万吨标准煤",
            "件; 件 万件 亿件",
            "%; %",
            "分; 分",
            "吨二氧化碳/万元; 吨二氧化碳/万元"})
    void shouldOfferTheFamilyOfAUnitWithItsOwnFirst(String unit, String family) {
        assertEquals(List.of(family.split(" ")), Units.family(unit));
    }

    @ParameterizedTest(name = "1 {0} = {2} {1}")
    @CsvSource({
            "人, 万人, 0.0001",
            "万人, 万人, 1",
            "亿人, 万人, 10000",
            "万千瓦, 亿千瓦, 0.0001",
            "千瓦, 亿千瓦, 1.0E-8",
            "万亿元, 亿元, 10000",
            "万元, 亿元, 0.0001",
            "万吨, 亿吨, 0.0001",
            "' 人 ', 万人, 0.0001"})
    void shouldConvertWithinAFamilyByTheMagnitudes(String from, String to, double factor) {
        assertEquals(factor, Units.factor(from, to).orElseThrow(), factor * 1e-12);
    }

    @ParameterizedTest(name = "{0} is not {1}")
    @CsvSource({
            "亿元, 亿美元", // another currency
            "%, 万人", // a share is not a count
            "人, 万件", // persons are not patents
            "吨, 亿吨标准煤", // tonnes of what
            "万亿人, 万人", // not offered, so not taken
            "元/万元, 吨二氧化碳/万元",
            "人, ''"})
    void shouldNeverConvertAcrossFamilies(String from, String to) {
        assertEquals(Optional.empty(), Units.factor(from, to));
    }
}
