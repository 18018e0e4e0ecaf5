package dev.quiver.exec.aggregate;

import java.util.Arrays;

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

    private final long min;
    private final long max;
    private final int[] entries;

    KeyDirectory(long min, long max) {
        if (max < min || max - min >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("key range " + min + ".." + max + " does not fit a directory");
        }
        this.min = min;
        this.max = max;
        this.entries = new int[(int) (max - min + 1)];
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

    /** A directory of the range {@code lo..hi}, which holds this one's, with this one's entries. */
    KeyDirectory widenedTo(long lo, long hi) {
        KeyDirectory wider = new KeyDirectory(lo, hi);
        System.arraycopy(entries, 0, wider.entries, (int) (min - lo), entries.length);
        return wider;
    }

    long min() {
        return min;
    }

    long max() {
        return max;
    }

    /** Forgets every group (the range stays). */
    void clear() {
        Arrays.fill(entries, 0);
    }

    long heapBytes() {
        return 4L * entries.length;
    }
}
