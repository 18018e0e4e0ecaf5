package dev.quiver.exec.aggregate;

import dev.quiver.exec.batch.Selections;
import dev.quiver.exec.vector.Kind;
import dev.quiver.exec.vector.ValueComparisons;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.type.DataType;
import java.util.Arrays;
import java.util.List;

/**
 * Maps grouping keys to dense group ids {@code 0, 1, 2, ...} in order of first appearance. Keys
 * are stored column-wise in {@link ValueVector}s indexed by group id; NULLs form one group per
 * column as GROUP BY requires. Open addressing with linear probing over one {@code long[]} of
 * slots, each holding the group id (plus one; 0 is empty) in its low half and the high half of the
 * group's hash as a tag in its high half: a probe reads one slot and compares keys only when the
 * tags agree, so a lookup of a new key touches one cache line, and a hit two (the slot, the key).
 * Whether any key of a column is NULL is tracked, so lookups read the NULL flags only if one is.
 * Rehashing reuses the hashes stored per group.
 *
 * <p>A table of one integer-like key may also map a range of keys directly ({@link
 * #useDirectory}): a key the {@link KeyDirectory} covers is found there and only there, and the
 * slots keep the other keys (NULL among them). Group ids, keys and hashes are the same either way.
 */
public final class GroupByHashTable {
    /** Slots per group before the table doubles: load factor 1/2 keeps probe sequences short. */
    static final int SLOTS_PER_GROUP = 2;
    private static final int INITIAL_SLOTS = 1024;
    /** Groups whose slots a merge reads ahead at a time: enough misses in flight, few enough to stay cached. */
    static final int MERGE_BLOCK = 64;

    /** The high half of a slot: the tag, the high 32 bits of the group's hash. */
    public static final long TAG_MASK = 0xFFFFFFFF00000000L;

    private final ValueVector[] keys;
    /** Per key column, whether some stored key of it is NULL. */
    private final boolean[] nullKeys;
    private long[] hashes;
    private long[] slots;
    private int mask;
    private int groupCount;
    /** Groups entered in the slots; without a directory, every group. */
    private int slotted;
    /** The direct map of the key's range, once {@link #useDirectory} made one; null before. */
    private KeyDirectory directory;
    /** Groups added since the directory was made whose key it does not cover (NULL included). */
    private int outsideDirectory;
    /** Sum of the slots a merge read ahead, kept so that the JIT keeps the reads. */
    private long touchedSlots;

    public GroupByHashTable(List<DataType> keyTypes) {
        keys = new ValueVector[keyTypes.size()];
        for (int c = 0; c < keys.length; c++) {
            keys[c] = new ValueVector(keyTypes.get(c), INITIAL_SLOTS / SLOTS_PER_GROUP);
        }
        nullKeys = new boolean[keys.length];
        hashes = new long[INITIAL_SLOTS / SLOTS_PER_GROUP];
        slots = new long[INITIAL_SLOTS];
        mask = INITIAL_SLOTS - 1;
    }

    /**
     * Empties the table, its slots shrunk to what {@code groups} groups take when it has more (it
     * grows again as inserts need). Code that keeps a reference to the table goes on using it,
     * re-reading its arrays as it does after an insert; group ids found before mean nothing after.
     */
    public void clear(int groups) {
        int size = Math.max(INITIAL_SLOTS, Integer.highestOneBit(Math.max(1, groups * SLOTS_PER_GROUP - 1)) << 1);
        if (size < slots.length) {
            slots = new long[size];
            mask = size - 1;
        } else {
            Arrays.fill(slots, 0);
        }
        Arrays.fill(nullKeys, false);
        for (ValueVector k : keys) {
            k.resetArena();
        }
        groupCount = 0;
        slotted = 0;
        outsideDirectory = 0;
        if (directory != null) {
            directory.clear();
        }
    }

    /** The keys and hashes of some groups, dense: what a merge reads of the table they came from. */
    public record GroupKeys(ValueVector[] keys, long[] hashes) {
    }

    /** The keys and hashes of groups {@code order[0..n)}, in that order (entry k is group order[k]). */
    public GroupKeys copyGroups(int[] order, int n) {
        ValueVector[] copied = new ValueVector[keys.length];
        for (int c = 0; c < keys.length; c++) {
            copied[c] = new ValueVector(keys[c].type, n);
            for (int k = 0; k < n; k++) {
                copied[c].copyFrom(keys[c], order[k], k);
            }
        }
        long[] copiedHashes = new long[n];
        for (int k = 0; k < n; k++) {
            copiedHashes[k] = hashes[order[k]];
        }
        return new GroupKeys(copied, copiedHashes);
    }

    public int groupCount() {
        return groupCount;
    }

    /** The Java heap the table takes: its slots, hashes and key columns. */
    public long heapBytes() {
        return 8L * (hashes.length + slots.length) + ValueVector.heapBytes(keys) + (directory == null ? 0 : directory.heapBytes());
    }

    /** The key columns, dense by group id (entries {@code 0..groupCount-1}). */
    public ValueVector[] keys() {
        return keys;
    }

    /** Hash of the key at entry {@code i} of the given (aligned) key vectors. */
    public static long hash(ValueVector[] keyVectors, int i) {
        return ValueComparisons.hashRow(keyVectors, i);
    }

    /**
     * Finds or inserts the group of each row {@code sel[k]} of the position-aligned key vectors and
     * writes its id to {@code groupIds[k]}.
     */
    public void findOrInsert(ValueVector[] keyVectors, int[] sel, int n, int[] groupIds) {
        for (int k = 0; k < n; k++) {
            int i = sel[k];
            groupIds[k] = findOrInsert(keyVectors, i, hash(keyVectors, i));
        }
    }

    /** The group of the key at entry {@code i} of {@code keyVectors}, inserting it if new. */
    public int findOrInsert(ValueVector[] keyVectors, int i, long hash) {
        if (directory != null && !keyVectors[0].nulls[i]) {
            int e = directory.entry(keyVectors[0].longs[i]);
            if (e > 0) {
                return e - 1;
            }
            if (e == KeyDirectory.ABSENT) {
                return insertCovered(keyVectors, i, hash);
            }
        }
        int slot = (int) hash & mask;
        long tag = hash & TAG_MASK;
        while (true) {
            long entry = slots[slot];
            if (entry == 0) {
                return insert(keyVectors, i, hash, slot);
            }
            int g = (int) entry - 1;
            if ((entry & TAG_MASK) == tag && keysEqual(g, keyVectors, i)) {
                return g;
            }
            slot = (slot + 1) & mask;
        }
    }

    private boolean keysEqual(int g, ValueVector[] keyVectors, int i) {
        return ValueComparisons.rowsEqual(keys, g, keyVectors, i);
    }

    /**
     * The probe state, for generated code that walks the same probe sequence inline: slot array
     * (0 = empty, else the hash's {@link #TAG_MASK} half plus group id + 1), mask, per-group hashes,
     * and per key column whether a NULL key is stored. These arrays are replaced when the table
     * grows, so callers re-read them after every {@link #insert}.
     */
    public long[] slots() {
        return slots;
    }

    /** Per key column, whether some stored key is NULL (when not, a lookup need not read the NULL flags). */
    public boolean[] nullKeys() {
        return nullKeys;
    }

    public int mask() {
        return mask;
    }

    public long[] hashes() {
        return hashes;
    }

    /**
     * Inserts the key at entry {@code i} of {@code keyVectors} as a new group into the empty
     * {@code slot} a probe for {@code hash} ended at; returns the new group id.
     */
    public int insert(ValueVector[] keyVectors, int i, long hash, int slot) {
        int g = append(keyVectors, i, hash);
        slots[slot] = (hash & TAG_MASK) | (g + 1);
        slotted++;
        if (directory != null) {
            if (!covered(g) && !keys[0].nulls[g]) {
                directory = directory.widenedToCover(keys[0].longs[g]).orElse(directory);
            }
            if (covered(g)) {
                directory.set(keys[0].longs[g], g);
            } else {
                outsideDirectory++;
            }
        }
        if ((long) slotted * SLOTS_PER_GROUP > slots.length) {
            rehash(slots.length * 2);
        }
        return g;
    }

    /**
     * Inserts the key at entry {@code i} of {@code keyVectors}, which the directory covers and
     * has no group for ({@link #directoryEntry} said {@link KeyDirectory#ABSENT}), as a new group
     * entered in the directory only; returns the new group id.
     */
    public int insertCovered(ValueVector[] keyVectors, int i, long hash) {
        int g = append(keyVectors, i, hash);
        directory.set(keys[0].longs[g], g);
        return g;
    }

    /** Stores the key and hash of a new group, growing the per-group arrays as needed; returns its id. */
    private int append(ValueVector[] keyVectors, int i, long hash) {
        int g = groupCount++;
        if (g >= hashes.length) {
            int capacity = hashes.length * 2;
            hashes = Arrays.copyOf(hashes, capacity);
            for (ValueVector k : keys) {
                k.ensureCapacity(capacity);
            }
        }
        for (int c = 0; c < keys.length; c++) {
            keys[c].copyFrom(keyVectors[c], i, g);
            nullKeys[c] |= keys[c].nulls[g];
        }
        hashes[g] = hash;
        return g;
    }

    /** Whether group g's key lies in the directory's range (there is a directory). */
    private boolean covered(int g) {
        return !keys[0].nulls[g] && directory.covers(keys[0].longs[g]);
    }

    /**
     * Maps the key range of the groups held so far directly, if the table has one key, of an
     * integer-like type, whose groups {@link KeyDirectory#of} takes (a range of at most {@code
     * maxSpan} values, keys not mostly in order); returns whether it does now. From then on a key
     * in that range is looked up in the directory ({@link #directoryEntry}), and only keys outside
     * it (and NULL) in the slots; a new key outside it widens it while the range stays within
     * {@code maxSpan}. Meant for a table about to outgrow the cache whose keys are dense in a
     * range: the directory takes 4 bytes per value of the range, and a lookup reads one entry.
     */
    public boolean useDirectory(int maxSpan) {
        if (directory != null || keys.length != 1 || keys[0].kind != Kind.LONG) {
            return false;
        }
        directory = KeyDirectory.of(keys[0], groupCount, maxSpan).orElse(null);
        outsideDirectory = 0;
        return directory != null;
    }

    /** Whether {@link #useDirectory} made a directory that is still in use. */
    public boolean hasDirectory() {
        return directory != null;
    }

    /** Groups added since the directory was made whose key it does not cover (0 without one). */
    public int groupsOutsideDirectory() {
        return outsideDirectory;
    }

    /** Stops using the directory: every group is entered in the slots again, and lookups probe them. */
    public void dropDirectory() {
        if (directory == null) {
            return;
        }
        directory = null;
        outsideDirectory = 0;
        long wanted = (long) Math.max(1, groupCount) * SLOTS_PER_GROUP;
        rehash((int) Math.max(slots.length, Math.min(1 << 30, Long.highestOneBit(wanted - 1) << 1)));
    }

    /**
     * For generated lookups of a non-NULL key: its group plus one if the directory has it, {@link
     * KeyDirectory#ABSENT} (-1) if the directory covers the key but it has no group yet (insert it
     * with {@link #insertCovered}), and 0 if there is no directory or it does not cover the key
     * (probe the slots).
     */
    public int directoryEntry(long key) {
        KeyDirectory d = directory;
        return d == null ? 0 : d.entry(key);
    }

    /**
     * What a lookup of the non-NULL {@code key} (whose hash is {@code hash}) reads first: its
     * directory entry if the directory covers it, else its first slot. A loop over a batch reads
     * these ahead so that the lookups find them cached.
     */
    public long touch(long key, long hash) {
        KeyDirectory d = directory;
        return d != null && d.covers(key) ? d.entry(key) : slots[(int) hash & mask];
    }

    /**
     * Merges the groups of {@code other} (a table of the same key types) into this one; returns, per
     * group of {@code other}, its group here. Room for both tables' groups is made first (one rehash
     * at most), the other's stored hashes are reused, and each block's slots are read ahead in a
     * loop of their own, so that the cache misses of a table larger than the cache overlap.
     */
    public int[] mergeFrom(GroupByHashTable other) {
        int groups = other.groupCount;
        reserve(groupCount + groups);
        return mergeFrom(new GroupKeys(other.keys, other.hashes), Selections.identity(groups), groups);
    }

    /**
     * Merges groups {@code groups[0..n)} of {@code other} (keys of this table's types) into this
     * table; returns, per listed group, its group here. The table grows as inserts need, so that
     * merging many runs of mostly the same keys takes no more room than their distinct keys.
     */
    public int[] mergeFrom(GroupKeys other, int[] groups, int n) {
        int[] targets = new int[n];
        long[] otherHashes = other.hashes();
        long touch = 0;
        for (int from = 0; from < n; from += MERGE_BLOCK) {
            int to = Math.min(n, from + MERGE_BLOCK);
            for (int k = from; k < to; k++) {
                touch += slots[(int) otherHashes[groups[k]] & mask];
            }
            for (int k = from; k < to; k++) {
                int g = groups[k];
                targets[k] = findOrInsert(other.keys(), g, otherHashes[g]);
            }
        }
        touchedSlots += touch;
        return targets;
    }

    /** Makes room for {@code groups} groups without growing again. */
    private void reserve(int groups) {
        if (groups > hashes.length) {
            hashes = Arrays.copyOf(hashes, groups);
            for (ValueVector k : keys) {
                k.ensureCapacity(groups);
            }
        }
        long wanted = (long) groups * SLOTS_PER_GROUP;
        // With a directory, most groups never enter the slots: they grow as inserts need.
        if (directory == null && wanted > slots.length) {
            rehash((int) Math.min(1 << 30, Long.highestOneBit(wanted - 1) << 1));
        }
    }

    /** New slots of {@code size}, entering every group the directory (if any) does not cover. */
    private void rehash(int size) {
        slots = new long[size];
        mask = size - 1;
        slotted = 0;
        for (int g = 0; g < groupCount; g++) {
            if (directory != null && covered(g)) {
                continue;
            }
            slotted++;
            long hash = hashes[g];
            int slot = (int) hash & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = (hash & TAG_MASK) | (g + 1);
        }
    }
}
