package dev.quiver.planner.physical;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.plan.Plans;
import java.util.List;

/** Narrows each batch's selection to rows where {@code predicate} is TRUE; copies no data. */
public record Filter(Expr predicate) implements PhysicalOperator {
    public Filter {
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
