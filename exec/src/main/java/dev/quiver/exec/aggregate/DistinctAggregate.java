package dev.quiver.exec.aggregate;

import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.type.DataType;
import java.util.List;

/**
 * {@code agg(DISTINCT x)} for any aggregate: the state is the set of distinct (group, x) pairs, so
 * combining is a set union (never double-counting a value two threads both saw), and the inner
 * aggregate runs over the set when the result is needed.
 */
public final class DistinctAggregate implements AggregateFunction {
    private final AggregateFunction inner;
    private final DataType valueType;

    public DistinctAggregate(AggregateFunction inner, DataType valueType) {
        this.inner = inner;
        this.valueType = valueType;
    }

    @Override
    public DataType resultType() {
        return inner.resultType();
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(DataType.BIGINT, valueType);
    }

    @Override
    public GroupState createState() {
        return new DistinctState(valueType);
    }

    @Override
    public void update(GroupState state, int[] groupIds, ValueVector input, int[] sel, int n) {
        ValueVector groups = new ValueVector(DataType.BIGINT, input.capacity());
        ValueVector[] key = {groups, input};
        GroupByHashTable pairs = ((DistinctState) state).pairs;
        for (int k = 0; k < n; k++) {
            int i = sel[k];
            if (input.nulls[i]) {
                continue;
            }
            groups.nulls[i] = false;
            groups.longs[i] = groupIds[k];
            pairs.findOrInsert(key, i, GroupByHashTable.hash(key, i));
        }
    }

    @Override
    public void combine(GroupState target, GroupState source, int[] sources, int[] targets, int n) {
        GroupByHashTable from = ((DistinctState) source).pairs;
        GroupByHashTable to = ((DistinctState) target).pairs;
        // Pairs are not ordered by group: map each listed source group to its target, -1 if unlisted.
        int groupsAbove = 0;
        for (int k = 0; k < n; k++) {
            groupsAbove = Math.max(groupsAbove, sources[k] + 1);
        }
        int[] targetOf = new int[groupsAbove];
        java.util.Arrays.fill(targetOf, -1);
        for (int k = 0; k < n; k++) {
            targetOf[sources[k]] = targets[k];
        }
        ValueVector[] keys = from.keys();
        ValueVector groups = new ValueVector(DataType.BIGINT, from.groupCount());
        ValueVector[] remapped = {groups, keys[1]};
        for (int p = 0; p < from.groupCount(); p++) {
            int g = (int) keys[0].longs[p];
            if (g >= groupsAbove || targetOf[g] < 0) {
                continue;
            }
            groups.nulls[p] = false;
            groups.longs[p] = targetOf[g];
            to.findOrInsert(remapped, p, GroupByHashTable.hash(remapped, p));
        }
    }

    @Override
    public void finalizeGroups(GroupState state, int groups, ValueVector out) {
        GroupByHashTable pairs = ((DistinctState) state).pairs;
        GroupState innerState = inner.createState();
        innerState.ensureCapacity(groups);
        int n = pairs.groupCount();
        int[] groupIds = new int[n];
        int[] sel = new int[n];
        ValueVector[] keys = pairs.keys();
        for (int p = 0; p < n; p++) {
            groupIds[p] = (int) keys[0].longs[p];
            sel[p] = p;
        }
        inner.update(innerState, groupIds, keys[1], sel, n);
        inner.finalizeGroups(innerState, groups, out);
    }

    @Override
    public SerializedState serialize(GroupState state, int groups) {
        GroupByHashTable pairs = ((DistinctState) state).pairs;
        ValueVector[] keys = pairs.keys();
        return new SerializedState(List.of(keys[0], keys[1]), pairs.groupCount());
    }

    @Override
    public GroupState deserialize(SerializedState serialized, int groups) {
        DistinctState state = new DistinctState(valueType);
        ValueVector[] key = serialized.columns().toArray(new ValueVector[0]);
        for (int p = 0; p < serialized.rows(); p++) {
            state.pairs.findOrInsert(key, p, GroupByHashTable.hash(key, p));
        }
        return state;
    }
}
