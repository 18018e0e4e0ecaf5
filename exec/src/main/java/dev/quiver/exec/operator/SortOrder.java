package dev.quiver.exec.operator;

import dev.quiver.exec.vector.ValueComparisons;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.plan.SortKey;
import java.util.List;

/**
 * Compares rows of a {@link RowBuffer} by sort keys (direction and NULL placement per key), and
 * sorts row indices stably with a merge sort on primitive ints (no boxing).
 */
final class SortOrder {
    private final int[] columns;
    private final boolean[] descending;
    private final boolean[] nullsFirst;

    SortOrder(List<SortKey> keys, int[] columns) {
        this.columns = columns;
        this.descending = new boolean[keys.size()];
        this.nullsFirst = new boolean[keys.size()];
        for (int k = 0; k < keys.size(); k++) {
            descending[k] = keys.get(k).descending();
            nullsFirst[k] = keys.get(k).nullsFirst();
        }
    }

    int compare(RowBuffer a, int i, RowBuffer b, int j) {
        return compare(a, columns, i, b, j);
    }

    /**
     * Compares row i of {@code keys}, a buffer holding only the sort keys (key k in column k), with
     * row j of {@code b}, a buffer of the full layout.
     */
    int compareKeys(RowBuffer keys, int i, RowBuffer b, int j) {
        return compare(keys, null, i, b, j);
    }

    /** With {@code aColumns} null, key k is column k of {@code a}. */
    private int compare(RowBuffer a, int[] aColumns, int i, RowBuffer b, int j) {
        for (int k = 0; k < columns.length; k++) {
            ValueVector x = a.column(aColumns == null ? k : aColumns[k]);
            ValueVector y = b.column(columns[k]);
            boolean xn = x.nulls[i];
            boolean yn = y.nulls[j];
            int c;
            if (xn || yn) {
                if (xn == yn) {
                    continue;
                }
                c = xn == nullsFirst[k] ? -1 : 1;
                return c;
            }
            c = ValueComparisons.compare(x, i, y, j);
            if (c != 0) {
                return descending[k] ? -c : c;
            }
        }
        return 0;
    }

    /**
     * The row indices 0..rows-1 of the buffer, sorted (stable); rows with equal keys are ordered by
     * {@code tiebreak[row]} (the row's morsel), then by their place in the buffer. A bottom-up merge
     * sort: runs of {@link #RUN} rows sorted by insertion, then passes merging runs of doubling width
     * between two arrays. Without recursion the comparison is inlined at three call sites only, which
     * keeps the JIT's compile of this method small (the recursive form, inlined into itself, made
     * one C2 compile of 72 KB that took about half a second of the compiler thread).
     */
    int[] sort(RowBuffer buffer, int[] tiebreak) {
        int n = buffer.rows();
        int[] source = new int[n];
        for (int i = 0; i < n; i++) {
            source[i] = i;
        }
        for (int from = 0; from < n; from += RUN) {
            insertionSort(buffer, tiebreak, source, from, Math.min(n, from + RUN));
        }
        int[] target = new int[n];
        for (long width = RUN; width < n; width *= 2) {
            for (long from = 0; from < n; from += 2 * width) {
                int mid = (int) Math.min(n, from + width);
                int to = (int) Math.min(n, from + 2 * width);
                merge(buffer, tiebreak, source, target, (int) from, mid, to);
            }
            int[] t = source;
            source = target;
            target = t;
        }
        return source;
    }

    /** Rows sorted by insertion before merging: below this, shifting beats merging. */
    static final int RUN = 16;

    private int compareRows(RowBuffer b, int[] tiebreak, int i, int j) {
        int c = compare(b, i, b, j);
        return c != 0 ? c : Integer.compare(tiebreak[i], tiebreak[j]);
    }

    private void insertionSort(RowBuffer b, int[] tiebreak, int[] a, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= from && compareRows(b, tiebreak, a[j], v) > 0) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    /** Merges the sorted runs {@code source[from, mid)} and {@code source[mid, to)} into {@code target[from, to)}, the left first on ties. */
    private void merge(RowBuffer b, int[] tiebreak, int[] source, int[] target, int from, int mid, int to) {
        if (mid >= to || compareRows(b, tiebreak, source[mid - 1], source[mid]) <= 0) {
            System.arraycopy(source, from, target, from, to - from);
            return;
        }
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && compareRows(b, tiebreak, source[i], source[j]) <= 0)) {
                target[k] = source[i++];
            } else {
                target[k] = source[j++];
            }
        }
    }
}
