package dev.quiver.planner.physical;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.plan.Plans;
import java.util.List;

/** Every row of every input, each input's columns renamed to the union's; inputs run one after another. */
public record UnionAll(List<ColumnRef> columns, List<List<ColumnRef>> inputColumns) implements PhysicalOperator {
    public UnionAll {
        columns = List.copyOf(columns);
        inputColumns = inputColumns.stream().map(List::copyOf).toList();
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
