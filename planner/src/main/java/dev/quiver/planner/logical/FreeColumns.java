package dev.quiver.planner.logical;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.plan.AggregateAssignment;
import dev.quiver.planner.plan.Assignment;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns a plan refers to without producing them: the outer columns a correlated subquery
 * depends on. A plan with none is independent of any enclosing query.
 */
public final class FreeColumns {
    private FreeColumns() {
    }

    public static Set<ColumnRef> of(LogicalPlan plan) {
        return collect(plan, new IdentityHashMap<>());
    }

    /**
     * The free columns of {@code plan} and of every plan below it, by node identity, in one walk:
     * for a rule that asks of many nodes of one tree, where asking {@link #of} of each would walk
     * each subtree again.
     */
    public static Map<LogicalPlan, Set<ColumnRef>> ofEach(LogicalPlan plan) {
        Map<LogicalPlan, Set<ColumnRef>> all = new IdentityHashMap<>();
        collect(plan, all);
        return all;
    }

    private static Set<ColumnRef> collect(LogicalPlan plan, Map<LogicalPlan, Set<ColumnRef>> all) {
        Set<ColumnRef> known = all.get(plan);
        if (known != null) {
            return known;
        }
        Set<ColumnRef> free = new LinkedHashSet<>();
        Set<ColumnRef> available = new HashSet<>();
        for (int i = 0; i < plan.inputs().size(); i++) {
            LogicalPlan input = plan.input(i);
            Set<ColumnRef> inputFree = new LinkedHashSet<>(collect(input, all));
            if (i == 1 && plan.operator() instanceof LogicalDependentJoin) {
                // A dependent join binds its right input's references to its left input's columns.
                inputFree.removeAll(plan.input(0).outputColumns());
            }
            free.addAll(inputFree);
            available.addAll(input.outputColumns());
        }
        for (Expr e : expressions(plan.operator())) {
            for (ColumnRef c : Exprs.columns(e)) {
                if (!available.contains(c)) {
                    free.add(c);
                }
            }
        }
        Set<ColumnRef> result = Collections.unmodifiableSet(free);
        all.put(plan, result);
        return result;
    }

    /** The expressions an operator evaluates (not those of its inputs). */
    public static List<Expr> expressions(LogicalOperator op) {
        if (op instanceof LogicalFilter f) {
            return List.of(f.predicate());
        }
        if (op instanceof LogicalProject p) {
            return p.assignments().stream().map(Assignment::expression).toList();
        }
        if (op instanceof LogicalAggregate a) {
            List<Expr> out = new java.util.ArrayList<>(a.groupKeys());
            for (AggregateAssignment agg : a.aggregates()) {
                out.addAll(agg.call().arguments());
            }
            return out;
        }
        if (op instanceof LogicalJoin j) {
            return List.of(j.condition());
        }
        if (op instanceof LogicalDependentJoin j) {
            return List.of(j.condition());
        }
        if (op instanceof LogicalSort s) {
            return s.keys().stream().map(k -> (Expr) k.column()).toList();
        }
        if (op instanceof LogicalValues v) {
            return v.rows().stream().flatMap(List::stream).toList();
        }
        return List.of();
    }
}
