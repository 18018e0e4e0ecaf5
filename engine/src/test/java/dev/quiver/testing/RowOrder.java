package dev.quiver.testing;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a query fixes about the order of its rows: its ORDER BY keys (result column positions,
 * directions, and where NULLs go) and whether a LIMIT or OFFSET may have cut through a run of rows
 * tied on the keys at either end of the result (then which of the tied rows are returned there is
 * arbitrary, and only their keys can be compared).
 *
 * @param keys the ORDER BY keys; empty when the rows are a multiset
 * @param cutAtStart whether the first run of tied rows may have been cut (by an OFFSET)
 * @param cutAtEnd whether the last run of tied rows may have been cut (by a LIMIT)
 */
public record RowOrder(List<Key> keys, boolean cutAtStart, boolean cutAtEnd) {
    /** Rows in no particular order. */
    public static final RowOrder UNORDERED = new RowOrder(List.of(), false, false);

    /** Where NULLs of a key go. */
    public enum NullPlacement {
        /** Before every other value, whatever the direction. */
        FIRST,
        /** After every other value, whatever the direction. */
        LAST,
        /**
         * Where the engine likes (the query does not say, and engines' defaults differ): a NULL
         * and a value of the key are in order either way, but never tied.
         */
        UNSPECIFIED
    }

    /**
     * One ORDER BY key.
     *
     * @param column the result column's position, from 0
     * @param descending whether values sort from largest to smallest
     * @param nulls where NULLs go
     */
    public record Key(int column, boolean descending, NullPlacement nulls) {
        public Key {
            if (column < 0) {
                throw new IllegalArgumentException("column " + column);
            }
            requireNonNull(nulls, "nulls");
        }

        @Override
        public String toString() {
            return "#" + (column + 1) + (descending ? " DESC" : " ASC") + switch (nulls) {
                case FIRST -> " NULLS FIRST";
                case LAST -> " NULLS LAST";
                case UNSPECIFIED -> "";
            };
        }
    }

    public RowOrder {
        keys = List.copyOf(requireNonNull(keys, "keys"));
    }

    /** Whether the keys fix an order (otherwise the rows are compared as multisets). */
    public boolean ordered() {
        return !keys.isEmpty();
    }

    @Override
    public String toString() {
        if (keys.isEmpty()) {
            return "unordered";
        }
        String cut = cutAtStart && cutAtEnd ? " (cut)" : cutAtStart ? " (cut at the start)" : cutAtEnd ? " (cut at the end)" : "";
        return keys.stream().map(Key::toString).collect(Collectors.joining(", ")) + cut;
    }
}
