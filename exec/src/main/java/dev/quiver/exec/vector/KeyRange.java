package dev.quiver.exec.vector;

import java.util.Optional;

/**
 * The range {@code [min, max]} of an integer-like key column (values kept as {@code long}s) over the
 * rows not excluded (a hash-join build's rows in chains, a grouping's non-NULL keys), how many rows
 * those are, and how often the keys descend from one such row to the next: what the exact join
 * filter ({@code JoinKeyFilter}), the key-ordered buckets of {@code HashJoinTable} and a grouping's
 * {@code KeyDirectory} are laid out over.
 *
 * @param min the least key
 * @param max the greatest key, at least {@code min}
 * @param rows the rows in chains, at least one
 * @param descents the rows in chains whose key is below the key of the row in chains before them
 */
public record KeyRange(long min, long max, int rows, int descents) {
    /**
     * Rows in chains per descent of their keys, at most, for the keys to count as {@link
     * #ascending}: each worker appends its build rows in the order of the morsels it takes, so a
     * build read from a table stored by the key descends only where one worker's rows follow
     * another's, a few times in millions of rows; 1,024 allows that for builds of a few thousand
     * rows and up, and little else.
     */
    public static final int ROWS_PER_DESCENT = 1024;

    public KeyRange {
        if (max < min || rows < 1 || descents < 0 || descents >= rows) {
            throw new IllegalArgumentException("key range [" + min + ", " + max + "] of " + rows + " rows, " + descents + " descents");
        }
    }

    /**
     * The range of {@code keys[r]} over the rows {@code r < rows} not excluded ({@code excluded[r]},
     * or none when {@code excluded} is empty: rows with a NULL key, which are in no chain); empty
     * when every row is excluded.
     */
    public static Optional<KeyRange> of(long[] keys, int rows, boolean[] excluded) {
        boolean anyExcluded = excluded.length != 0;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long previous = Long.MIN_VALUE;
        int chained = 0;
        int descents = 0;
        for (int r = 0; r < rows; r++) {
            if (!anyExcluded || !excluded[r]) {
                long k = keys[r];
                min = Math.min(min, k);
                max = Math.max(max, k);
                descents += k < previous ? 1 : 0;
                previous = k;
                chained++;
            }
        }
        return chained > 0 ? Optional.of(new KeyRange(min, max, chained, descents)) : Optional.empty();
    }

    /**
     * {@code max - min + 1}, the values the range holds: exact up to {@link Long#MAX_VALUE}; a range
     * of half the longs or more comes out 0 or negative (too wide for anything laid out over it).
     */
    public long span() {
        return max - min + 1;
    }

    /**
     * Whether the keys ascend in row order but for at most one descent per {@link
     * #ROWS_PER_DESCENT} rows: the build was read from a table stored by the key, and a probe of
     * the join is likely a table stored by it too (TPC-H's orders and lineitem both are).
     */
    public boolean ascending() {
        return (long) descents * ROWS_PER_DESCENT <= rows;
    }
}
