package dev.quiver.exec.aggregate;

import dev.quiver.exec.vector.ValueComparisons;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.type.DataType;
import java.util.Arrays;
import java.util.List;

/**
 * Maps grouping keys to dense group ids {@code 0, 1, 2, ...} in order of first appearance. Keys
 * are stored column-wise in {@link ValueVector}s indexed by group id; NULLs form one group per
 * column as GROUP BY requires. Open addressing with linear probing over an {@code int[]} of group
 * ids, the group's hash kept beside it to skip most key comparisons; rehashing reuses the stored
 * hashes.
 */
public final class GroupByHashTable {
    /** Slots per group before the table doubles: load factor 1/2 keeps probe sequences short. */
    static final int SLOTS_PER_GROUP = 2;
    private static final int INITIAL_SLOTS = 1024;

    private final ValueVector[] keys;
    private long[] hashes;
    private int[] slots;
    private int mask;
    private int groupCount;

    public GroupByHashTable(List<DataType> keyTypes) {
        keys = new ValueVector[keyTypes.size()];
        for (int c = 0; c < keys.length; c++) {
            keys[c] = new ValueVector(keyTypes.get(c), INITIAL_SLOTS / SLOTS_PER_GROUP);
        }
        hashes = new long[INITIAL_SLOTS / SLOTS_PER_GROUP];
        slots = new int[INITIAL_SLOTS];
        mask = INITIAL_SLOTS - 1;
    }

    public int groupCount() {
        return groupCount;
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
        int slot = (int) hash & mask;
        while (true) {
            int g = slots[slot] - 1;
            if (g < 0) {
                return insert(keyVectors, i, hash, slot);
            }
            if (hashes[g] == hash && keysEqual(g, keyVectors, i)) {
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
     * (group id + 1, 0 = empty), mask, and per-group hashes. These arrays are replaced when the table
     * grows, so callers re-read them after every {@link #insert}.
     */
    public int[] slots() {
        return slots;
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
        }
        hashes[g] = hash;
        slots[slot] = g + 1;
        if ((long) groupCount * SLOTS_PER_GROUP > slots.length) {
            rehash(slots.length * 2);
        }
        return g;
    }

    private void rehash(int size) {
        slots = new int[size];
        mask = size - 1;
        for (int g = 0; g < groupCount; g++) {
            int slot = (int) hashes[g] & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = g + 1;
        }
    }
}
