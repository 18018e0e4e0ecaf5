package dev.quiver.planner.logical;

import static dev.quiver.planner.plan.ColumnRenaming.aggregates;
import static dev.quiver.planner.plan.ColumnRenaming.assignments;
import static dev.quiver.planner.plan.ColumnRenaming.column;
import static dev.quiver.planner.plan.ColumnRenaming.columns;
import static dev.quiver.planner.plan.ColumnRenaming.exprs;
import static dev.quiver.planner.plan.ColumnRenaming.keys;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.plan.ColumnRenaming;
import dev.quiver.planner.plan.Operator;
import java.util.Map;
import java.util.Optional;

/**
 * Whether two logical subtrees compute the same rows, column for column, differing at most in the
 * ids of the columns they define: the logical counterpart of {@code PlanEquivalence}, for rules
 * that recognize a subquery or view written twice before the plan is costed. Dependent joins and
 * memo group references are never matched.
 */
public final class LogicalPlanEquivalence {
    private static final ColumnRenaming.TreeShape<LogicalPlan> SHAPE = new ColumnRenaming.TreeShape<>(
            LogicalPlan::operator, LogicalPlan::inputs, LogicalPlan::outputColumns, (plan, r) -> renamed(plan.operator(), r));

    private LogicalPlanEquivalence() {
    }

    /**
     * If {@code b} produces the rows {@code a} produces, its i-th output column being a's i-th, which
     * column of {@code a} each column defined in {@code b}'s subtree stands for.
     */
    public static Optional<Map<ColumnRef, ColumnRef>> columnMapping(LogicalPlan a, LogicalPlan b) {
        return ColumnRenaming.match(a, b, SHAPE);
    }

    private static Optional<Operator> renamed(LogicalOperator op, Map<ColumnRef, ColumnRef> r) {
        if (op instanceof LogicalScan scan) {
            return Optional.of(new LogicalScan(scan.table(), columns(scan.columns(), r), scan.ordinals()));
        }
        if (op instanceof LogicalValues values) {
            return Optional.of(new LogicalValues(columns(values.columns(), r), values.rows().stream().map(row -> exprs(row, r)).toList()));
        }
        if (op instanceof LogicalFilter filter) {
            return Optional.of(new LogicalFilter(Exprs.substitute(filter.predicate(), r)));
        }
        if (op instanceof LogicalProject project) {
            return Optional.of(new LogicalProject(assignments(project.assignments(), r)));
        }
        if (op instanceof LogicalAggregate aggregate) {
            return Optional.of(new LogicalAggregate(columns(aggregate.groupKeys(), r), aggregates(aggregate.aggregates(), r)));
        }
        if (op instanceof LogicalSort sort) {
            return Optional.of(new LogicalSort(keys(sort.keys(), r)));
        }
        if (op instanceof LogicalLimit limit) {
            return Optional.of(limit);
        }
        if (op instanceof LogicalJoin join) {
            return Optional.of(new LogicalJoin(join.type(), Exprs.substitute(join.condition(), r), join.mark().map(c -> column(c, r))));
        }
        if (op instanceof LogicalUnionAll union) {
            return Optional.of(new LogicalUnionAll(columns(union.columns(), r), union.inputColumns().stream().map(c -> columns(c, r)).toList()));
        }
        // Dependent joins read outer columns; group references stand for memo groups.
        return Optional.empty();
    }
}
