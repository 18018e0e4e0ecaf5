package dev.quiver.exec.aggregate;

import dev.quiver.planner.type.DataType;
import java.util.List;

/** The distinct (group, value) pairs seen so far, in a hash table keyed by both. */
public final class DistinctState implements GroupState {
    GroupByHashTable pairs;

    DistinctState(DataType valueType) {
        pairs = new GroupByHashTable(List.of(DataType.BIGINT, valueType));
    }

    @Override
    public void clear(int groups) {
        pairs = new GroupByHashTable(List.of(DataType.BIGINT, pairs.keys()[1].type));
    }

    @Override
    public long heapBytes() {
        return pairs.heapBytes();
    }

    @Override
    public void ensureCapacity(int groups) {
        // Pairs are added on demand; nothing is indexed by group.
    }
}
