package dev.quiver.exec.aggregate;

import java.util.Arrays;

/** Per-group double sums and counts of values seen. */
public final class DoubleSumState implements GroupState {
    public double[] sums = new double[16];
    public long[] counts = new long[16];

    @Override
    public void ensureCapacity(int groups) {
        if (groups > sums.length) {
            int c = Math.max(groups, sums.length * 2);
            sums = Arrays.copyOf(sums, c);
            counts = Arrays.copyOf(counts, c);
        }
    }

    public void add(int g, double v) {
        sums[g] += v;
        counts[g]++;
    }
}
