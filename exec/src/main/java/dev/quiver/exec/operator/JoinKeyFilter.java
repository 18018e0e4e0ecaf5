package dev.quiver.exec.operator;

import dev.quiver.exec.vector.KeyRange;
import java.util.Optional;

/**
 * An exact join filter of one integer-like join key (a value kept as a {@code long}: the integers,
 * DATE, short DECIMALs): one bit per value of the range {@code [min, max]} of the build keys, set
 * for the values some chained build row has. A probe tests it on the key itself, before hashing: a
 * key outside the range fails one unsigned compare, one inside fails or passes a bit test. For a
 * join on that key alone it lets through exactly the keys some build row has, where the hashed
 * filter ({@link HashJoinTable#filter()}) lets through a few more and needs the probe key's hash
 * first; for a join on several keys, the rows whose value of that key some build row has.
 *
 * <p>Made only where the range is small ({@link #fits}): TPC-H's keys are dense, so a selective
 * build of suppliers, parts or customers spans at most the whole key range (10,000, 200,000 or
 * 150,000 bits at SF 1); or, for keys that ascend in build order, where it takes a few bytes per
 * build row, as a build of lineitem or orders by order key does. Immutable; tested by many
 * workers at once.
 */
public final class JoinKeyFilter {
    /**
     * Bits a filter may take whatever the build's size: 256 KB, half a core's 512 KiB L2, so that
     * the tests of a selective probe stay cache hits beside the probe's own columns.
     */
    public static final long CACHED_BITS = 1L << 21;
    /**
     * Bits a filter may take at most: the hashed filter's own limit (8 MB, {@link
     * HashJoinTable#MAX_FILTER_ROWS} rows at {@link HashJoinTable#FILTER_BITS_PER_ROW} bits).
     */
    public static final long MAX_BITS = (long) HashJoinTable.MAX_FILTER_ROWS * HashJoinTable.FILTER_BITS_PER_ROW;

    /**
     * Bits per build row a filter of keys that ascend may take: a probe of a table stored by the key
     * (likely, {@link KeyRange#ascending}) reads the filter in order, a cache line per 512 values
     * that the hardware fetches ahead, so its size costs little; 256 bits (32 bytes) is about what
     * the table's own arrays take per row (bucket heads, next row, hash and key: 28 bytes). Q21 at SF
     * 10, alternated run by run in one JVM: 1,514-1,706 ms with such filters against 2,222-2,259
     * without.
     */
    static final long ASCENDING_BITS_PER_ROW = 256;

    private final long min;
    /** {@code max - min + 1}: a key k is in range when {@code k - min}, read unsigned, is below it. */
    private final long span;
    private final long[] words;
    /** How many of the bits are set: the distinct keys. */
    private final long setBits;

    private JoinKeyFilter(long min, long span, long[] words) {
        this.min = min;
        this.span = span;
        this.words = words;
        long set = 0;
        for (long w : words) {
            set += Long.bitCount(w);
        }
        this.setBits = set;
    }

    /**
     * The filter of {@code keys[r]} for the rows {@code r < rows} not excluded ({@code
     * excluded[r]}, or none when {@code excluded} is empty: rows with a NULL key, which are in no
     * chain), if their range {@link #fits}; empty when it does not or no row is left.
     */
    static Optional<JoinKeyFilter> of(long[] keys, int rows, boolean[] excluded) {
        return KeyRange.of(keys, rows, excluded).flatMap(range -> of(range, keys, rows, excluded));
    }

    /** As {@link #of(long[], int, boolean[])}, given {@code range}, the keys' {@link KeyRange}. */
    static Optional<JoinKeyFilter> of(KeyRange range, long[] keys, int rows, boolean[] excluded) {
        long min = range.min();
        long span = range.span();
        if (span <= 0 || !fits(span, range.rows(), range.ascending())) {
            return Optional.empty();
        }
        boolean anyExcluded = excluded.length != 0;
        long[] words = new long[(int) ((span + Long.SIZE - 1) / Long.SIZE)];
        for (int r = 0; r < rows; r++) {
            if (!anyExcluded || !excluded[r]) {
                long offset = keys[r] - min;
                words[(int) (offset >>> 6)] |= 1L << offset;
            }
        }
        return Optional.of(new JoinKeyFilter(min, span, words));
    }

    /**
     * Whether a range of {@code span} values gets a filter for a build of {@code rows} keys: when
     * it stays in the cache ({@link #CACHED_BITS}), or takes no more bits than the hashed filter
     * would ({@link HashJoinTable#filterSize}, rounded up to a power of two as it is made), or the
     * keys are {@code ascending} (a build read from a table stored by the key, {@link
     * KeyRange#ascending}) and take at most {@link #ASCENDING_BITS_PER_ROW} per row; never past
     * {@link #MAX_BITS}. Orders' keys at SF 10 span 60 million values; the 3.3 million rows Q9
     * builds of them would take 52 million bits before the rounding and take 64 million, and the
     * 735,000 of Q21's semi-join, read from lineitem, 82 per row.
     */
    static boolean fits(long span, long rows, boolean ascending) {
        return span <= MAX_BITS
                && (span <= CACHED_BITS || span <= HashJoinTable.filterSize(rows) || ascending && span <= ASCENDING_BITS_PER_ROW * rows);
    }

    /** False exactly when no chained build row has key {@code key}. */
    public boolean mayMatch(long key) {
        long offset = key - min;
        return Long.compareUnsigned(offset, span) < 0 && (words[(int) (offset >>> 6)] & (1L << offset)) != 0;
    }

    /** The bits the filter takes (one per value of its range). */
    public long span() {
        return span;
    }

    /** The bits set: how many distinct keys the chained build rows have. */
    public long setBits() {
        return setBits;
    }
}
