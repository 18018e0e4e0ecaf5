package dev.quiver.planner.rule.unnesting;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.logical.FreeColumns;
import dev.quiver.planner.logical.LogicalPlan;
import java.util.Collections;
import java.util.Set;

/** What unnesting asks of plans and predicates: does this refer to the correlated columns? */
final class Correlation {
    private Correlation() {
    }

    /** Whether the plan refers to any of {@code correlated} without producing it. */
    static boolean isCorrelated(LogicalPlan plan, Set<ColumnRef> correlated) {
        return !Collections.disjoint(FreeColumns.of(plan), correlated);
    }

    static boolean refersTo(Expr e, Set<ColumnRef> correlated) {
        return !Collections.disjoint(Exprs.columns(e), correlated);
    }
}
