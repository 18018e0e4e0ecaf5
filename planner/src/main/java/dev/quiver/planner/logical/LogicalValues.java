package dev.quiver.planner.logical;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.plan.Plans;
import java.util.List;

/** Constant rows. Every row has one constant expression per column, typed as the column. */
public record LogicalValues(List<ColumnRef> columns, List<List<Expr>> rows) implements LogicalOperator {
    public LogicalValues {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<Expr> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("VALUES row has " + row.size() + " values for " + columns.size() + " columns");
            }
        }
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
