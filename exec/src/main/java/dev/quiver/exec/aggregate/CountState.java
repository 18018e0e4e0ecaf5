package dev.quiver.exec.aggregate;

import java.util.Arrays;

/** Per-group counters. */
public final class CountState implements GroupState {
    public long[] counts = new long[16];

    @Override
    public long heapBytes() {
        return 8L * counts.length;
    }

    @Override
    public void ensureCapacity(int groups) {
        if (groups > counts.length) {
            counts = Arrays.copyOf(counts, Math.max(groups, counts.length * 2));
        }
    }

    @Override
    public void clear(int groups) {
        Arrays.fill(counts, 0, groups, 0);
    }

    public void increment(int g) {
        counts[g]++;
    }
}
