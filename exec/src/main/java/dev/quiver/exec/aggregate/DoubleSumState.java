package dev.quiver.exec.aggregate;

import dev.quiver.exec.function.Arithmetic;
import dev.quiver.exec.vector.ValueVector;
import java.util.Arrays;

/** Per-group double sums and counts of values seen. */
public final class DoubleSumState implements GroupState {
    public double[] sums = new double[16];
    public long[] counts = new long[16];

    @Override
    public long heapBytes() {
        return 8L * (sums.length + counts.length);
    }

    @Override
    public void ensureCapacity(int groups) {
        if (groups > sums.length) {
            int c = Math.max(groups, sums.length * 2);
            sums = Arrays.copyOf(sums, c);
            counts = Arrays.copyOf(counts, c);
        }
    }

    @Override
    public void clear(int groups) {
        Arrays.fill(sums, 0, groups, 0);
        Arrays.fill(counts, 0, groups, 0);
    }

    /** Adds a value to group g; a finite sum that overflows is an error, as in PostgreSQL. */
    public void add(int g, double v) {
        sums[g] = Arithmetic.addDouble(sums[g], v);
        counts[g]++;
    }

    /** Folds the non-NULL rows {@code sel[0..n)} of {@code in} into their groups (vectorized update). */
    public void addAll(int[] groupIds, ValueVector in, int[] sel, int n) {
        boolean[] nulls = in.nulls;
        for (int k = 0; k < n; k++) {
            int i = sel[k];
            if (!nulls[i]) {
                add(groupIds[k], in.doubles[i]);
            }
        }
    }

    /** Merges group {@code sources[k]} of {@code source} into group {@code targets[k]}, for k < n. */
    public void mergeAll(DoubleSumState source, int[] sources, int[] targets, int n) {
        for (int k = 0; k < n; k++) {
            int t = targets[k];
            sums[t] = Arithmetic.addDouble(sums[t], source.sums[sources[k]]);
            counts[t] += source.counts[sources[k]];
        }
    }
}
