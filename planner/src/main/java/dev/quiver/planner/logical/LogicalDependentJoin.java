package dev.quiver.planner.logical;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.plan.Joins;
import java.util.List;
import java.util.Optional;

/**
 * A join whose right input may refer to the left input's columns (a correlated subquery): for
 * each left row, the right input is evaluated with those columns bound. The binder produces these
 * for subqueries; {@code UnnestSubqueries} rewrites every one into ordinary joins before the plan
 * is optimized, so none reaches execution.
 */
public record LogicalDependentJoin(JoinType type, Expr condition, Optional<ColumnRef> mark) implements LogicalOperator {
    public LogicalDependentJoin {
        requireNonNull(type, "type");
        requireNonNull(condition, "condition");
        Joins.checkMark(type, mark);
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public List<ColumnRef> outputColumns(List<List<ColumnRef>> inputs) {
        return Joins.outputColumns(type, mark, inputs);
    }

    @Override
    public String describe() {
        return "DependentJoin " + type + " on " + condition + mark.map(m -> " mark " + m).orElse("");
    }
}
