package dev.quiver.planner.rule.normalization;

import dev.quiver.planner.cost.CardinalityEstimator;
import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.logical.LogicalAggregate;
import dev.quiver.planner.logical.LogicalJoin;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.rule.RuleContext;
import dev.quiver.planner.rule.TreeRewriteRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Semi-join reduction of an aggregate's input (the "magic set" of Seshadri et al., "Cost-Based
 * Optimization for Magic: Algebra and Implementation", SIGMOD 1996): in an inner join of a grouped
 * aggregate with another input {@code O} on {@code groupKey = o}, only the groups whose key some row
 * of {@code O} has can join, so the aggregate's input is first semi-joined with {@code O} on those
 * keys. A correlated subquery that unnesting turned into such an aggregate (TPC-H Q17's average
 * quantity per part, Q20's sum per part and supplier) then aggregates the few parts the outer query
 * asks about instead of every part.
 *
 * <p>The semi join removes whole groups (its condition reads group keys only), so each remaining
 * group sees the same rows as before, and the removed groups matched nothing in the join above. It
 * is only worth it when {@code O} is much smaller than the number of groups and cheap to evaluate
 * a second time: {@code O} is read by both joins.
 */
public final class ReduceAggregateInputBySemiJoin implements TreeRewriteRule {
    /** At most this many rows of O per group: the aggregate must shrink to a quarter at least to pay for O's second run. */
    static final double MAX_ROWS_PER_GROUP = 0.25;
    /** O may itself be a join of at most this many joins: it is evaluated twice. */
    static final int MAX_JOINS_IN_REDUCER = 1;

    private final CardinalityEstimator estimator;

    public ReduceAggregateInputBySemiJoin() {
        this(new CardinalityEstimator());
    }

    public ReduceAggregateInputBySemiJoin(CardinalityEstimator estimator) {
        this.estimator = estimator;
    }

    @Override
    public LogicalPlan rewrite(LogicalPlan root, RuleContext context) {
        return root.rewriteBottomUp(this::reduce);
    }

    /** The join {@code current} (its inputs already reduced) with one grouped side reduced, if the rule applies. */
    private LogicalPlan reduce(LogicalPlan current) {
        if (current.operator() instanceof LogicalJoin join && join.type() == JoinType.INNER) {
            for (int side = 0; side < 2; side++) {
                Optional<LogicalPlan> reduced = reduceSide(join, current.input(side), current.input(1 - side));
                if (reduced.isPresent()) {
                    List<LogicalPlan> sides = new ArrayList<>(current.inputs());
                    sides.set(side, reduced.get());
                    return LogicalPlan.of(join, sides);
                }
            }
        }
        return current;
    }

    /** The grouped side with its aggregate's input semi-joined with {@code other}, if the join's keys and the estimates allow. */
    private Optional<LogicalPlan> reduceSide(LogicalJoin join, LogicalPlan grouped, LogicalPlan other) {
        Optional<LogicalProject> project = grouped.operator() instanceof LogicalProject p ? Optional.of(p) : Optional.empty();
        LogicalPlan aggregatePlan = project.isPresent() ? grouped.input(0) : grouped;
        if (!(aggregatePlan.operator() instanceof LogicalAggregate aggregate) || aggregate.groupKeys().isEmpty()) {
            return Optional.empty();
        }
        // The grouped side's output columns that are group keys, passed through unchanged.
        Map<ColumnRef, ColumnRef> keyOf = new HashMap<>();
        if (project.isPresent()) {
            for (Assignment a : project.get().assignments()) {
                if (a.expression() instanceof ColumnRef c && aggregate.groupKeys().contains(c)) {
                    keyOf.put(a.output(), c);
                }
            }
        } else {
            aggregate.groupKeys().forEach(k -> keyOf.put(k, k));
        }
        Set<ColumnRef> otherColumns = new HashSet<>(other.outputColumns());
        List<Expr> reducing = new ArrayList<>();
        for (Expr term : Exprs.conjuncts(join.condition())) {
            if (term instanceof Call call && call.function() == Function.EQUAL
                    && call.argument(0) instanceof ColumnRef a && call.argument(1) instanceof ColumnRef b) {
                if (keyOf.containsKey(a) && otherColumns.contains(b)) {
                    reducing.add(new Call(Function.EQUAL, List.of(keyOf.get(a), b), call.type(), call.position()));
                } else if (keyOf.containsKey(b) && otherColumns.contains(a)) {
                    reducing.add(new Call(Function.EQUAL, List.of(keyOf.get(b), a), call.type(), call.position()));
                }
            }
        }
        if (reducing.isEmpty() || other.count(LogicalJoin.class) > MAX_JOINS_IN_REDUCER) {
            return Optional.empty();
        }
        double groups = estimator.derive(aggregatePlan).rowCount();
        double reducerRows = estimator.derive(other).rowCount();
        if (!(reducerRows <= MAX_ROWS_PER_GROUP * groups)) {
            return Optional.empty();
        }
        LogicalPlan input = aggregatePlan.input(0);
        LogicalPlan semi = LogicalPlan.of(new LogicalJoin(JoinType.SEMI, Exprs.and(reducing)), List.of(input, other));
        LogicalPlan newAggregate = LogicalPlan.of(aggregate, semi);
        return Optional.of(project.isPresent() ? LogicalPlan.of(project.get(), newAggregate) : newAggregate);
    }
}
