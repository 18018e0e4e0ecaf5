package dev.quiver.exec.aggregate;

import dev.quiver.exec.function.Int128;
import java.util.Arrays;

/**
 * Per-group 128-bit sums (of BIGINTs and decimals) and counts of values seen; the counts serve AVG
 * and tell SUM whether any value arrived.
 */
public final class WideSumState implements GroupState {
    public long[] high = new long[16];
    public long[] low = new long[16];
    public long[] counts = new long[16];

    @Override
    public void ensureCapacity(int groups) {
        if (groups > low.length) {
            int c = Math.max(groups, low.length * 2);
            high = Arrays.copyOf(high, c);
            low = Arrays.copyOf(low, c);
            counts = Arrays.copyOf(counts, c);
        }
    }

    /** Adds a 64-bit value to group g. */
    public void add(int g, long v) {
        long l = low[g];
        long sum = l + v;
        // Carry out of the unsigned low word, plus the sign extension of v.
        high[g] += (v >> 63) + (Long.compareUnsigned(sum, l) < 0 ? 1 : 0);
        low[g] = sum;
        counts[g]++;
    }

    /** Adds a 128-bit value to group g. */
    public void add(int g, long vHigh, long vLow, long[] scratch) {
        Int128.add(high[g], low[g], vHigh, vLow, scratch);
        high[g] = scratch[0];
        low[g] = scratch[1];
        counts[g]++;
    }

    /** Merges another state's group into group g. */
    public void merge(int g, WideSumState other, int s, long[] scratch) {
        Int128.add(high[g], low[g], other.high[s], other.low[s], scratch);
        high[g] = scratch[0];
        low[g] = scratch[1];
        counts[g] += other.counts[s];
    }
}
