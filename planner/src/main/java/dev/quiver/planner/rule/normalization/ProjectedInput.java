package dev.quiver.planner.rule.normalization;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalProject;
import java.util.HashMap;
import java.util.Map;

/**
 * An operator's input seen through the projections on top of it: the first node below them
 * ({@code base}) and each of the input's output columns as an expression over base's columns.
 * Aggregates read columns the binder projected, so this is how a rule sees what an aggregate
 * groups by and adds up.
 */
record ProjectedInput(LogicalPlan base, Map<ColumnRef, Expr> definitions) {
    ProjectedInput {
        requireNonNull(base, "base");
        definitions = Map.copyOf(definitions);
    }

    static ProjectedInput of(LogicalPlan input) {
        Map<ColumnRef, Expr> definitions = new HashMap<>();
        input.outputColumns().forEach(c -> definitions.put(c, c));
        LogicalPlan base = input;
        while (base.operator() instanceof LogicalProject project) {
            Map<ColumnRef, Expr> assigned = new HashMap<>();
            project.assignments().forEach(a -> assigned.put(a.output(), a.expression()));
            definitions.replaceAll((c, e) -> Exprs.substitute(e, assigned));
            base = base.input(0);
        }
        return new ProjectedInput(base, definitions);
    }

    /** What {@code column}, an output of the input, computes over base's columns. */
    Expr definition(ColumnRef column) {
        Expr e = definitions.get(column);
        if (e == null) {
            throw new IllegalArgumentException(column + " is not an output of the input");
        }
        return e;
    }
}
