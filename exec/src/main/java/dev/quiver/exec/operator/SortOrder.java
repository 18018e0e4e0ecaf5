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
        for (int k = 0; k < columns.length; k++) {
            ValueVector x = a.column(columns[k]);
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

    /** The row indices 0..rows-1 of the buffer, sorted (stable). */
    int[] sort(RowBuffer buffer) {
        int n = buffer.rows();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] scratch = new int[n];
        mergeSort(buffer, order, scratch, 0, n);
        return order;
    }

    private void mergeSort(RowBuffer b, int[] a, int[] tmp, int from, int to) {
        if (to - from <= 16) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && compare(b, a[j], b, v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(b, a, tmp, from, mid);
        mergeSort(b, a, tmp, mid, to);
        if (compare(b, a[mid - 1], b, a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && compare(b, tmp[i], b, tmp[j]) <= 0)) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }
}
