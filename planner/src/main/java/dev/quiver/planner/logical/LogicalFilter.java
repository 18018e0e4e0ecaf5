package dev.quiver.planner.logical;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.plan.Plans;
import java.util.List;

/** Keeps the rows for which {@code predicate} is TRUE (not FALSE, not NULL). */
public record LogicalFilter(Expr predicate) implements LogicalOperator {
    public LogicalFilter {
        requireNonNull(predicate, "predicate");
    }

    @Override
    public int arity() {
        return 1;
    }

    @Override
    public List<ColumnRef> outputColumns(List<List<ColumnRef>> inputs) {
        return Plans.single(inputs);
    }

    @Override
    public String describe() {
        return "Filter " + predicate;
    }
}
