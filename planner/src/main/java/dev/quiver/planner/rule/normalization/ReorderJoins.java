package dev.quiver.planner.rule.normalization;

import dev.quiver.planner.cost.CardinalityEstimator;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.logical.LogicalFilter;
import dev.quiver.planner.logical.LogicalJoin;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.memo.LogicalProperties;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.rule.RuleContext;
import dev.quiver.planner.rule.SearchBudget;
import dev.quiver.planner.rule.TreeRewriteRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Orders each region of inner joins: flattens the region into its inputs and its condition terms,
 * then finds the cheapest bushy tree without cross products exhaustively ({@link JoinEnumerator},
 * DPccp). When the inputs are not all connected, or the join graph is too dense for exhaustive
 * search, it orders greedily instead (Fegaras, "A New Heuristic for Optimizing Large Queries", DEXA
 * 1998: greedy operator ordering): repeatedly join the two connected inputs whose join is estimated
 * smallest, until one remains, forming cross products only when no two inputs are connected. With
 * exploration off it orders greedily only, and so it does once the optimizer's search budget
 * ({@link SearchBudget}: each pair DPccp considers spends one application) is used up. The build
 * side of each join is left to the cost-based implementation.
 */
public final class ReorderJoins implements TreeRewriteRule {
    private final CardinalityEstimator estimator;
    /** Whether small join graphs are enumerated exhaustively (DPccp) before the greedy fallback. */
    private final boolean exhaustive;

    public ReorderJoins() {
        this(new CardinalityEstimator());
    }

    public ReorderJoins(CardinalityEstimator estimator) {
        this(estimator, true);
    }

    private ReorderJoins(CardinalityEstimator estimator, boolean exhaustive) {
        this.estimator = estimator;
        this.exhaustive = exhaustive;
    }

    /** An input of the region being ordered, with its estimated properties. */
    private record Component(LogicalPlan plan, LogicalProperties properties, Set<ColumnRef> columns) {
    }

    /** Join ordering is a search: with exploration off, only the greedy heuristic orders joins. */
    @Override
    public TreeRewriteRule withoutExploration() {
        return exhaustive ? new ReorderJoins(estimator, false) : this;
    }

    @Override
    public LogicalPlan rewrite(LogicalPlan root, RuleContext context) {
        return reorder(root, context.budget());
    }

    private LogicalPlan reorder(LogicalPlan plan, SearchBudget budget) {
        if (isInnerJoin(plan)) {
            List<LogicalPlan> leaves = new ArrayList<>();
            List<Expr> terms = new ArrayList<>();
            flatten(plan, leaves, terms, budget);
            if (leaves.size() > 2) {
                LogicalPlan ordered = (exhaustive ? exhaustive(leaves, terms, budget) : Optional.<LogicalPlan>empty())
                        .orElseGet(() -> greedy(leaves, terms));
                return ordered.projectedTo(plan.outputColumns());
            }
        }
        List<LogicalPlan> inputs = new ArrayList<>();
        boolean changed = false;
        for (LogicalPlan input : plan.inputs()) {
            LogicalPlan r = reorder(input, budget);
            changed |= r != input;
            inputs.add(r);
        }
        return changed ? LogicalPlan.of(plan.operator(), inputs) : plan;
    }

    /**
     * DPccp over the join graph that columns known equal complete; when that graph is too dense to
     * enumerate, over the terms as written.
     */
    private Optional<LogicalPlan> exhaustive(List<LogicalPlan> leaves, List<Expr> terms, SearchBudget budget) {
        Set<ColumnRef> produced = new HashSet<>();
        leaves.forEach(leaf -> produced.addAll(leaf.outputColumns()));
        EquivalenceClasses equal = EquivalenceClasses.of(terms, produced);
        Optional<LogicalPlan> best = JoinEnumerator.best(estimator, leaves, equal.otherTerms(), equal.classes(), budget);
        return best.isPresent() || equal.classes().isEmpty() ? best : JoinEnumerator.best(estimator, leaves, terms, budget);
    }

    private static boolean isInnerJoin(LogicalPlan plan) {
        return plan.operator() instanceof LogicalJoin j && j.type() == JoinType.INNER;
    }

    private void flatten(LogicalPlan plan, List<LogicalPlan> leaves, List<Expr> terms, SearchBudget budget) {
        if (isInnerJoin(plan)) {
            terms.addAll(Exprs.conjuncts(((LogicalJoin) plan.operator()).condition()));
            flatten(plan.input(0), leaves, terms, budget);
            flatten(plan.input(1), leaves, terms, budget);
        } else {
            leaves.add(reorder(plan, budget));
        }
    }

    private LogicalPlan greedy(List<LogicalPlan> leaves, List<Expr> terms) {
        List<Component> components = new ArrayList<>();
        for (LogicalPlan leaf : leaves) {
            components.add(component(leaf));
        }
        List<Expr> remaining = new ArrayList<>(terms);
        while (components.size() > 1) {
            int bestI = -1;
            int bestJ = -1;
            double bestRows = Double.MAX_VALUE;
            List<Expr> bestTerms = List.of();
            for (int i = 0; i < components.size(); i++) {
                for (int j = i + 1; j < components.size(); j++) {
                    List<Expr> connecting = connecting(remaining, components.get(i), components.get(j));
                    if (connecting.isEmpty()) {
                        continue;
                    }
                    double rows = estimator.estimate(new LogicalJoin(JoinType.INNER, Exprs.and(connecting)),
                            List.of(components.get(i).properties(), components.get(j).properties()));
                    if (rows < bestRows) {
                        bestRows = rows;
                        bestI = i;
                        bestJ = j;
                        bestTerms = connecting;
                    }
                }
            }
            if (bestI < 0) {
                // Nothing connects: a cross product of the two smallest inputs.
                components.sort((a, b) -> Double.compare(a.properties().rowCount(), b.properties().rowCount()));
                bestI = 0;
                bestJ = 1;
            }
            Component a = components.get(bestI);
            Component b = components.get(bestJ);
            remaining.removeAll(bestTerms);
            LogicalPlan joined = LogicalPlan.of(new LogicalJoin(JoinType.INNER, Exprs.and(bestTerms)), List.of(a.plan(), b.plan()));
            components.remove(bestJ);
            components.remove(bestI);
            components.add(component(joined));
        }
        LogicalPlan result = components.get(0).plan();
        return remaining.isEmpty() ? result : LogicalPlan.of(new LogicalFilter(Exprs.and(remaining)), result);
    }

    /** Terms that read both components and nothing else. */
    private static List<Expr> connecting(List<Expr> terms, Component a, Component b) {
        List<Expr> out = new ArrayList<>();
        for (Expr t : terms) {
            Set<ColumnRef> columns = Exprs.columns(t);
            boolean readsA = columns.stream().anyMatch(a.columns()::contains);
            boolean readsB = columns.stream().anyMatch(b.columns()::contains);
            if (readsA && readsB && columns.stream().allMatch(c -> a.columns().contains(c) || b.columns().contains(c))) {
                out.add(t);
            }
        }
        return out;
    }

    private Component component(LogicalPlan plan) {
        return new Component(plan, estimator.derive(plan), new HashSet<>(plan.outputColumns()));
    }

}
