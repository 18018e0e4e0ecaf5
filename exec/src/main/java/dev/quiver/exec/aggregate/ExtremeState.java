package dev.quiver.exec.aggregate;

import dev.quiver.exec.vector.ValueComparisons;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.type.DataType;

/** Per-group MIN or MAX so far, as a dense {@link ValueVector}; a NULL entry means no value yet. */
public final class ExtremeState implements GroupState {
    public final ValueVector values;
    private final boolean max;
    private int capacity;

    ExtremeState(DataType type, boolean max) {
        this.values = new ValueVector(type, 16);
        this.max = max;
        ensureCapacity(16);
    }

    @Override
    public long heapBytes() {
        return values.heapBytes();
    }

    @Override
    public void ensureCapacity(int groups) {
        if (groups > capacity) {
            values.ensureCapacity(groups);
            for (int g = capacity; g < values.capacity(); g++) {
                values.nulls[g] = true;
            }
            capacity = values.capacity();
        }
    }

    @Override
    public void clear(int groups) {
        java.util.Arrays.fill(values.nulls, 0, groups, true);
        // Every group is cleared, so no string of the arena is referenced any more.
        values.resetArena();
    }

    /** Offers entry i of v (non-NULL) to group g. */
    public void offer(int g, ValueVector v, int i) {
        if (values.nulls[g]) {
            values.copyFrom(v, i, g);
            return;
        }
        int c = ValueComparisons.compare(v, i, values, g);
        if (max ? c > 0 : c < 0) {
            values.copyFrom(v, i, g);
        }
    }

    /** Offers a long (LONG and BOOLEAN kinds) to group g: the fast path of generated code. */
    public void offerLong(int g, long v) {
        if (values.nulls[g] || (max ? v > values.longs[g] : v < values.longs[g])) {
            values.nulls[g] = false;
            values.longs[g] = v;
        }
    }
}
