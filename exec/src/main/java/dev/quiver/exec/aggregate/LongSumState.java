package dev.quiver.exec.aggregate;

import dev.quiver.exec.function.Arithmetic;
import java.util.Arrays;

/** Per-group BIGINT sums (of small integers), with a flag for "has seen a value". */
public final class LongSumState implements GroupState {
    public long[] sums = new long[16];
    public boolean[] seen = new boolean[16];

    @Override
    public long heapBytes() {
        return 8L * sums.length + seen.length;
    }

    @Override
    public void ensureCapacity(int groups) {
        if (groups > sums.length) {
            int c = Math.max(groups, sums.length * 2);
            sums = Arrays.copyOf(sums, c);
            seen = Arrays.copyOf(seen, c);
        }
    }

    @Override
    public void clear(int groups) {
        Arrays.fill(sums, 0, groups, 0);
        Arrays.fill(seen, 0, groups, false);
    }

    /** Adds a value to group g; BIGINT overflow is an error. */
    public void add(int g, long v) {
        sums[g] = Arithmetic.add(sums[g], v, 64);
        seen[g] = true;
    }
}
