package dev.quiver.exec.aggregate;

import dev.quiver.exec.vector.KeyRange;
import dev.quiver.exec.vector.ValueVector;
import java.util.Arrays;
import java.util.Optional;

/**
 * A direct map from the integer keys of one range {@code min..max} to group ids: entry {@code key
 * - min} holds the group id plus one, or 0 while the key has no group. For the keys it covers it
 * does what a hash table's slots do in one read of four bytes, with no hash, no probe sequence and
 * no key compare: the lookup of a group whose table has outgrown the cache waits on one miss
 * instead of two (the slot, then the stored key). The same idea as the key-ordered buckets of
 * {@code HashJoinTable}, and as DuckDB's perfect hash aggregate, there for ranges of a few
 * thousand keys, here for ranges of millions.
 *
 * <p>Invariant kept by {@link GroupByHashTable}: every group whose key lies in the range has its
 * entry, so a covered key without an entry has no group yet.
 */
final class KeyDirectory {
    /** What {@link #entry} returns for a key in the range that has no group yet. */
    static final int ABSENT = -1;

    /**
     * A directory is made for keys of which at least one in this many is less than the key of the
     * group before: keys in random order descend about every second time, keys that arrive in
     * order (in order within each of a worker's morsels) almost never.
     */
    static final int UNORDERED_DESCENTS = 4;

    private final long min;
    private final long max;
    /** The widest range the directory may be widened to. */
    private final long maxSpan;
    private final int[] entries;

    KeyDirectory(long min, long max, long maxSpan) {
        if (max < min || !spansAtMost(min, max, Math.min(maxSpan, Integer.MAX_VALUE))) {
            throw new IllegalArgumentException("key range " + min + ".." + max + " does not fit a directory of " + maxSpan);
        }
        this.min = min;
        this.max = max;
        this.maxSpan = maxSpan;
        this.entries = new int[(int) (max - min + 1)];
    }

    /**
     * The directory of groups {@code 0..groups-1}, whose keys (integer-like) are entries of {@code
     * keys}, with every non-NULL key entered: if the keys span at most {@code maxSpan} values, and
     * did not arrive mostly in order (see {@link #UNORDERED_DESCENTS}). Keys in order (a scan of a
     * table stored by them, as lineitem by order key) seldom meet their group again once past it,
     * so a spilled table serves them as well, in less memory.
     */
    static Optional<KeyDirectory> of(ValueVector keys, int groups, int maxSpan) {
        Optional<KeyRange> range = KeyRange.of(keys.longs, groups, keys.nulls)
                .filter(r -> spansAtMost(r.min(), r.max(), maxSpan) && r.descents() >= r.rows() / UNORDERED_DESCENTS);
        if (range.isEmpty()) {
            return Optional.empty();
        }
        KeyDirectory directory = new KeyDirectory(range.get().min(), range.get().max(), maxSpan);
        for (int g = 0; g < groups; g++) {
            if (!keys.nulls[g]) {
                directory.set(keys.longs[g], g);
            }
        }
        return Optional.of(directory);
    }

    /** Whether {@code lo..hi} ({@code lo <= hi}) holds at most {@code span} values. */
    private static boolean spansAtMost(long lo, long hi, long span) {
        // hi - lo read unsigned is exact for hi >= lo, however far apart.
        return Long.compareUnsigned(hi - lo, span - 1) <= 0;
    }

    /** Whether {@code key} lies in the range (compared, not subtracted, so no overflow can wrap a key into it). */
    boolean covers(long key) {
        return key >= min && key <= max;
    }

    /**
     * The group of {@code key} plus one if it has one; {@link #ABSENT} if it lies in the range
     * without a group; 0 if it lies outside the range (then the directory knows nothing of it).
     */
    int entry(long key) {
        if (!covers(key)) {
            return 0;
        }
        int e = entries[(int) (key - min)];
        return e != 0 ? e : ABSENT;
    }

    /** Records {@code group} as the group of {@code key}, which must lie in the range. */
    void set(long key, int group) {
        entries[(int) (key - min)] = group + 1;
    }

    /**
     * A wider directory, with this one's entries, that covers {@code key} (which this one does
     * not), if the range then spans at most the bound: at least twice as wide, so that keys
     * arriving in ascending (or descending) order widen it a few times only.
     */
    Optional<KeyDirectory> widenedToCover(long key) {
        long lo = Math.min(min, key);
        long hi = Math.max(max, key);
        if (!spansAtMost(lo, hi, maxSpan)) {
            return Optional.empty();
        }
        long doubled = Math.min(maxSpan, 2L * entries.length);
        if (key > max) {
            hi = Math.max(hi, lo + (doubled - 1));
            hi = hi < lo ? Long.MAX_VALUE : hi;
        } else {
            lo = Math.min(lo, hi - (doubled - 1));
            lo = lo > hi ? Long.MIN_VALUE : lo;
        }
        KeyDirectory wider = new KeyDirectory(lo, hi, maxSpan);
        System.arraycopy(entries, 0, wider.entries, (int) (min - lo), entries.length);
        return Optional.of(wider);
    }

    /** Forgets every group (the range stays). */
    void clear() {
        Arrays.fill(entries, 0);
    }

    long heapBytes() {
        return 4L * entries.length;
    }
}
