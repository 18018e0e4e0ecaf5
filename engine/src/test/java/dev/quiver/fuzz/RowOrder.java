package dev.quiver.fuzz;

import java.util.List;
import java.util.Objects;

/**
 * What a query's text fixes about the order of its rows: its ORDER BY keys (result column
 * positions, directions, and where NULLs go) and whether a LIMIT or OFFSET cut the ordered result
 * (then which of several rows tied on the keys at a cut edge are returned is arbitrary).
 *
 * @param keys the ORDER BY keys; empty when the rows are a multiset
 * @param cut whether a LIMIT or OFFSET applies
 */
record RowOrder(List<Key> keys, boolean cut) {
    /** Rows in no particular order. */
    static final RowOrder UNORDERED = new RowOrder(List.of(), false);

    /** One ORDER BY key. */
    record Key(int column, boolean descending, boolean nullsFirst) {
        Key {
            if (column < 0) {
                throw new IllegalArgumentException("column " + column);
            }
        }
    }

    RowOrder {
        keys = List.copyOf(keys);
    }

    boolean ordered() {
        return !keys.isEmpty();
    }

    /**
     * Orders two rows by the keys exactly: directions apply to values; NULLs go where each key
     * says, whatever the direction. (An engine's rows must be in the order of its own values.)
     */
    int compare(List<Object> a, List<Object> b) {
        return compare(a, b, false);
    }

    /**
     * As {@link #compare}, but numbers equal within the comparison's tolerance are tied: two
     * engines may compute such values in either order, so rows tied this way form one run.
     */
    int compareLoosely(List<Object> a, List<Object> b) {
        return compare(a, b, true);
    }

    private int compare(List<Object> a, List<Object> b, boolean loose) {
        for (Key key : keys) {
            Object x = a.get(key.column());
            Object y = b.get(key.column());
            if (x == null || y == null) {
                if (x == null && y == null) {
                    continue;
                }
                return (x == null) == key.nullsFirst() ? -1 : 1;
            }
            int cmp = loose ? ResultComparator.compareLoosely(x, y) : ResultComparator.compareValues(x, y);
            if (cmp != 0) {
                return key.descending() ? -cmp : cmp;
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return keys.isEmpty() ? "unordered" : keys.stream().map(k -> "#" + (k.column() + 1) + (k.descending() ? " DESC" : " ASC")
                + (k.nullsFirst() ? " NULLS FIRST" : " NULLS LAST")).reduce((x, y) -> x + ", " + y).orElseThrow() + (cut ? " (cut)" : "");
    }

    /** Checks that a key refers to a column of a result {@code width} wide. */
    void requireWithin(int width) {
        for (Key k : keys) {
            Objects.checkIndex(k.column(), width);
        }
    }
}
