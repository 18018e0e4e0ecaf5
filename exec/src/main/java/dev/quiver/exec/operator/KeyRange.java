package dev.quiver.exec.operator;

import java.util.Optional;

/**
 * The range {@code [min, max]} of an integer-like key column (values kept as {@code long}s) over the
 * rows of a hash-join build that are in chains: what the exact join filter ({@link JoinKeyFilter})
 * and the key-ordered buckets of {@link HashJoinTable} are laid out over.
 *
 * @param min the least key
 * @param max the greatest key, at least {@code min}
 */
record KeyRange(long min, long max) {
    KeyRange {
        if (max < min) {
            throw new IllegalArgumentException("empty key range [" + min + ", " + max + "]");
        }
    }

    /**
     * The range of {@code keys[r]} over the rows {@code r < rows} not excluded ({@code excluded[r]},
     * or none when {@code excluded} is empty: rows with a NULL key, which are in no chain); empty
     * when every row is excluded.
     */
    static Optional<KeyRange> of(long[] keys, int rows, boolean[] excluded) {
        boolean anyExcluded = excluded.length != 0;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        boolean any = false;
        for (int r = 0; r < rows; r++) {
            if (!anyExcluded || !excluded[r]) {
                long k = keys[r];
                min = Math.min(min, k);
                max = Math.max(max, k);
                any = true;
            }
        }
        return any ? Optional.of(new KeyRange(min, max)) : Optional.empty();
    }

    /**
     * {@code max - min + 1}, the values the range holds: exact up to {@link Long#MAX_VALUE}; a range
     * of half the longs or more comes out 0 or negative (too wide for anything laid out over it).
     */
    long span() {
        return max - min + 1;
    }
}
