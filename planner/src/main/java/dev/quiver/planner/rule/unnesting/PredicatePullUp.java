package dev.quiver.planner.rule.unnesting;

import static dev.quiver.planner.rule.unnesting.Correlation.isCorrelated;
import static dev.quiver.planner.rule.unnesting.Correlation.refersTo;

import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.logical.LogicalAggregate;
import dev.quiver.planner.logical.LogicalFilter;
import dev.quiver.planner.logical.LogicalJoin;
import dev.quiver.planner.logical.LogicalOperator;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.logical.LogicalSort;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.plan.JoinType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The cheap case of unnesting: a subquery whose correlation lives only in predicates that can be
 * moved up to the dependent join (through filters, projections, inner joins, the left side of other
 * joins, and — for equality predicates — aggregations, which then also group by the inner column).
 * What remains is independent of the outer query, and the predicates become the join condition;
 * no duplicate-eliminated outer domain is needed. This is the "simple" rewrite Neumann and Kemper
 * (BTW 2015, section 3) contrast with their general one, which {@link DomainUnnesting} implements
 * for everything this declines.
 */
final class PredicatePullUp {
    /**
     * The subquery without its correlated predicates, the predicates (over its output columns and
     * the outer columns), and the scalar aggregation that was made to group by the inner sides of
     * equalities, if any (its empty-input values then need care: see {@link UnnestSubqueries}).
     */
    record Pulled(LogicalPlan plan, List<Expr> predicates, Optional<LogicalPlan> scalarAggregate) {
    }

    private final Set<ColumnRef> correlated;

    PredicatePullUp(Set<ColumnRef> correlated) {
        this.correlated = correlated;
    }

    /**
     * Pulls the correlated predicates out of {@code plan}, or declines. {@code scalarAllowed}: a
     * scalar aggregation may be turned into a grouped one (only right under projections of a
     * scalar subquery, where a missing group can be restored as the empty-input value).
     */
    Optional<Pulled> pull(LogicalPlan plan, boolean scalarAllowed) {
        if (!isCorrelated(plan, correlated)) {
            return Optional.of(new Pulled(plan, List.of(), Optional.empty()));
        }
        LogicalOperator op = plan.operator();
        if (op instanceof LogicalFilter filter) {
            return filter(filter, plan.input(0));
        }
        if (op instanceof LogicalProject project) {
            return project(project, plan.input(0), scalarAllowed);
        }
        if (op instanceof LogicalSort) {
            // Order inside a subquery without LIMIT means nothing (a LIMIT would stop us first).
            return pull(plan.input(0), scalarAllowed);
        }
        if (op instanceof LogicalAggregate aggregate) {
            return aggregate(aggregate, plan.input(0), scalarAllowed);
        }
        if (op instanceof LogicalJoin join) {
            return join(join, plan);
        }
        return Optional.empty();
    }

    private Optional<Pulled> filter(LogicalFilter filter, LogicalPlan input) {
        Optional<Pulled> child = pull(input, false);
        if (child.isEmpty()) {
            return child;
        }
        List<Expr> kept = new ArrayList<>();
        List<Expr> pulled = new ArrayList<>(child.get().predicates());
        for (Expr conjunct : Exprs.conjuncts(filter.predicate())) {
            (refersTo(conjunct, correlated) ? pulled : kept).add(conjunct);
        }
        LogicalPlan below = child.get().plan();
        LogicalPlan plan = kept.isEmpty() ? below : LogicalPlan.of(new LogicalFilter(Exprs.and(kept)), below);
        return Optional.of(new Pulled(plan, pulled, Optional.empty()));
    }

    private Optional<Pulled> project(LogicalProject project, LogicalPlan input, boolean scalarAllowed) {
        if (project.assignments().stream().anyMatch(a -> refersTo(a.expression(), correlated))) {
            return Optional.empty();
        }
        Optional<Pulled> child = pull(input, scalarAllowed);
        if (child.isEmpty()) {
            return child;
        }
        List<Assignment> assignments = new ArrayList<>(project.assignments());
        Set<ColumnRef> produced = new LinkedHashSet<>(assignments.stream().map(Assignment::output).toList());
        for (Expr p : child.get().predicates()) {
            for (ColumnRef c : Exprs.columns(p)) {
                if (!correlated.contains(c) && produced.add(c)) {
                    assignments.add(new Assignment(c, c));
                }
            }
        }
        return Optional.of(new Pulled(LogicalPlan.of(new LogicalProject(assignments), child.get().plan()),
                child.get().predicates(), child.get().scalarAggregate()));
    }

    /**
     * Through an aggregation only equalities {@code inner = f(outer)} pass, with {@code inner} a
     * column of the aggregation's input: within one outer binding every surviving row has the same
     * {@code inner}, so also grouping by it changes no group, and it is then available above.
     */
    private Optional<Pulled> aggregate(LogicalAggregate aggregate, LogicalPlan input, boolean scalarAllowed) {
        if (aggregate.groupKeys().isEmpty() && !scalarAllowed) {
            return Optional.empty();
        }
        Optional<Pulled> child = pull(input, false);
        if (child.isEmpty()) {
            return child;
        }
        List<ColumnRef> keys = new ArrayList<>(aggregate.groupKeys());
        for (Expr p : child.get().predicates()) {
            Optional<ColumnRef> inner = innerSideOfEquality(p);
            if (inner.isEmpty()) {
                return Optional.empty();
            }
            if (!keys.contains(inner.get())) {
                keys.add(inner.get());
            }
        }
        LogicalPlan plan = LogicalPlan.of(new LogicalAggregate(keys, aggregate.aggregates()), child.get().plan());
        return Optional.of(new Pulled(plan, child.get().predicates(),
                aggregate.groupKeys().isEmpty() ? Optional.of(plan) : Optional.empty()));
    }

    /** For {@code x = e} with {@code x} a non-correlated column and {@code e} over correlated columns only: {@code x}. */
    private Optional<ColumnRef> innerSideOfEquality(Expr p) {
        if (!(p instanceof Call c) || c.function() != Function.EQUAL) {
            return Optional.empty();
        }
        for (int side = 0; side < 2; side++) {
            Expr inner = c.argument(side);
            Expr outer = c.argument(1 - side);
            if (inner instanceof ColumnRef x && !correlated.contains(x) && correlated.containsAll(Exprs.columns(outer))) {
                return Optional.of(x);
            }
        }
        return Optional.empty();
    }

    private Optional<Pulled> join(LogicalJoin join, LogicalPlan plan) {
        LogicalPlan left = plan.input(0);
        LogicalPlan right = plan.input(1);
        if (join.type() == JoinType.INNER) {
            Optional<Pulled> l = pull(left, false);
            Optional<Pulled> r = pull(right, false);
            if (l.isEmpty() || r.isEmpty()) {
                return Optional.empty();
            }
            List<Expr> kept = new ArrayList<>();
            List<Expr> pulled = new ArrayList<>(l.get().predicates());
            pulled.addAll(r.get().predicates());
            for (Expr conjunct : Exprs.conjuncts(join.condition())) {
                (refersTo(conjunct, correlated) ? pulled : kept).add(conjunct);
            }
            LogicalPlan rebuilt = LogicalPlan.of(new LogicalJoin(JoinType.INNER, Exprs.and(kept)),
                    List.of(l.get().plan(), r.get().plan()));
            return Optional.of(new Pulled(rebuilt, pulled, Optional.empty()));
        }
        // Other joins keep every left row's fate tied to the left row alone: a predicate on left
        // columns may be checked after the join instead of before. Not so for the right side.
        boolean leftOnly = join.type() != JoinType.RIGHT && join.type() != JoinType.FULL
                && !isCorrelated(right, correlated) && !refersTo(join.condition(), correlated);
        if (!leftOnly) {
            return Optional.empty();
        }
        Optional<Pulled> l = pull(left, false);
        if (l.isEmpty()) {
            return l;
        }
        LogicalPlan rebuilt = LogicalPlan.of(join, List.of(l.get().plan(), right));
        return Optional.of(new Pulled(rebuilt, l.get().predicates(), Optional.empty()));
    }
}
