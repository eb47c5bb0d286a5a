package org.policytracker.observation.imports;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.observation.imports.ValueFileWriterTest.row;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Exporting a million values runs in constant memory: rows go out as they come (half the bytes are
 * out when half the rows are handed over), and the heap in use does not grow from the 100,000th row to
 * the millionth (kept rows would take hundreds of megabytes). Plain JUnit, run by Failsafe in
 * {@code verify} because it takes a while; the database side streams through a JDBC cursor
 * ({@link ValueExportQuery}).
 */
class ValueExportMillionRowsIT {

    private static final int MILLION = 1_000_000;

    @Test
    void shouldStreamAMillionRowsOfCsv() throws IOException {
        CountingSink sink = new CountingSink();
        long before = 0;
        long heapEarly = 0;
        try (ValueFileWriter writer = ValueFileWriter.csv(sink)) {
            for (int i = 0; i < MILLION; i++) {
                if (i == MILLION / 10) {
                    heapEarly = usedHeap();
                }
                if (i == MILLION / 2) {
                    before = sink.bytes;
                }
                writer.row(row(i));
            }
            assertHeapFlat(heapEarly, usedHeap());
        }
        assertTrue(before > sink.bytes * 0.45, "half the rows are out when half are handed over: " + before + " of "
                + sink.bytes);
        assertTrue(sink.bytes > 100L * MILLION, "every row was written: " + sink.bytes);
    }

    @Test
    void shouldStreamAMillionRowsOfXlsxWithoutSharedStrings() throws IOException {
        CopyingSink sink = new CopyingSink(64 * 1024);
        long before = 0;
        long heapEarly = 0;
        try (ValueFileWriter writer = ValueFileWriter.xlsx(sink)) {
            for (int i = 0; i < MILLION; i++) {
                if (i == MILLION / 10) {
                    heapEarly = usedHeap();
                }
                if (i == MILLION / 2) {
                    before = sink.bytes;
                }
                writer.row(row(i));
            }
            assertHeapFlat(heapEarly, usedHeap());
        }
        assertTrue(before > sink.bytes * 0.35, "rows leave as they come: " + before + " of " + sink.bytes);
        // The file is complete: its zip directory, at the end, names the sheet.
        String tail = new String(sink.tail(), StandardCharsets.ISO_8859_1);
        assertTrue(tail.contains("xl/worksheets/sheet1.xml"), "the workbook is complete");
    }

    /** Heap in use after a collection. */
    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** 900,000 more rows must not take more memory: kept rows would take hundreds of megabytes. */
    private static void assertHeapFlat(long early, long late) {
        assertTrue(late - early < 48L * 1024 * 1024, "heap grew by " + (late - early) / (1024 * 1024) + " MB");
    }

    /** Counts what it is given and keeps nothing. */
    static class CountingSink extends OutputStream {

        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    /** Counts, and keeps only the last bytes (where a zip file keeps its directory). */
    static class CopyingSink extends CountingSink {

        private final byte[] ring;

        CopyingSink(int size) {
            ring = new byte[size];
        }

        @Override
        public void write(int b) {
            ring[(int) (bytes % ring.length)] = (byte) b;
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            while (len > 0) {
                int at = (int) (bytes % ring.length);
                int n = Math.min(len, ring.length - at);
                System.arraycopy(b, off, ring, at, n);
                bytes += n;
                off += n;
                len -= n;
            }
        }

        byte[] tail() {
            int n = (int) Math.min(bytes, ring.length);
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                out[i] = ring[(int) ((bytes - n + i) % ring.length)];
            }
            return out;
        }
    }
}
