package dev.quiver.planner.logical;

import dev.quiver.planner.expr.ColumnRef;
import java.util.List;

/**
 * A leaf standing for a whole memo group. Rules see the inputs they do not match on as group
 * references and return new expressions over them; inserting such an expression links it to the
 * existing group instead of copying a subtree.
 */
public record GroupRef(int groupId, List<ColumnRef> columns) implements LogicalOperator {
    public GroupRef {
        columns = List.copyOf(columns);
    }

    @Override
    public int arity() {
        return 0;
    }

    @Override
    public List<ColumnRef> outputColumns(List<List<ColumnRef>> inputs) {
        return columns;
    }

    @Override
    public String describe() {
        return "Group #" + groupId;
    }
}
