package org.policytracker.observation.imports;

import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.policytracker.system.Problems;

/**
 * Every error of a file is counted; the first {@value #MAX_KEPT} by row are kept for the answer.
 * Database checks report a batch late, so errors do not arrive in row order: a bounded heap keeps
 * the lowest rows rather than the first to arrive.
 */
final class ErrorCollector {

    static final int MAX_KEPT = 1000;
    private static final Comparator<Entry> ORDER = Comparator.comparingInt(Entry::row).thenComparingLong(Entry::seq);

    private record Entry(int row, long seq, ImportError error) {
    }

    private final PriorityQueue<Entry> highestFirst = new PriorityQueue<>(ORDER.reversed());
    private long count;

    void add(ImportError error) {
        highestFirst.add(new Entry(error.row() == null ? 0 : error.row(), count++, bounded(error)));
        if (highestFirst.size() > MAX_KEPT) {
            highestFirst.poll();
        }
    }

    void addAll(List<ImportError> errors) {
        errors.forEach(this::add);
    }

    int count() {
        return (int) Math.min(count, Integer.MAX_VALUE);
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** A column named by a huge header cell is cut (the messages quote cells cut already). */
    private static ImportError bounded(ImportError error) {
        String column = error.column() == null ? null : Problems.quote(error.column());
        return new ImportError(error.row(), column, error.indicator(), error.period(), error.message());
    }

    /** The kept errors, by row (and, within a row, in the order they were found). */
    List<ImportError> kept() {
        return highestFirst.stream().sorted(ORDER).map(Entry::error).toList();
    }
}
