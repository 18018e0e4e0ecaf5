package dev.quiver.planner.physical;

import static dev.quiver.planner.plan.ColumnRenaming.aggregates;
import static dev.quiver.planner.plan.ColumnRenaming.assignments;
import static dev.quiver.planner.plan.ColumnRenaming.column;
import static dev.quiver.planner.plan.ColumnRenaming.columns;
import static dev.quiver.planner.plan.ColumnRenaming.exprs;
import static dev.quiver.planner.plan.ColumnRenaming.keys;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.plan.ColumnRenaming;
import java.util.Map;
import java.util.Optional;

/**
 * Whether two physical subtrees compute the same rows, column for column: the same operators over
 * the same tables with the same expressions, differing at most in the ids of the columns they
 * define. A view or subquery written twice in one statement is bound twice, with fresh column ids
 * each time, and so plans as two such subtrees; the executor may then compute it once.
 *
 * <p>The check is structural, never semantic: {@code a = 1 AND b = 2} and {@code b = 2 AND a = 1}
 * differ. A "same" answer is always right; a "different" one only forgoes sharing.
 */
public final class PlanEquivalence {
    private static final ColumnRenaming.TreeShape<PhysicalPlan> SHAPE = new ColumnRenaming.TreeShape<>(
            PhysicalPlan::operator, PhysicalPlan::inputs, PhysicalPlan::outputColumns, (plan, r) -> Optional.of(renamed(plan.operator(), r)));

    private PlanEquivalence() {
    }

    /** True if {@code b} produces the rows {@code a} produces, its i-th output column being a's i-th. */
    public static boolean sameRows(PhysicalPlan a, PhysicalPlan b) {
        return columnMapping(a, b).isPresent();
    }

    /**
     * If {@code b} produces the rows {@code a} produces, which column of {@code a} each column
     * defined in {@code b}'s subtree stands for.
     */
    public static Optional<Map<ColumnRef, ColumnRef>> columnMapping(PhysicalPlan a, PhysicalPlan b) {
        return ColumnRenaming.match(a, b, SHAPE);
    }

    private static PhysicalOperator renamed(PhysicalOperator op, Map<ColumnRef, ColumnRef> r) {
        if (op instanceof TableScan scan) {
            return new TableScan(scan.table(), columns(scan.columns(), r), scan.ordinals());
        }
        if (op instanceof Values values) {
            return new Values(columns(values.columns(), r), values.rows().stream().map(row -> exprs(row, r)).toList());
        }
        if (op instanceof Filter filter) {
            return new Filter(Exprs.substitute(filter.predicate(), r));
        }
        if (op instanceof Project project) {
            return new Project(assignments(project.assignments(), r));
        }
        if (op instanceof HashAggregate aggregate) {
            return new HashAggregate(columns(aggregate.groupKeys(), r), aggregates(aggregate.aggregates(), r));
        }
        if (op instanceof Sort sort) {
            return new Sort(keys(sort.keys(), r));
        }
        if (op instanceof TopN topN) {
            return new TopN(keys(topN.keys(), r), topN.limit(), topN.offset());
        }
        if (op instanceof Limit limit) {
            return limit;
        }
        if (op instanceof HashJoin join) {
            return new HashJoin(join.type(), exprs(join.probeKeys(), r), exprs(join.buildKeys(), r), join.nullSafe(),
                    join.residual().map(e -> Exprs.substitute(e, r)), join.mark().map(c -> column(c, r)));
        }
        if (op instanceof UnionAll union) {
            return new UnionAll(columns(union.columns(), r), union.inputColumns().stream().map(c -> columns(c, r)).toList());
        }
        throw new IllegalArgumentException("no renaming for " + op.describe());
    }
}
