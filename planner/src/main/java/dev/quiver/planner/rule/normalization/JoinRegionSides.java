package dev.quiver.planner.rule.normalization;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.logical.LogicalFilter;
import dev.quiver.planner.logical.LogicalJoin;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.rule.RuleContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * A region of inner joins cut in two for {@link EagerAggregation}: the outer side holds the inputs
 * with the group keys and every input joined to them but not to the aggregated inputs; the inner
 * side holds the inputs the aggregates read and those joined to them without passing through the
 * outer side. Each side is joined on its own terms, ordered by {@link ReorderJoins}; the condition
 * is the region's terms between the two sides. A binary join's sides are its two inputs.
 *
 * @param outer the side the group keys come from
 * @param inner the side the aggregates read
 * @param condition the terms joining the sides
 */
record JoinRegionSides(LogicalPlan outer, LogicalPlan inner, Expr condition) {
    JoinRegionSides {
        Objects.requireNonNull(outer, "outer");
        Objects.requireNonNull(inner, "inner");
        Objects.requireNonNull(condition, "condition");
    }

    /**
     * The outer and inner sides of a region of inner joins, if the group keys and the aggregated
     * columns come from different inputs and each side is connected; whether the terms between the
     * sides are equalities of columns is the caller's to check.
     */
    static Optional<JoinRegionSides> split(LogicalPlan region, Set<ColumnRef> groupKeys, Set<ColumnRef> argumentColumns,
            ReorderJoins reorderJoins, RuleContext context) {
        List<LogicalPlan> leaves = new ArrayList<>();
        List<Expr> terms = new ArrayList<>();
        flatten(region, leaves, terms);
        int n = leaves.size();
        List<Set<ColumnRef>> columns = leaves.stream().map(l -> (Set<ColumnRef>) new HashSet<>(l.outputColumns())).toList();
        List<Set<Integer>> termLeaves = new ArrayList<>();
        for (Expr term : terms) {
            Set<Integer> read = new HashSet<>();
            for (ColumnRef c : Exprs.columns(term)) {
                for (int i = 0; i < n; i++) {
                    if (columns.get(i).contains(c)) {
                        read.add(i);
                    }
                }
            }
            termLeaves.add(read);
        }
        Set<Integer> keyLeaves = new HashSet<>();
        Set<Integer> argumentLeaves = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (columns.get(i).stream().anyMatch(groupKeys::contains)) {
                keyLeaves.add(i);
            }
            if (columns.get(i).stream().anyMatch(argumentColumns::contains)) {
                argumentLeaves.add(i);
            }
        }
        if (argumentLeaves.isEmpty() || argumentLeaves.stream().anyMatch(keyLeaves::contains)) {
            return Optional.empty();
        }
        Set<Integer> inner = reachable(argumentLeaves.iterator().next(), i -> !keyLeaves.contains(i), termLeaves);
        if (!inner.containsAll(argumentLeaves)) {
            return Optional.empty();
        }
        Set<Integer> outer = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (!inner.contains(i)) {
                outer.add(i);
            }
        }
        if (!reachable(outer.iterator().next(), outer::contains, termLeaves).equals(outer)) {
            return Optional.empty();
        }
        List<Expr> innerTerms = new ArrayList<>();
        List<Expr> outerTerms = new ArrayList<>();
        List<Expr> between = new ArrayList<>();
        for (int t = 0; t < terms.size(); t++) {
            Set<Integer> read = termLeaves.get(t);
            (inner.containsAll(read) && !read.isEmpty() ? innerTerms : outer.containsAll(read) ? outerTerms : between).add(terms.get(t));
        }
        return Optional.of(new JoinRegionSides(join(leaves, outer, outerTerms, reorderJoins, context),
                join(leaves, inner, innerTerms, reorderJoins, context), Exprs.and(between)));
    }

    /** The leaves reachable from {@code start} through terms that read only leaves {@code allowed} accepts. */
    private static Set<Integer> reachable(int start, IntPredicate allowed, List<Set<Integer>> termLeaves) {
        Set<Integer> reached = new HashSet<>(Set.of(start));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Set<Integer> read : termLeaves) {
                if (read.stream().allMatch(allowed::test) && read.stream().anyMatch(reached::contains) && !reached.containsAll(read)) {
                    reached.addAll(read);
                    grew = true;
                }
            }
        }
        return reached;
    }

    /** The inner join of the chosen leaves on their terms, ordered by {@link ReorderJoins}. */
    private static LogicalPlan join(List<LogicalPlan> leaves, Set<Integer> chosen, List<Expr> terms, ReorderJoins reorderJoins,
            RuleContext context) {
        List<LogicalPlan> inputs = chosen.stream().sorted().map(leaves::get).toList();
        LogicalPlan plan = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) {
            Expr condition = i == inputs.size() - 1 ? Exprs.and(terms) : Exprs.TRUE;
            plan = LogicalPlan.of(new LogicalJoin(JoinType.INNER, condition), List.of(plan, inputs.get(i)));
        }
        if (inputs.size() == 1) {
            return terms.isEmpty() ? plan : LogicalPlan.of(new LogicalFilter(Exprs.and(terms)), plan);
        }
        return inputs.size() == 2 ? plan : reorderJoins.rewrite(plan, context);
    }

    private static void flatten(LogicalPlan plan, List<LogicalPlan> leaves, List<Expr> terms) {
        if (plan.operator() instanceof LogicalJoin j && j.type() == JoinType.INNER) {
            terms.addAll(Exprs.conjuncts(j.condition()));
            flatten(plan.input(0), leaves, terms);
            flatten(plan.input(1), leaves, terms);
        } else {
            leaves.add(plan);
        }
    }
}
