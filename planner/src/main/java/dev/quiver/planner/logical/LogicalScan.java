package dev.quiver.planner.logical;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.catalog.TableHandle;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.plan.Plans;
import java.util.List;
import java.util.Objects;

/** Reads the table columns at {@code ordinals}, producing them as {@code columns}. */
public record LogicalScan(TableHandle table, List<ColumnRef> columns, List<Integer> ordinals) implements LogicalOperator {
    public LogicalScan {
        requireNonNull(table, "table");
        columns = List.copyOf(columns);
        ordinals = List.copyOf(ordinals);
        if (columns.size() != ordinals.size()) {
            throw new IllegalArgumentException("columns and ordinals differ in size");
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
        return "Scan " + table.name() + " [" + Plans.list(columns) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogicalScan s && s.table == table && s.columns.equals(columns) && s.ordinals.equals(ordinals);
    }

    @Override
    public int hashCode() {
        return Objects.hash(System.identityHashCode(table), columns, ordinals);
    }
}
