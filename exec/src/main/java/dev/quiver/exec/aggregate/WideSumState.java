package dev.quiver.exec.aggregate;

import dev.quiver.error.QuiverException;
import dev.quiver.exec.function.Decimals;
import dev.quiver.exec.function.Int128;
import dev.quiver.exec.vector.Kind;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.type.DataType;
import java.util.Arrays;

/**
 * Per-group 128-bit sums (of BIGINTs and decimals) and counts of values seen; the counts serve AVG
 * and tell SUM whether any value arrived.
 */
public final class WideSumState implements GroupState {
    private final int scale;
    public long[] high = new long[16];
    public long[] low = new long[16];
    public long[] counts = new long[16];

    /** Sums of DECIMAL(38, scale): overflowing 128 bits reports the same error as overflowing 38 digits. */
    public WideSumState(int scale) {
        this.scale = scale;
    }

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
        add128(high[g], low[g], vHigh, vLow, scratch);
        high[g] = scratch[0];
        low[g] = scratch[1];
        counts[g]++;
    }

    /** Merges another state's group into group g. */
    public void merge(int g, WideSumState other, int s, long[] scratch) {
        add128(high[g], low[g], other.high[s], other.low[s], scratch);
        high[g] = scratch[0];
        low[g] = scratch[1];
        counts[g] += other.counts[s];
    }

    /** Folds the non-NULL rows {@code sel[0..n)} of {@code in} into their groups (vectorized update). */
    public void addAll(int[] groupIds, ValueVector in, int[] sel, int n) {
        boolean[] nulls = in.nulls;
        if (in.kind == Kind.INT128) {
            long[] scratch = new long[2];
            for (int k = 0; k < n; k++) {
                int i = sel[k];
                if (!nulls[i]) {
                    add(groupIds[k], in.highs[i], in.longs[i], scratch);
                }
            }
        } else {
            for (int k = 0; k < n; k++) {
                int i = sel[k];
                if (!nulls[i]) {
                    add(groupIds[k], in.longs[i]);
                }
            }
        }
    }

    /** Merges every group {@code s} of {@code source} into group {@code targetOf[s]}. */
    public void mergeAll(WideSumState source, int[] targetOf, int sourceGroups) {
        long[] scratch = new long[2];
        for (int g = 0; g < sourceGroups; g++) {
            merge(targetOf[g], source, g, scratch);
        }
    }

    private void add128(long aHigh, long aLow, long bHigh, long bLow, long[] out) {
        try {
            Int128.add(aHigh, aLow, bHigh, bLow, out);
        } catch (QuiverException e) {
            throw Decimals.overflow(DataType.MAX_DECIMAL_PRECISION, scale);
        }
    }
}
