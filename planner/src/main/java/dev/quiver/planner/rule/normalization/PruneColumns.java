package dev.quiver.planner.rule.normalization;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.logical.FreeColumns;
import dev.quiver.planner.logical.LogicalAggregate;
import dev.quiver.planner.logical.LogicalDependentJoin;
import dev.quiver.planner.logical.LogicalJoin;
import dev.quiver.planner.logical.LogicalFilter;
import dev.quiver.planner.logical.LogicalLimit;
import dev.quiver.planner.logical.LogicalOperator;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.logical.LogicalScan;
import dev.quiver.planner.logical.LogicalSort;
import dev.quiver.planner.logical.LogicalUnionAll;
import dev.quiver.planner.logical.LogicalValues;
import dev.quiver.planner.plan.AggregateAssignment;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.plan.SortKey;
import dev.quiver.planner.rule.RuleContext;
import dev.quiver.planner.rule.TreeRewriteRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Projection pruning: walks the tree from the root with the set of columns each node's parent
 * needs, drops projections and aggregates nobody reads, and makes scans read only the columns used
 * above them. The root keeps all its output columns, and an aggregate the plan holds twice keeps
 * all its aggregates.
 */
public final class PruneColumns implements TreeRewriteRule {
    @Override
    public LogicalPlan rewrite(LogicalPlan root, RuleContext context) {
        LogicalPlan pruned = prune(root, new HashSet<>(root.outputColumns()), sharedAggregates(root));
        // The root's columns must stay exactly as they were (order included).
        return pruned.outputColumns().equals(root.outputColumns()) ? pruned : root;
    }

    private LogicalPlan prune(LogicalPlan plan, Set<ColumnRef> required, Set<LogicalPlan> shared) {
        LogicalOperator op = plan.operator();
        if (op instanceof LogicalScan scan) {
            List<ColumnRef> columns = new ArrayList<>();
            List<Integer> ordinals = new ArrayList<>();
            for (int i = 0; i < scan.columns().size(); i++) {
                if (required.contains(scan.columns().get(i))) {
                    columns.add(scan.columns().get(i));
                    ordinals.add(scan.ordinals().get(i));
                }
            }
            return columns.size() == scan.columns().size() ? plan
                    : LogicalPlan.leaf(new LogicalScan(scan.table(), columns, ordinals));
        }
        if (op instanceof LogicalValues values) {
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < values.columns().size(); i++) {
                if (required.contains(values.columns().get(i))) {
                    keep.add(i);
                }
            }
            if (keep.size() == values.columns().size()) {
                return plan;
            }
            List<ColumnRef> columns = keep.stream().map(values.columns()::get).toList();
            List<List<Expr>> rows = values.rows().stream().map(r -> keep.stream().map(r::get).toList()).toList();
            return LogicalPlan.leaf(new LogicalValues(columns, rows));
        }
        if (op instanceof LogicalFilter filter) {
            Set<ColumnRef> below = new HashSet<>(required);
            below.addAll(Exprs.columns(filter.predicate()));
            return rebuild(plan, prune(plan.input(0), below, shared));
        }
        if (op instanceof LogicalProject project) {
            List<Assignment> kept = project.assignments().stream().filter(a -> required.contains(a.output())).toList();
            Set<ColumnRef> below = new HashSet<>();
            kept.forEach(a -> below.addAll(Exprs.columns(a.expression())));
            LogicalPlan input = prune(plan.input(0), below, shared);
            return LogicalPlan.of(new LogicalProject(kept), input);
        }
        if (op instanceof LogicalAggregate aggregate) {
            boolean keepAll = !shared.isEmpty() && shared.contains(plan);
            List<AggregateAssignment> kept = aggregate.aggregates().stream()
                    .filter(a -> keepAll || required.contains(a.output())).toList();
            Set<ColumnRef> below = new HashSet<>(aggregate.groupKeys());
            kept.forEach(a -> below.addAll(a.call().arguments()));
            LogicalPlan input = prune(plan.input(0), below, shared);
            return LogicalPlan.of(new LogicalAggregate(aggregate.groupKeys(), kept), input);
        }
        if (op instanceof LogicalSort sort) {
            Set<ColumnRef> below = new HashSet<>(required);
            sort.keys().stream().map(SortKey::column).forEach(below::add);
            return rebuild(plan, prune(plan.input(0), below, shared));
        }
        if (op instanceof LogicalLimit) {
            return rebuild(plan, prune(plan.input(0), required, shared));
        }
        if (op instanceof LogicalJoin || op instanceof LogicalDependentJoin) {
            // Each side must still produce what is required of it and what the condition reads.
            Expr condition = op instanceof LogicalJoin j ? j.condition() : ((LogicalDependentJoin) op).condition();
            Set<ColumnRef> needed = new HashSet<>(required);
            needed.addAll(Exprs.columns(condition));
            if (op instanceof LogicalDependentJoin) {
                // The right side reads left columns as correlated references.
                needed.addAll(FreeColumns.of(plan.input(1)));
            }
            LogicalPlan left = prune(plan.input(0), needed, shared);
            LogicalPlan right = prune(plan.input(1), needed, shared);
            return left == plan.input(0) && right == plan.input(1) ? plan : LogicalPlan.of(op, List.of(left, right));
        }
        if (op instanceof LogicalUnionAll union) {
            return pruneUnion(plan, union, required, shared);
        }
        // Unknown operators keep everything below them.
        return plan;
    }

    private LogicalPlan pruneUnion(LogicalPlan plan, LogicalUnionAll union, Set<ColumnRef> required, Set<LogicalPlan> shared) {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < union.columns().size(); i++) {
            if (required.contains(union.columns().get(i))) {
                keep.add(i);
            }
        }
        if (keep.isEmpty() && !union.columns().isEmpty()) {
            keep.add(0); // rows still need some column to be counted by
        }
        List<LogicalPlan> inputs = new ArrayList<>();
        List<List<ColumnRef>> inputColumns = new ArrayList<>();
        for (int in = 0; in < plan.inputs().size(); in++) {
            List<ColumnRef> columns = union.inputColumns().get(in);
            List<ColumnRef> kept = keep.stream().map(columns::get).toList();
            inputs.add(prune(plan.input(in), new HashSet<>(kept), shared));
            inputColumns.add(kept);
        }
        List<ColumnRef> columns = keep.stream().map(union.columns()::get).toList();
        return LogicalPlan.of(new LogicalUnionAll(columns, inputColumns), inputs);
    }

    /**
     * The aggregates the plan holds more than once (a rule made one aggregate feed two consumers). Each
     * copy keeps all its aggregates, whatever its consumer reads, so that the copies stay equal and
     * are planned and computed as one.
     */
    private static Set<LogicalPlan> sharedAggregates(LogicalPlan root) {
        Map<LogicalPlan, Integer> seen = new HashMap<>();
        countAggregates(root, seen);
        Set<LogicalPlan> shared = new HashSet<>();
        seen.forEach((plan, n) -> {
            if (n > 1) {
                shared.add(plan);
            }
        });
        return shared;
    }

    private static void countAggregates(LogicalPlan plan, Map<LogicalPlan, Integer> seen) {
        if (plan.operator() instanceof LogicalAggregate) {
            seen.merge(plan, 1, Integer::sum);
        }
        plan.inputs().forEach(input -> countAggregates(input, seen));
    }

    private static LogicalPlan rebuild(LogicalPlan plan, LogicalPlan input) {
        return input == plan.input(0) ? plan : LogicalPlan.of(plan.operator(), input);
    }
}
