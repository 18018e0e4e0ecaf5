package dev.quiver.planner.logical;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.plan.Assignment;
import java.util.HashSet;
import java.util.Set;

/** Whether a plan is known to produce at most one row per combination of values of some columns. */
public final class UniqueColumns {
    private UniqueColumns() {
    }

    /**
     * True if no two output rows agree on all of {@code columns} (with an empty set: at most one
     * row). Conservative: false means "not known".
     */
    public static boolean isUniqueOn(LogicalPlan plan, Set<ColumnRef> columns) {
        LogicalOperator op = plan.operator();
        if (op instanceof LogicalAggregate aggregate) {
            return columns.containsAll(aggregate.groupKeys());
        }
        if (op instanceof LogicalValues values) {
            return values.rows().size() <= 1;
        }
        if (op instanceof LogicalLimit limit && limit.limit().isPresent() && limit.limit().getAsLong() <= 1) {
            return true;
        }
        if (op instanceof LogicalProject project) {
            Set<ColumnRef> below = new HashSet<>();
            for (Assignment a : project.assignments()) {
                if (columns.contains(a.output()) && a.expression() instanceof ColumnRef c) {
                    below.add(c);
                }
            }
            return isUniqueOn(plan.input(0), below);
        }
        if (op instanceof LogicalFilter || op instanceof LogicalSort || op instanceof LogicalLimit) {
            return isUniqueOn(plan.input(0), columns);
        }
        if (op instanceof LogicalJoin join && join.type().filtersLeft()) {
            return isUniqueOn(plan.input(0), columns);
        }
        return false;
    }
}
