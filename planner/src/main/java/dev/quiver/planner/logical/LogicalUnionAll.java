package dev.quiver.planner.logical;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.plan.Plans;
import java.util.List;

/**
 * All rows of all inputs. Input {@code i} contributes its columns {@code inputColumns.get(i)}, in
 * order, as the union's {@code columns} (same count and types).
 */
public record LogicalUnionAll(List<ColumnRef> columns, List<List<ColumnRef>> inputColumns) implements LogicalOperator {
    public LogicalUnionAll {
        columns = List.copyOf(columns);
        inputColumns = inputColumns.stream().map(List::copyOf).toList();
        for (List<ColumnRef> in : inputColumns) {
            if (in.size() != columns.size()) {
                throw new IllegalArgumentException("union input has " + in.size() + " columns, union has " + columns.size());
            }
        }
    }

    @Override
    public int arity() {
        return inputColumns.size();
    }

    @Override
    public List<ColumnRef> outputColumns(List<List<ColumnRef>> inputs) {
        return columns;
    }

    @Override
    public String describe() {
        return "UnionAll [" + Plans.list(columns) + "]";
    }
}
