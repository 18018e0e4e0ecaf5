package dev.quiver.planner.optimizer;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.physical.Filter;
import dev.quiver.planner.physical.HashAggregate;
import dev.quiver.planner.physical.HashJoin;
import dev.quiver.planner.physical.Limit;
import dev.quiver.planner.physical.PhysicalOperator;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.physical.Project;
import dev.quiver.planner.physical.Sort;
import dev.quiver.planner.physical.TopN;
import dev.quiver.planner.plan.AggregateAssignment;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.plan.SortKey;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Column pruning after join ordering: a join's output is every column of its inputs, so a column
 * read only by a join's keys or residual would otherwise travel through every join above it, be
 * written out by each probe and copied into each build side. Walking the physical plan from the
 * root with the columns each node's consumer reads, this pass puts an identity {@link Project}
 * (free in both execution modes: no value is copied) above every hash join that produces more
 * than its consumer reads. It runs on the chosen plan, after the memo's search, so that logical
 * rules keep matching joins directly over joins (DuckDB's RemoveUnusedColumns runs after its join
 * order optimizer for the same reason).
 *
 * <p>Invariant: the root's columns, in order, and every node's semantics are unchanged; only
 * columns no ancestor reads disappear.
 */
final class PruneJoinOutputs {
    private PruneJoinOutputs() {
    }

    /** The plan with unread join outputs dropped; the root's output columns are kept as they are. */
    static PhysicalPlan prune(PhysicalPlan root) {
        return prune(root, new HashSet<>(root.outputColumns()), true);
    }

    /**
     * {@code plan} producing at least {@code required}; with {@code narrow}, a join's output is cut to
     * it (not needed under a projection, which reads only its own columns and is free).
     */
    private static PhysicalPlan prune(PhysicalPlan plan, Set<ColumnRef> required, boolean narrow) {
        PhysicalOperator op = plan.operator();
        if (op instanceof HashJoin join) {
            Set<ColumnRef> needed = new HashSet<>(required);
            join.probeKeys().forEach(k -> needed.addAll(Exprs.columns(k)));
            join.buildKeys().forEach(k -> needed.addAll(Exprs.columns(k)));
            join.residual().ifPresent(r -> needed.addAll(Exprs.columns(r)));
            // The build side is copied into the hash table: it keeps only what the join or its consumer reads.
            PhysicalPlan build = narrow(prune(plan.input(1), needed, true), needed);
            PhysicalPlan pruned = withInputs(plan, List.of(prune(plan.input(0), needed, true), build));
            return narrow ? narrow(pruned, required) : pruned;
        }
        Set<ColumnRef> below;
        if (op instanceof Project project) {
            below = columnsOf(project.assignments().stream().map(Assignment::expression).toList());
        } else if (op instanceof Filter filter) {
            below = union(required, Exprs.columns(filter.predicate()));
        } else if (op instanceof HashAggregate aggregate) {
            below = new HashSet<>(aggregate.groupKeys());
            for (AggregateAssignment a : aggregate.aggregates()) {
                below.addAll(columnsOf(a.call().arguments()));
            }
        } else if (op instanceof Sort sort) {
            below = union(required, sort.keys().stream().map(SortKey::column).toList());
        } else if (op instanceof TopN topN) {
            below = union(required, topN.keys().stream().map(SortKey::column).toList());
        } else if (op instanceof Limit) {
            below = required;
        } else {
            // Scans and VALUES were pruned before the search; a UNION ALL maps its columns by position.
            return plan;
        }
        return withInputs(plan, List.of(prune(plan.input(0), below, !(op instanceof Project))));
    }

    /** {@code plan} under an identity projection onto the columns of {@code wanted} it produces, if it produces others. */
    private static PhysicalPlan narrow(PhysicalPlan plan, Set<ColumnRef> wanted) {
        List<ColumnRef> kept = plan.outputColumns().stream().filter(wanted::contains).toList();
        if (kept.isEmpty() && !plan.outputColumns().isEmpty()) {
            // Rows with no column read (count(*) over a join) still need a column to be counted by.
            kept = plan.outputColumns().subList(0, 1);
        }
        if (kept.size() == plan.outputColumns().size()) {
            return plan;
        }
        Project project = new Project(kept.stream().map(c -> new Assignment(c, c)).toList());
        return new PhysicalPlan(project, List.of(plan), kept, plan.estimatedRows(), plan.cost());
    }

    private static PhysicalPlan withInputs(PhysicalPlan plan, List<PhysicalPlan> inputs) {
        if (inputs.equals(plan.inputs())) {
            return plan;
        }
        List<ColumnRef> columns = plan.operator().outputColumns(inputs.stream().map(PhysicalPlan::outputColumns).toList());
        return new PhysicalPlan(plan.operator(), inputs, columns, plan.estimatedRows(), plan.cost());
    }

    private static Set<ColumnRef> columnsOf(List<? extends Expr> expressions) {
        Set<ColumnRef> columns = new HashSet<>();
        expressions.forEach(e -> columns.addAll(Exprs.columns(e)));
        return columns;
    }

    private static Set<ColumnRef> union(Set<ColumnRef> a, Collection<ColumnRef> b) {
        Set<ColumnRef> u = new HashSet<>(a);
        u.addAll(b);
        return u;
    }
}
