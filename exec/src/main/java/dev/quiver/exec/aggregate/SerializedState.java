package dev.quiver.exec.aggregate;

import dev.quiver.exec.vector.ValueVector;
import java.util.List;

/**
 * An aggregate's partial states as columns: for most aggregates row {@code g} is group {@code g};
 * an aggregate may use another layout (DISTINCT stores one row per (group, value) pair) as long as
 * its {@code deserialize} reads it back. Written to Arrow with the types of
 * {@link AggregateFunction#stateTypes()}.
 */
public record SerializedState(List<ValueVector> columns, int rows) {
    public SerializedState {
        columns = List.copyOf(columns);
    }
}
