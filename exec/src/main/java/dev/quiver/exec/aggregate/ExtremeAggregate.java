package dev.quiver.exec.aggregate;

import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.type.DataType;
import java.util.List;

/** MIN and MAX of any orderable type; NULL when no value. */
public final class ExtremeAggregate implements AggregateFunction {
    private final DataType type;
    private final boolean max;

    public ExtremeAggregate(DataType type, boolean max) {
        this.type = type;
        this.max = max;
    }

    @Override
    public DataType resultType() {
        return type;
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(type);
    }

    @Override
    public GroupState createState() {
        return new ExtremeState(type, max);
    }

    @Override
    public void update(GroupState state, int[] groupIds, ValueVector in, int[] sel, int n) {
        ExtremeState s = (ExtremeState) state;
        boolean[] nulls = in.nulls;
        for (int k = 0; k < n; k++) {
            int i = sel[k];
            if (!nulls[i]) {
                s.offer(groupIds[k], in, i);
            }
        }
    }

    @Override
    public void combine(GroupState target, GroupState source, int[] sources, int[] targets, int n) {
        ExtremeState t = (ExtremeState) target;
        ValueVector s = ((ExtremeState) source).values;
        for (int k = 0; k < n; k++) {
            int g = sources[k];
            if (!s.nulls[g]) {
                t.offer(targets[k], s, g);
            }
        }
    }

    @Override
    public void finalizeGroups(GroupState state, int groups, ValueVector out) {
        ValueVector v = ((ExtremeState) state).values;
        out.ensureCapacity(groups);
        for (int g = 0; g < groups; g++) {
            out.copyFrom(v, g, g);
        }
    }

    @Override
    public SerializedState serialize(GroupState state, int groups) {
        ValueVector v = new ValueVector(type, groups);
        finalizeGroups(state, groups, v);
        return new SerializedState(List.of(v), groups);
    }

    @Override
    public GroupState deserialize(SerializedState serialized, int groups) {
        ExtremeState s = new ExtremeState(type, max);
        s.ensureCapacity(groups);
        ValueVector v = serialized.columns().get(0);
        for (int g = 0; g < groups; g++) {
            if (!v.nulls[g]) {
                s.offer(g, v, g);
            }
        }
        return s;
    }
}
