package dev.quiver.planner.physical;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.plan.Plans;
import java.util.List;

/** Produces constant rows, evaluated once when the query starts. */
public record Values(List<ColumnRef> columns, List<List<Expr>> rows) implements PhysicalOperator {
    public Values {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
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
        return "Values " + rows.size() + " rows [" + Plans.list(columns) + "]";
    }
}
