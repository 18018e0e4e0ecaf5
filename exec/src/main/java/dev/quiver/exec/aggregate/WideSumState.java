package dev.quiver.exec.aggregate;

import dev.quiver.exec.function.Decimals;
import dev.quiver.exec.function.Int128;
import dev.quiver.exec.vector.Kind;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.type.DataType;
import java.util.Arrays;

/**
 * Per-group 128-bit sums (of BIGINTs and decimals) and counts of values seen; the counts serve AVG
 * and tell SUM whether any value arrived. A group's high word, low word and count lie side by side
 * in one array, so updating a random group touches one cache line rather than three.
 *
 * <p>Adding a 64-bit value changes the high word only when the low word crosses between -1 and 0
 * (read as signed): that is a branch almost never taken while a sum keeps its sign, so the hot path
 * is one add, a carry and a store, with neither a load of the high word nor an overflow test.
 */
public final class WideSumState implements GroupState {
    /** Longs per group: high word, low word, count. */
    private static final int STRIDE = 3;

    private final int scale;
    private long[] data = new long[16 * STRIDE];

    /** The {@link AggregateFunction#sharedStateKey} of the functions that keep a sum and count of this scale. */
    record Key(int scale) {
    }

    /** Sums of DECIMAL(38, scale): overflowing 128 bits reports the same error as overflowing 38 digits. */
    public WideSumState(int scale) {
        this.scale = scale;
    }

    @Override
    public long heapBytes() {
        return 8L * data.length;
    }

    @Override
    public void ensureCapacity(int groups) {
        if ((long) groups * STRIDE > data.length) {
            int c = Math.max(groups, data.length / STRIDE * 2);
            data = Arrays.copyOf(data, c * STRIDE);
        }
    }

    @Override
    public void clear(int groups) {
        Arrays.fill(data, 0, groups * STRIDE, 0);
    }

    /** The high word of group g's sum. */
    public long high(int g) {
        return data[g * STRIDE];
    }

    /** The low word of group g's sum. */
    public long low(int g) {
        return data[g * STRIDE + 1];
    }

    /** How many values group g has summed. */
    public long count(int g) {
        return data[g * STRIDE + 2];
    }

    /** Sets group g's sum and count (deserializing a state). */
    public void set(int g, long high, long low, long count) {
        int at = g * STRIDE;
        data[at] = high;
        data[at + 1] = low;
        data[at + 2] = count;
    }

    /** Adds a 64-bit value to group g. */
    public void add(int g, long v) {
        int at = g * STRIDE;
        long[] d = data;
        long low = d[at + 1];
        long sum = low + v;
        // The high word moves by v's sign extension plus the carry out of the low word: zero unless
        // the low word crossed between -1 and 0.
        long step = (v >> 63) + Int128.carry(low, v, sum);
        if (step != 0) {
            d[at] = plusHigh(d[at], step);
        }
        d[at + 1] = sum;
        d[at + 2]++;
    }

    /** Adds a 128-bit value to group g, in place (no scratch array between the add and the state). */
    public void add(int g, long vHigh, long vLow) {
        addSum(g * STRIDE, vHigh, vLow);
        data[g * STRIDE + 2]++;
    }

    /** Merges another state's group into group g. */
    public void merge(int g, WideSumState other, int s) {
        addSum(g * STRIDE, other.high(s), other.low(s));
        data[g * STRIDE + 2] += other.count(s);
    }

    /** Folds the non-NULL rows {@code sel[0..n)} of {@code in} into their groups (vectorized update). */
    public void addAll(int[] groupIds, ValueVector in, int[] sel, int n) {
        boolean[] nulls = in.nulls;
        if (in.kind == Kind.INT128) {
            for (int k = 0; k < n; k++) {
                int i = sel[k];
                if (!nulls[i]) {
                    add(groupIds[k], in.highs[i], in.longs[i]);
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

    /** Merges group {@code sources[k]} of {@code source} into group {@code targets[k]}, for k < n. */
    public void mergeAll(WideSumState source, int[] sources, int[] targets, int n) {
        for (int k = 0; k < n; k++) {
            merge(targets[k], source, sources[k]);
        }
    }

    /** Adds a 128-bit value to the sum at {@code at}; overflowing 128 bits is DECIMAL(38)'s overflow. */
    private void addSum(int at, long vHigh, long vLow) {
        long aHigh = data[at];
        long aLow = data[at + 1];
        long low = aLow + vLow;
        long high = aHigh + vHigh + Int128.carry(aLow, vLow, low);
        if (Int128.addOverflowed(aHigh, vHigh, high)) {
            throw Decimals.overflow(DataType.MAX_DECIMAL_PRECISION, scale);
        }
        data[at] = high;
        data[at + 1] = low;
    }

    /** high + step for a step of -1 or 1; leaving 64 bits means the sum left 128: DECIMAL(38)'s overflow. */
    private long plusHigh(long high, long step) {
        long r = high + step;
        if (Int128.addOverflowed(high, step, r)) {
            throw Decimals.overflow(DataType.MAX_DECIMAL_PRECISION, scale);
        }
        return r;
    }
}
