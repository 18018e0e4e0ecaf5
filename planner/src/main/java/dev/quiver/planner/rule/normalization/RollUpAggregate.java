package dev.quiver.planner.rule.normalization;

import dev.quiver.planner.expr.AggregateCall;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.logical.FreeColumns;
import dev.quiver.planner.logical.LogicalAggregate;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalPlanEquivalence;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.plan.AggregateAssignment;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.rule.RuleContext;
import dev.quiver.planner.rule.TreeRewriteRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Roll-up from a finer aggregate (the regrouping compensation of Zaharioudakis et al., "Answering
 * Complex SQL Queries Using Automatic Summary Tables", SIGMOD 2000): an aggregate over the same rows
 * as another aggregate of the statement that groups by more keys is computed from that aggregate's
 * groups instead of from the rows again. TPC-H Q11 compares each part's stock value with a fraction
 * of the total value over the same join of partsupp, supplier and nation; the total becomes the sum
 * of the 30,000 parts' values instead of a second join of 800,000 rows. The two consumers then read
 * one aggregate, which the executor computes once.
 *
 * <p>Why it is the same result: the finer aggregate's groups partition the rows (NULL keys make a
 * group of their own), and each group of the coarser one is the union of the finer groups with its
 * keys. COUNT, SUM, MIN and MAX are combined from the finer partials ({@link PartialAggregates});
 * without keys, an empty input still gives one row, whose sums are NULL and counts 0.
 *
 * <p>When it applies: below the projections that compute the aggregates' keys and arguments, the
 * two inputs are the same plan up to column ids ({@link LogicalPlanEquivalence}); each key of the
 * coarser aggregate is computed as one of the finer one's keys is, and each of its aggregates as
 * one of the finer one's (same function and argument, no DISTINCT, not AVG). The finer aggregate
 * must have strictly more distinct keys, so that of several the finest is used and is never rolled
 * up itself, and neither may read an enclosing query's columns. A roll-up, now reading the finest
 * aggregate, is rolled up again from a coarser roll-up of it when one matches (a total over the
 * per-part sums that themselves sum the per-part-and-supplier ones). The rewrite is always cheaper when
 * the finer aggregate is computed anyway: it reads groups instead of rows. So that it is, the rule
 * runs after the rules that reshape aggregates (a copy reshaped alone would be computed twice), and
 * {@link PruneColumns} keeps every aggregate of an aggregate the plan holds twice, so that both
 * copies stay equal and the memo makes them one group.
 */
public final class RollUpAggregate implements TreeRewriteRule {
    @Override
    public LogicalPlan rewrite(LogicalPlan root, RuleContext context) {
        // One roll-up per pass: it changes the nodes above it, which may be another one's finer aggregate.
        // An aggregate may be rolled up again from each coarser roll-up, so n aggregates take at most n * n passes.
        LogicalPlan plan = root;
        int aggregates = root.count(LogicalAggregate.class);
        int passes = aggregates * aggregates;
        for (int pass = 0; pass < passes; pass++) {
            // Free columns of every node in one walk: asking each aggregate's subtree anew took a deep plan seconds.
            Map<LogicalPlan, Set<ColumnRef>> free = FreeColumns.ofEach(plan);
            List<LogicalPlan> finer = new ArrayList<>();
            collectGrouped(plan, free, finer);
            if (finer.isEmpty()) {
                break;
            }
            boolean[] done = {false};
            LogicalPlan next = plan.rewriteBottomUp(node -> {
                if (done[0] || !(node.operator() instanceof LogicalAggregate)) {
                    return node;
                }
                Optional<LogicalPlan> rolled = rollUp(node, free.containsKey(node) ? free.get(node) : FreeColumns.of(node), finer, context);
                done[0] = rolled.isPresent();
                return rolled.orElse(node);
            });
            if (!done[0]) {
                break;
            }
            plan = next;
        }
        return plan;
    }

    /** How {@code node}'s aggregate is computed from one of the finer aggregates, if any matches. */
    private static Optional<LogicalPlan> rollUp(LogicalPlan node, Set<ColumnRef> free, List<LogicalPlan> candidates, RuleContext context) {
        LogicalAggregate coarse = (LogicalAggregate) node.operator();
        if ((coarse.groupKeys().isEmpty() && coarse.aggregates().isEmpty())
                || !coarse.aggregates().stream().allMatch(a -> PartialAggregates.combinable(a.call()))
                || !free.isEmpty()) {
            return Optional.empty();
        }
        ProjectedInput input = ProjectedInput.of(node.input(0));
        Optional<Match> best = Optional.empty();
        for (LogicalPlan candidate : candidates) {
            LogicalAggregate fine = (LogicalAggregate) candidate.operator();
            if (candidate.equals(node) || (best.isPresent() && best.get().fine().groupKeys().size() >= fine.groupKeys().size())) {
                continue;
            }
            Optional<Match> match = match(coarse, input, candidate);
            if (match.isPresent()) {
                best = match;
            }
        }
        return best.map(m -> rewrite(coarse, m, context));
    }

    /** A finer aggregate {@code plan} and, for the coarser one's keys and aggregates, the finer one's columns that hold them. */
    private record Match(LogicalPlan plan, List<ColumnRef> keys, List<ColumnRef> partials) {
        LogicalAggregate fine() {
            return (LogicalAggregate) plan.operator();
        }
    }

    private static Optional<Match> match(LogicalAggregate coarse, ProjectedInput input, LogicalPlan candidate) {
        LogicalAggregate fine = (LogicalAggregate) candidate.operator();
        ProjectedInput fineInput = ProjectedInput.of(candidate.input(0));
        Optional<Map<ColumnRef, ColumnRef>> renaming = LogicalPlanEquivalence.columnMapping(fineInput.base(), input.base());
        if (renaming.isEmpty()) {
            return Optional.empty();
        }
        // The coarser aggregate's columns, as expressions over the finer one's input.
        Function<ColumnRef, Expr> over = c -> Exprs.substitute(input.definition(c), renaming.get());
        List<ColumnRef> keys = new ArrayList<>();
        for (ColumnRef key : coarse.groupKeys()) {
            Expr wanted = over.apply(key);
            Optional<ColumnRef> fineKey = fine.groupKeys().stream().filter(k -> fineInput.definition(k).equals(wanted)).findFirst();
            if (fineKey.isEmpty()) {
                return Optional.empty();
            }
            keys.add(fineKey.get());
        }
        if (new LinkedHashSet<>(keys).size() >= new LinkedHashSet<>(fine.groupKeys()).size()) {
            return Optional.empty();
        }
        List<ColumnRef> partials = new ArrayList<>();
        for (AggregateAssignment assignment : coarse.aggregates()) {
            AggregateCall call = assignment.call();
            List<Expr> arguments = call.arguments().stream().map(over).toList();
            Optional<ColumnRef> partial = fine.aggregates().stream()
                    .filter(f -> f.call().kind() == call.kind() && !f.call().distinct() && f.call().type().equals(call.type())
                            && f.call().arguments().stream().map(fineInput::definition).toList().equals(arguments))
                    .map(AggregateAssignment::output)
                    .findFirst();
            if (partial.isEmpty()) {
                return Optional.empty();
            }
            partials.add(partial.get());
        }
        return Optional.of(new Match(candidate, keys, partials));
    }

    /** The coarser aggregate over the finer one, with its own output columns in its own order. */
    private static LogicalPlan rewrite(LogicalAggregate coarse, Match match, RuleContext context) {
        List<AggregateAssignment> combined = new ArrayList<>();
        List<Assignment> outputs = new ArrayList<>();
        for (int i = 0; i < coarse.groupKeys().size(); i++) {
            outputs.add(new Assignment(coarse.groupKeys().get(i), match.keys().get(i)));
        }
        boolean counts = false;
        for (int i = 0; i < coarse.aggregates().size(); i++) {
            AggregateAssignment assignment = coarse.aggregates().get(i);
            AggregateCall call = assignment.call();
            ColumnRef output = assignment.output();
            if (PartialAggregates.isCount(call)) {
                output = context.columnIds().newColumn("sum", call.type());
                counts = true;
            }
            combined.add(new AggregateAssignment(output, PartialAggregates.combining(call, match.partials().get(i))));
            outputs.add(new Assignment(assignment.output(), PartialAggregates.finished(call, output)));
        }
        LogicalPlan rolled = LogicalPlan.of(new LogicalAggregate(List.copyOf(new LinkedHashSet<>(match.keys())), combined), match.plan());
        return coarse.groupKeys().isEmpty() && !counts ? rolled : LogicalPlan.of(new LogicalProject(outputs), rolled);
    }

    /** Every grouped aggregate that reads no enclosing query's columns: the finer aggregates to roll up from. */
    private static void collectGrouped(LogicalPlan plan, Map<LogicalPlan, Set<ColumnRef>> free, List<LogicalPlan> into) {
        if (plan.operator() instanceof LogicalAggregate aggregate && !aggregate.groupKeys().isEmpty() && free.get(plan).isEmpty()) {
            into.add(plan);
        }
        plan.inputs().forEach(input -> collectGrouped(input, free, into));
    }
}
