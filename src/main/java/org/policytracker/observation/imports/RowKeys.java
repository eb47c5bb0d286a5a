package org.policytracker.observation.imports;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The (indicator, period, series basis) keys seen so far in a file and the row of each, to refuse the
 * same key twice. Pass 1 keeps only this in memory, not the rows: a key is one long (indicator id and a
 * number for the period and basis) in an open-addressing table, about 24 bytes per row at a million rows.
 */
final class RowKeys {

    private static final long EMPTY = Long.MIN_VALUE;

    private final Map<String, Integer> periodNumbers = new HashMap<>();
    private long[] keys = new long[1 << 12];
    private int[] rows = new int[1 << 12];
    private int size;

    RowKeys() {
        Arrays.fill(keys, EMPTY);
    }

    /** Records the row's key; answers the row that had it first, or 0 if this is the first. */
    int firstRowOf(long indicatorId, String period, String basis, int row) {
        String periodOnBasis = basis == null ? period : period + "|" + basis;
        long key = (indicatorId << 32) | periodNumbers.computeIfAbsent(periodOnBasis, p -> periodNumbers.size());
        int slot = slot(key, keys);
        if (keys[slot] == key) {
            return rows[slot];
        }
        keys[slot] = key;
        rows[slot] = row;
        if (++size * 2 > keys.length) {
            grow();
        }
        return 0;
    }

    int size() {
        return size;
    }

    private static int slot(long key, long[] table) {
        int mask = table.length - 1;
        int slot = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask;
        while (table[slot] != EMPTY && table[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldRows = rows;
        keys = new long[oldKeys.length * 2];
        rows = new int[oldRows.length * 2];
        Arrays.fill(keys, EMPTY);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slot(oldKeys[i], keys);
                keys[slot] = oldKeys[i];
                rows[slot] = oldRows[i];
            }
        }
    }
}
