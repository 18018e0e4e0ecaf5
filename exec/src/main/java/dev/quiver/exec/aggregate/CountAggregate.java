package dev.quiver.exec.aggregate;

import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.type.DataType;
import java.util.List;

/** COUNT(*) (no input: counts rows) and COUNT(x) (counts non-NULL x). Initial state 0; result never NULL. */
public final class CountAggregate implements AggregateFunction {
    private final boolean star;

    public CountAggregate(boolean star) {
        this.star = star;
    }

    @Override
    public DataType resultType() {
        return DataType.BIGINT;
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(DataType.BIGINT);
    }

    @Override
    public GroupState createState() {
        return new CountState();
    }

    @Override
    public void update(GroupState state, int[] groupIds, ValueVector input, int[] sel, int n) {
        long[] counts = ((CountState) state).counts;
        if (star) {
            for (int k = 0; k < n; k++) {
                counts[groupIds[k]]++;
            }
            return;
        }
        boolean[] nulls = input.nulls;
        for (int k = 0; k < n; k++) {
            if (!nulls[sel[k]]) {
                counts[groupIds[k]]++;
            }
        }
    }

    @Override
    public void combine(GroupState target, GroupState source, int[] sources, int[] targets, int n) {
        long[] t = ((CountState) target).counts;
        long[] s = ((CountState) source).counts;
        for (int k = 0; k < n; k++) {
            t[targets[k]] += s[sources[k]];
        }
    }

    @Override
    public void finalizeGroups(GroupState state, int groups, ValueVector out) {
        long[] counts = ((CountState) state).counts;
        out.ensureCapacity(groups);
        for (int g = 0; g < groups; g++) {
            out.nulls[g] = false;
            out.longs[g] = counts[g];
        }
    }

    @Override
    public SerializedState serialize(GroupState state, int groups) {
        ValueVector v = new ValueVector(DataType.BIGINT, groups);
        finalizeGroups(state, groups, v);
        return new SerializedState(List.of(v), groups);
    }

    @Override
    public GroupState deserialize(SerializedState serialized, int groups) {
        CountState s = new CountState();
        s.ensureCapacity(groups);
        ValueVector v = serialized.columns().get(0);
        for (int g = 0; g < groups; g++) {
            s.counts[g] = v.nulls[g] ? 0 : v.longs[g];
        }
        return s;
    }
}
