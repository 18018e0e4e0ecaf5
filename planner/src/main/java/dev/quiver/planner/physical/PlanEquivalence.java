package dev.quiver.planner.physical;

import dev.quiver.planner.expr.AggregateCall;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.plan.AggregateAssignment;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.plan.SortKey;
import java.util.HashMap;
import java.util.List;
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
        Map<ColumnRef, ColumnRef> renaming = new HashMap<>();
        return match(a, b, renaming) ? Optional.of(Map.copyOf(renaming)) : Optional.empty();
    }

    /**
     * Matches the inputs first, collecting which column of {@code a} each column of {@code b} stands
     * for; the node's own outputs correspond by position. The node matches if {@code b}'s operator,
     * its columns so renamed, equals {@code a}'s.
     */
    private static boolean match(PhysicalPlan a, PhysicalPlan b, Map<ColumnRef, ColumnRef> renaming) {
        if (a.operator().getClass() != b.operator().getClass() || a.inputs().size() != b.inputs().size()
                || a.outputColumns().size() != b.outputColumns().size()) {
            return false;
        }
        for (int i = 0; i < a.inputs().size(); i++) {
            if (!match(a.input(i), b.input(i), renaming)) {
                return false;
            }
        }
        for (int i = 0; i < a.outputColumns().size(); i++) {
            ColumnRef to = a.outputColumns().get(i);
            ColumnRef from = b.outputColumns().get(i);
            ColumnRef known = renaming.putIfAbsent(from, to);
            if (!from.type().equals(to.type()) || (known != null && !known.equals(to))) {
                return false;
            }
        }
        return renamed(b.operator(), renaming).equals(a.operator());
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
            return new Project(project.assignments().stream()
                    .map(a -> new Assignment(column(a.output(), r), Exprs.substitute(a.expression(), r))).toList());
        }
        if (op instanceof HashAggregate aggregate) {
            return new HashAggregate(columns(aggregate.groupKeys(), r), aggregate.aggregates().stream()
                    .map(a -> new AggregateAssignment(column(a.output(), r), call(a.call(), r))).toList());
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

    private static ColumnRef column(ColumnRef c, Map<ColumnRef, ColumnRef> r) {
        return r.getOrDefault(c, c);
    }

    private static List<ColumnRef> columns(List<ColumnRef> cs, Map<ColumnRef, ColumnRef> r) {
        return cs.stream().map(c -> column(c, r)).toList();
    }

    private static List<Expr> exprs(List<Expr> es, Map<ColumnRef, ColumnRef> r) {
        return es.stream().map(e -> Exprs.substitute(e, r)).toList();
    }

    private static List<SortKey> keys(List<SortKey> keys, Map<ColumnRef, ColumnRef> r) {
        return keys.stream().map(k -> new SortKey(column(k.column(), r), k.descending(), k.nullsFirst())).toList();
    }

    private static AggregateCall call(AggregateCall c, Map<ColumnRef, ColumnRef> r) {
        return new AggregateCall(c.kind(), columns(c.arguments(), r), c.distinct(), c.type(), c.position());
    }
}
