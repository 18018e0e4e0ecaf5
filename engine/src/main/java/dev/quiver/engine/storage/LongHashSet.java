package dev.quiver.engine.storage;

/**
 * A set of {@code long}s by open addressing with linear probing over one {@code long[]}, for keys
 * that are already well-mixed hashes (the slot is taken from the low bits as they are). Not
 * thread-safe.
 */
final class LongHashSet {
    /** Slots to start with: small tables stay small, and growth doubles from here. */
    private static final int INITIAL_CAPACITY = 16;
    /** Grow when more than this fraction of slots is used: linear probing stays short below 1/2. */
    private static final double MAX_LOAD = 0.5;
    /** Marks a free slot; the value 0 itself is kept in {@link #hasZero}. */
    private static final long FREE = 0;

    private long[] slots = new long[INITIAL_CAPACITY];
    private int size;
    private boolean hasZero;

    /** Adds {@code value}; false if it was there already. */
    boolean add(long value) {
        if (value == FREE) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        int mask = slots.length - 1;
        for (int i = (int) value & mask; ; i = (i + 1) & mask) {
            if (slots[i] == value) {
                return false;
            }
            if (slots[i] == FREE) {
                slots[i] = value;
                if (++size > slots.length * MAX_LOAD) {
                    grow();
                }
                return true;
            }
        }
    }

    boolean contains(long value) {
        if (value == FREE) {
            return hasZero;
        }
        int mask = slots.length - 1;
        for (int i = (int) value & mask; ; i = (i + 1) & mask) {
            if (slots[i] == value) {
                return true;
            }
            if (slots[i] == FREE) {
                return false;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long value : old) {
            if (value != FREE) {
                int i = (int) value & mask;
                while (slots[i] != FREE) {
                    i = (i + 1) & mask;
                }
                slots[i] = value;
            }
        }
    }
}
