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
     * {@code tiebreak[row]} (the row's morsel), then by their place in the buffer.
     */
    int[] sort(RowBuffer buffer, int[] tiebreak) {
        int n = buffer.rows();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] scratch = new int[n];
        mergeSort(buffer, tiebreak, order, scratch, 0, n);
        return order;
    }

    private int compareRows(RowBuffer b, int[] tiebreak, int i, int j) {
        int c = compare(b, i, b, j);
        return c != 0 ? c : Integer.compare(tiebreak[i], tiebreak[j]);
    }

    private void mergeSort(RowBuffer b, int[] tiebreak, int[] a, int[] tmp, int from, int to) {
        if (to - from <= 16) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && compareRows(b, tiebreak, a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(b, tiebreak, a, tmp, from, mid);
        mergeSort(b, tiebreak, a, tmp, mid, to);
        if (compareRows(b, tiebreak, a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && compareRows(b, tiebreak, tmp[i], tmp[j]) <= 0)) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }
}
