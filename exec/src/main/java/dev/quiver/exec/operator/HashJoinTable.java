package dev.quiver.exec.operator;

import static java.util.Objects.requireNonNull;

import dev.quiver.exec.vector.KeyRange;
import dev.quiver.exec.vector.Kind;
import dev.quiver.exec.vector.ValueComparisons;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.physical.HashJoin;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The build side of a hash join, ready to probe: the build rows in heap columns, their key values
 * and key hashes, and per hash bucket a chain of rows (bucket heads plus a next-row array, no
 * object per row; each chain lists its rows in ascending order). A row with a NULL in a key that is
 * not null-safe can never match: it stays a row (a RIGHT, FULL or RIGHT_ANTI join still emits it) but is in no
 * chain. Without keys every row hashes alike and one chain holds them all: a nested-loop join.
 *
 * <p>A table on one integer-like key that is not null-safe, whose chained keys span a range small
 * enough ({@link #keyBuckets()}), has a bucket per run of {@code 2^keyShift()} consecutive key
 * values instead of per hash: probes arriving in key order (orders and lineitem are stored by order
 * key) then read the bucket heads, and the rows (built in key order too), in order rather than at
 * random, which at SF 10 is the difference between missing the cache and not. Its buckets never
 * outnumber a hashed table's, and a chain holds at most {@code 2^}{@link #MAX_KEY_BUCKET_SHIFT}
 * distinct keys however they cluster.
 *
 * <p>Built once, single-threaded; then probed by many workers at once. Probing only reads, except
 * for the per-row matched flags of RIGHT, FULL, RIGHT_SEMI and RIGHT_ANTI joins, which are only
 * ever set (plain byte writes where a flag is not yet set: racing workers all write the same
 * value, and the executor's end of the workers orders the writes before the pass that reads
 * them; a worker reading a flag another is setting may only see it late, and then merely sets it
 * again). The join filter is made once, on first request, by whichever worker asks first.
 */
public final class HashJoinTable {
    /**
     * Bucket heads per build row (rounded up to a power of two): a load factor of at most 1/2 keeps
     * chains of distinct keys short for 8 bytes of heads per row.
     */
    static final int BUCKETS_PER_ROW = 2;
    /**
     * The most consecutive key values one bucket of a key-ordered table covers, as a power of two:
     * 8 bounds a chain at 8 distinct keys, and lets orders' keys at SF 10 (8 of every 32 values
     * used, 60 million values) into key order for Q9's 3.3 million build rows.
     */
    static final int MAX_KEY_BUCKET_SHIFT = 3;
    /** The largest power-of-two bucket array an int index can address. */
    private static final int MAX_BUCKETS = 1 << 30;
    /**
     * Bits of the join filter per build row (before rounding the filter up to a power of two):
     * with two bits per row in one 64-bit word, 16 bits per row let through about 2% of the keys
     * that have no match (Putze, Sanders and Singler, "Cache-, hash- and space-efficient bloom
     * filters", 2007), in an eighth of the memory the bucket heads and keys take.
     */
    static final int FILTER_BITS_PER_ROW = 16;
    /**
     * Build rows above which a probe does without the join filter: 8 MB of filter, larger than a
     * core's share of a typical last-level cache, beyond which testing it misses the cache much as
     * the chain walk would, and building it (one worker, while the others wait) costs too much.
     * It keeps the filter's word count (rows / 4, rounded up to a power of two) far below 2^24, the
     * most words the top 24 bits of a hash can address.
     */
    public static final int MAX_FILTER_ROWS = 1 << 22;
    /**
     * The most of its range (in eighths) that the exact filter of one of several keys may have set
     * to be tested: sparser, it rules out most probe keys spread over the range before they are
     * hashed (Q9's green parts, 5% of all); denser, it would pass most rows on to the hashed filter,
     * which tests all the keys, and only add a test.
     */
    static final int MAX_PARTIAL_KEY_FILTER_EIGHTHS = 1;

    private final RowBuffer rows;
    private final ValueVector[] keys;
    private final boolean[] nullSafe;
    private final long[] hashes;
    private final int[] heads;
    private final int[] next;
    /** The bucket mask of a hashed table; 0 (and unused) in a key-ordered one ({@link #keyBuckets()}). */
    private final int mask;
    /** The least chained key of a key-ordered table; 0 in a hashed one. */
    private final long keyMin;
    /**
     * Key values from {@link #keyMin} a key-ordered table's buckets cover ({@code max - min + 1}, at
     * least 1), each {@code 2^}{@link #keyShift} of them; 0 in a hashed table, which is what tells them apart.
     */
    private final long keySpan;
    private final int keyShift;
    /**
     * The range of the one key of a table that may bucket by key (one integer-like key that is not
     * null-safe, with a chained row): its key filter is laid out over it too ({@link #keyFilter}).
     */
    private final Optional<KeyRange> oneKeyRange;
    private final int rowCount;
    private final byte[] matched;
    /** Rows with a NULL key that is not null-safe ({@link #nullKeyRows}); empty when there are none. */
    private final boolean[] nullKeyRows;
    private static final boolean[] NO_NULL_KEYS = new boolean[0];
    /** The join filter, made on first use (by {@link #filter()}). */
    private volatile long[] filter;
    /** Guards the making of {@link #filter} and {@link #keyFilter}. */
    private final Object filterLock = new Object();
    /**
     * Per set of candidate keys a probe asked {@link #keyFilter} about, the filter chosen (only it is
     * kept: the others are made to be compared, then dropped). Guarded by {@link #filterLock}.
     */
    private final Map<Long, Optional<KeyFilter>> keyFilters = new HashMap<>();

    /**
     * Chains the rows of {@code rows}, which the table takes over. {@code keys} are the key columns,
     * dense and aligned with the rows (they may be columns of {@code rows}); {@code hashes[r]} is
     * {@link ValueComparisons#hashRow} of row r's keys; {@code nullSafe[c]} says whether key c
     * matches NULL with NULL.
     */
    public HashJoinTable(RowBuffer rows, ValueVector[] keys, long[] hashes, boolean[] nullSafe) {
        this.rows = requireNonNull(rows, "rows");
        this.keys = keys.clone();
        this.hashes = requireNonNull(hashes, "hashes");
        this.nullSafe = nullSafe.clone();
        if (keys.length != nullSafe.length) {
            throw new IllegalArgumentException(keys.length + " keys but " + nullSafe.length + " null-safe flags");
        }
        rowCount = rows.rows();
        nullKeyRows = nullKeyRows(this.keys, this.nullSafe, rowCount);
        int hashBuckets = bucketCount(rowCount);
        oneKeyRange = this.keys.length == 1 && this.keys[0].kind == Kind.LONG && !this.nullSafe[0]
                ? KeyRange.of(this.keys[0].longs, rowCount, nullKeyRows)
                : Optional.empty();
        int shift = oneKeyRange.map(k -> shiftFor(k.span(), hashBuckets)).orElse(-1);
        keyMin = shift >= 0 ? oneKeyRange.get().min() : 0;
        keySpan = shift >= 0 ? oneKeyRange.get().span() : 0;
        keyShift = Math.max(shift, 0);
        int buckets = keyBuckets() ? (int) ((keySpan - 1) >>> keyShift) + 1 : hashBuckets;
        heads = new int[buckets];
        Arrays.fill(heads, -1);
        mask = keyBuckets() ? 0 : buckets - 1;
        next = new int[rowCount];
        chain();
        // Row rowCount: all NULL, what an outer join pads unmatched probe rows with.
        for (int c = 0; c < rows.types().size(); c++) {
            ValueVector v = rows.column(c);
            v.ensureCapacity(rowCount + 1);
            v.nulls[rowCount] = true;
        }
        matched = new byte[rowCount];
    }

    /**
     * Chains every row without a NULL key that is not null-safe. Backwards, so that each chain
     * starts with its lowest row.
     */
    private void chain() {
        boolean anyNullKey = nullKeyRows.length != 0;
        boolean keyBuckets = keyBuckets();
        long[] keyValues = keyBuckets ? keys[0].longs : null;
        for (int r = rowCount - 1; r >= 0; r--) {
            if (anyNullKey && nullKeyRows[r]) {
                next[r] = -1;
                continue;
            }
            int b = keyBuckets ? (int) ((keyValues[r] - keyMin) >>> keyShift) : (int) hashes[r] & mask;
            next[r] = heads[b];
            heads[b] = r;
        }
    }

    /**
     * The least shift (at most {@link #MAX_KEY_BUCKET_SHIFT}) that puts a range of {@code span}
     * key values into no more than {@code hashBuckets} buckets of {@code 2^shift} values each, or
     * -1 when none does (or the range is too wide to count: {@code span <= 0}).
     */
    static int shiftFor(long span, int hashBuckets) {
        for (int shift = 0; span > 0 && shift <= MAX_KEY_BUCKET_SHIFT; shift++) {
            if ((span - 1) >>> shift < hashBuckets) {
                return shift;
            }
        }
        return -1;
    }

    static int bucketCount(int rows) {
        long wanted = Math.max(1L, (long) rows * BUCKETS_PER_ROW);
        return wanted >= MAX_BUCKETS ? MAX_BUCKETS : powerOfTwoAtLeast((int) wanted);
    }

    /** The smallest power of two at least {@code n} (1 ≤ n ≤ 2^30). */
    private static int powerOfTwoAtLeast(int n) {
        return Integer.highestOneBit(n * 2 - 1);
    }

    /**
     * Per row, whether a key that is not null-safe is NULL there (the row then matches nothing);
     * empty when no row's is. Column by column, each loop reading one array: a per-row test of
     * every key made the JIT hoist checks it later had to take back, recompiling the table's loops.
     */
    private static boolean[] nullKeyRows(ValueVector[] keys, boolean[] nullSafe, int rows) {
        boolean[] out = NO_NULL_KEYS;
        for (int c = 0; c < keys.length; c++) {
            if (nullSafe[c]) {
                continue;
            }
            boolean[] nulls = keys[c].nulls;
            for (int r = 0; r < rows; r++) {
                if (nulls[r]) {
                    if (out.length == 0) {
                        out = new boolean[rows];
                    }
                    out[r] = true;
                }
            }
        }
        return out;
    }

    /** Whether row {@code i} of the key columns has no NULL in a key that is not null-safe. */
    private static boolean matchable(ValueVector[] keyColumns, boolean[] nullSafe, int i) {
        for (int c = 0; c < keyColumns.length; c++) {
            if (!nullSafe[c] && keyColumns[c].nulls[i]) {
                return false;
            }
        }
        return true;
    }

    /** Number of build rows. */
    public int rowCount() {
        return rowCount;
    }

    /**
     * The Java heap the table takes: its rows, computed key columns, hashes, chains and match
     * flags (the join filters, each at most 8 MB and made during the probe, are not included).
     */
    public long heapBytes() {
        long bytes = rows.heapBytes() + 8L * hashes.length + 4L * (heads.length + next.length) + matched.length;
        for (ValueVector key : keys) {
            boolean ownColumn = false;
            for (int c = 0; c < rows.types().size(); c++) {
                ownColumn |= rows.column(c) == key;
            }
            bytes += ownColumn ? 0 : key.heapBytes();
        }
        return bytes;
    }

    /** Whether some build row has a NULL in a key that is not null-safe (such rows match nothing). */
    public boolean hasNullKey() {
        return nullKeyRows.length != 0;
    }

    /** Build column {@code c}, entries {@code 0..rowCount} (the last one is {@link #nullRow()}). */
    public ValueVector column(int c) {
        return rows.column(c);
    }

    /** A row index past the build rows whose every column is NULL. */
    public int nullRow() {
        return rowCount;
    }

    /**
     * Whether probe row {@code i} of the (position-aligned) probe key columns can match at all: it
     * has no NULL in a key that is not null-safe.
     */
    public boolean probeable(ValueVector[] probeKeys, int i) {
        return matchable(probeKeys, nullSafe, i);
    }

    /**
     * The first row of the chain probe row {@code i} of the (position-aligned) probe key columns
     * may match in, or -1; {@code hash} is the row's key hash, and the row must be {@link
     * #probeable}. Walk on with {@link #next(int)}.
     */
    public int first(long hash, ValueVector[] probeKeys, int i) {
        return keySpan != 0 ? keyHead(heads, probeKeys[0].longs[i], keyMin, keySpan, keyShift) : heads[(int) hash & mask];
    }

    /**
     * Of a key-ordered table ({@link #keyBuckets()}, whose {@link #heads()}, {@link #keyMin()},
     * {@link #keySpan()} and {@link #keyShift()} are the other arguments), the first row of the
     * chain of key {@code key}, or -1: none where the key is outside the range (read unsigned,
     * {@code key - min} is then at least the span, wrapping included).
     */
    public static int keyHead(int[] heads, long key, long min, long span, int shift) {
        long offset = key - min;
        return Long.compareUnsigned(offset, span) < 0 ? heads[(int) (offset >>> shift)] : -1;
    }

    /** The row after {@code row} in its chain, or -1. */
    public int next(int row) {
        return next[row];
    }

    /**
     * Whether chain row {@code row} has the keys of probe row {@code i} (whose key hash is
     * {@code hash}); the probe row must be {@link #probeable}.
     */
    public boolean matches(int row, long hash, ValueVector[] probeKeys, int i) {
        return hashes[row] == hash && ValueComparisons.rowsEqual(keys, row, probeKeys, i);
    }

    // ------------------------------------------------------------------ read-only views for generated probes
    // Generated code walks the chains itself, exactly as first/next/matches do. The arrays are the
    // table's own (no copies, for speed): callers must only read them.

    /**
     * The probe-side key expressions of {@code join} as its probe evaluates them, cast where the
     * two sides of a key pair differ in representation (the keys this table's hashes were made from
     * on the build side).
     */
    public static List<Expr> probeKeys(HashJoin join) {
        return HashJoinKeys.probe(join);
    }

    /**
     * Bucket heads, each the first row of its bucket's chain or -1: of bucket {@code hash & mask()}
     * in a hashed table, of key {@code key} at {@link #keyHead} in a key-ordered one. Read only.
     */
    public int[] heads() {
        return heads;
    }

    /**
     * Whether the buckets are of key ranges ({@link #keyHead} finds a key's), not of hashes: the
     * table has one key, kept as a {@code long} and not null-safe, whose chained values span at
     * most {@code 2^}{@link #MAX_KEY_BUCKET_SHIFT} times as many values as a hashed table's buckets.
     */
    public boolean keyBuckets() {
        return keySpan != 0;
    }

    /** The least chained key of a key-ordered table ({@link #keyBuckets()}); 0 otherwise. */
    public long keyMin() {
        return keyMin;
    }

    /** The key values from {@link #keyMin()} a key-ordered table's buckets cover; 0 otherwise. */
    public long keySpan() {
        return keySpan;
    }

    /** A key-ordered table's consecutive key values per bucket, as a power of two; 0 otherwise. */
    public int keyShift() {
        return keyShift;
    }

    /** Per row, the next row of its chain, or -1. Read only. */
    public int[] nextRows() {
        return next;
    }

    /** Per row, the hash of its keys ({@link ValueComparisons#hashRow}). Read only. */
    public long[] hashes() {
        return hashes;
    }

    /** The bucket mask of a hashed table: a hash's bucket is {@code (int) hash & mask()}; 0 in a key-ordered one. */
    public int mask() {
        return mask;
    }

    /** Key column {@code k}, dense and aligned with the rows. Read only. */
    public ValueVector key(int k) {
        return keys[k];
    }

    // ------------------------------------------------------------------ join filter

    /**
     * Whether probes of this table should test keys against its {@link #filter()} before walking
     * a chain: it has rows, and not so many that the filter outgrows the cache.
     */
    public boolean filterWorthwhile() {
        return rowCount > 0 && rowCount <= MAX_FILTER_ROWS;
    }

    /**
     * The join filter: a blocked bloom filter (a power-of-two number of 64-bit words) of the key
     * hashes of the rows in chains. {@link #mayMatch} is false for every hash no chained row has,
     * so a probe row it rejects has no candidate at all; it lets through a few hashes no row has.
     * Made on the first call (by one caller; others wait) and the same array afterwards. Read only.
     */
    public long[] filter() {
        long[] f = filter;
        if (f == null) {
            synchronized (filterLock) {
                f = filter;
                if (f == null) {
                    f = buildFilter();
                    filter = f;
                }
            }
        }
        return f;
    }

    /**
     * An exact filter of one join key ({@link JoinKeyFilter}) that a probe able to test the keys in
     * {@code candidates} (bit k for key k) may test before hashing: of the key, when the table has
     * one; of the key whose filter has the fewest of its range's bits set, when it has several and
     * no more than {@link #MAX_PARTIAL_KEY_FILTER_EIGHTHS} eighths are (a key with no match there
     * has no candidate, but one with a match may still have none: probes test the hashed filter
     * too). A key qualifies when it is kept as a {@code long}, is not null-safe, and its chained
     * rows' values span a range small enough; the table must be {@link #filterWorthwhile}. Made
     * on the first call for a set of candidates (by one caller; others wait), the same afterwards.
     */
    public Optional<KeyFilter> keyFilter(long candidates) {
        if (!filterWorthwhile()) {
            // A table too large for the hashed filter gets no exact one either: see MAX_FILTER_ROWS.
            return Optional.empty();
        }
        synchronized (filterLock) {
            return keyFilters.computeIfAbsent(candidates, this::chooseKeyFilter);
        }
    }

    private Optional<KeyFilter> chooseKeyFilter(long candidates) {
        Optional<KeyFilter> best = Optional.empty();
        for (int k = 0; k < Math.min(keys.length, Long.SIZE); k++) {
            if ((candidates & (1L << k)) == 0 || keys[k].kind != Kind.LONG || nullSafe[k]) {
                continue;
            }
            long[] values = keys[k].longs;
            Optional<KeyRange> range = keys.length == 1 ? oneKeyRange : KeyRange.of(values, rowCount, nullKeyRows);
            Optional<JoinKeyFilter> f = range.flatMap(r -> JoinKeyFilter.of(r, values, rowCount, nullKeyRows));
            if (f.isPresent() && (best.isEmpty() || density(f.get()) < density(best.get().filter()))) {
                best = Optional.of(new KeyFilter(k, f.get(), keys.length == 1));
            }
        }
        return best.filter(f -> f.exact() || f.filter().setBits() * 8 <= f.filter().span() * MAX_PARTIAL_KEY_FILTER_EIGHTHS);
    }

    private static double density(JoinKeyFilter f) {
        return (double) f.setBits() / f.span();
    }

    /**
     * The exact filter of join key {@code key}: of all the keys when {@code exact} (the table has one
     * key), else of one of several, which rules out only part of the rows without a match.
     */
    public record KeyFilter(int key, JoinKeyFilter filter, boolean exact) {
        public KeyFilter {
            requireNonNull(filter, "filter");
        }
    }

    /**
     * The bits the hashed filter of a table of {@code rows} rows takes: {@link #FILTER_BITS_PER_ROW}
     * per row up to {@link #MAX_FILTER_ROWS}, in a power-of-two number of 64-bit words.
     */
    static long filterSize(long rows) {
        long wanted = Math.max(1L, Math.min(rows, MAX_FILTER_ROWS) * FILTER_BITS_PER_ROW / Long.SIZE);
        return (long) powerOfTwoAtLeast((int) wanted) * Long.SIZE;
    }

    private long[] buildFilter() {
        long[] f = new long[(int) (filterSize(rowCount) / Long.SIZE)];
        int words = f.length - 1;
        boolean anyNullKey = nullKeyRows.length != 0;
        for (int r = 0; r < rowCount; r++) {
            if (!anyNullKey || !nullKeyRows[r]) {
                long h = hashes[r];
                f[filterWord(h, words)] |= filterBits(h);
            }
        }
        return f;
    }

    /** Whether some chained row may have key hash {@code hash}: false only if none has. */
    public static boolean mayMatch(long[] filter, long hash) {
        long bits = filterBits(hash);
        return (filter[filterWord(hash, filter.length - 1)] & bits) == bits;
    }

    /** The filter word of a hash: its top bits, which the bucket index (the low bits) does not use. */
    private static int filterWord(long hash, int mask) {
        return (int) (hash >>> 40) & mask;
    }

    /** The two bits a hash sets in its word, chosen by hash bits 20 to 31 (shifts take their distance mod 64). */
    private static long filterBits(long hash) {
        return (1L << (hash >>> 26)) | (1L << (hash >>> 20));
    }

    /** Records that build row {@code row} joined some probe row (RIGHT, FULL, RIGHT_SEMI, RIGHT_ANTI joins). */
    public void markMatched(int row) {
        // Read before writing: a flag is set once, and workers re-setting flags already set would
        // pass the flags' cache lines back and forth between cores on every match.
        if (matched[row] == 0) {
            matched[row] = 1;
        }
    }

    public boolean wasMatched(int row) {
        return matched[row] != 0;
    }
}
