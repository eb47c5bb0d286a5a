package org.policytracker.observation.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The small in-memory structures of pass 1. No container. */
class RowKeysAndErrorsTest {

    @Test
    void shouldFindTheFirstRowOfARepeatedKeyAmongManyKeys() {
        RowKeys keys = new RowKeys();
        int row = 2;
        for (long indicator = 1; indicator <= 300; indicator++) {
            for (int year = 1990; year <= 2100; year++) {
                assertEquals(0, keys.firstRowOf(indicator, Integer.toString(year), null, row++));
            }
        }
        assertEquals(300 * 111, keys.size());
        assertEquals(2, keys.firstRowOf(1, "1990", null, row));
        assertEquals(2 + 111 + 5, keys.firstRowOf(2, "1995", null, row));
        assertEquals(0, keys.firstRowOf(1, "2024Q1", null, row));
        assertEquals(300 * 111 + 1, keys.size());
    }

    @Test
    void shouldKeepOneKeyPerSeriesBasisOfAPeriod() {
        RowKeys keys = new RowKeys();
        assertEquals(0, keys.firstRowOf(7, "2024", "ORIGINAL", 2));
        assertEquals(0, keys.firstRowOf(7, "2024", "DEDUCTED", 3));
        assertEquals(0, keys.firstRowOf(7, "2024", null, 4));
        assertEquals(3, keys.firstRowOf(7, "2024", "DEDUCTED", 5));
        assertEquals(2, keys.firstRowOf(7, "2024", "ORIGINAL", 6));
        assertEquals(3, keys.size());
    }

    @Test
    void shouldCountEveryErrorAndKeepTheFirstThousandByRow() {
        ErrorCollector errors = new ErrorCollector();
        for (int row = 3000; row >= 2; row--) {
            errors.add(ImportError.of(row, "value", "value.required"));
        }
        errors.add(ImportError.of(2, "period", "period.required", "example", 2025));
        assertEquals(3000, errors.count());
        List<ImportError> kept = errors.kept();
        assertEquals(ErrorCollector.MAX_KEPT, kept.size());
        assertEquals(List.of("value", "period"), kept.subList(0, 2).stream().map(ImportError::column).toList());
        assertEquals(1000, kept.get(kept.size() - 1).row());
    }
}
