package dev.quiver.planner.logical;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.plan.Joins;
import java.util.List;
import java.util.Optional;

/**
 * A join of two independent inputs under a condition (TRUE for a cross join). Produces the left
 * columns, then the right ones for types that output them, then the mark of a MARK join.
 */
public record LogicalJoin(JoinType type, Expr condition, Optional<ColumnRef> mark) implements LogicalOperator {
    public LogicalJoin {
        requireNonNull(type, "type");
        requireNonNull(condition, "condition");
        Joins.checkMark(type, mark);
    }

    public LogicalJoin(JoinType type, Expr condition) {
        this(type, condition, Optional.empty());
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
        return "Join " + type + " on " + condition + mark.map(m -> " mark " + m).orElse("");
    }
}
