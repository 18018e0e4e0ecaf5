package dev.quiver.planner.optimizer;

import static java.util.Objects.requireNonNull;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.planner.cost.CardinalityEstimator;
import dev.quiver.planner.cost.ConjunctOrder;
import dev.quiver.planner.cost.Cost;
import dev.quiver.planner.cost.CostModel;
import dev.quiver.planner.logical.GroupRef;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.memo.Group;
import dev.quiver.planner.memo.GroupExpression;
import dev.quiver.planner.memo.Memo;
import dev.quiver.planner.memo.Winner;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.physical.Filter;
import dev.quiver.planner.physical.PhysicalOperator;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.physical.Project;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.rule.ImplementationRule;
import dev.quiver.planner.rule.PhysicalAlternative;
import dev.quiver.planner.rule.RuleContext;
import dev.quiver.planner.rule.RuleRegistry;
import dev.quiver.planner.rule.SearchBudget;
import dev.quiver.planner.rule.TransformationRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cascades-style search. A logical plan is normalized, inserted into a {@link Memo}, explored with
 * the exploration rules until nothing new appears or the budget runs out, and then implemented
 * top-down: for each group every implementation rule proposes physical alternatives, each is costed
 * with its inputs' best plans, and the cheapest wins (memoized per group).
 */
public final class Optimizer {
    private final RuleRegistry rules;
    private final CostModel costModel;
    private final CardinalityEstimator estimator;

    public Optimizer(RuleRegistry rules, CostModel costModel, CardinalityEstimator estimator) {
        this.rules = requireNonNull(rules, "rules");
        this.costModel = requireNonNull(costModel, "costModel");
        this.estimator = requireNonNull(estimator, "estimator");
    }

    public static Optimizer withDefaults() {
        return new Optimizer(RuleRegistry.defaults(), new CostModel(), new CardinalityEstimator());
    }

    public OptimizedPlan optimize(LogicalPlan plan, RuleContext context, OptimizerSettings settings) {
        long start = System.nanoTime();
        OptimizerTrace trace = new OptimizerTrace();
        SearchBudget budget = new SearchBudget(settings.maxRuleApplications(), settings.maxMillis(), start);
        context = context.withBudget(budget);
        Normalizer normalizer = new Normalizer(
                rules.normalizationRules().stream().filter(r -> settings.enabled(r.name())).toList(),
                rules.treeRules().stream().filter(r -> settings.enabled(r.name()))
                        .map(r -> settings.exploration() ? r : r.withoutExploration()).toList(), trace);
        LogicalPlan normalized = normalizer.normalize(plan, context);
        Memo memo = new Memo(estimator);
        int root = memo.insert(normalized);
        if (settings.exploration()) {
            explore(memo, context, settings, trace);
        }
        List<ImplementationRule> implementations =
                rules.implementationRules().stream().filter(r -> settings.enabled(r.name())).toList();
        Winner winner = optimizeGroup(memo, root, implementations, context, trace).orElseThrow(() -> {
            List<String> disabled = rules.implementationRules().stream().map(r -> r.name()).filter(n -> !settings.enabled(n)).toList();
            return disabled.isEmpty()
                    ? new QuiverException(SqlState.INTERNAL_ERROR, "no physical plan for the query")
                    : new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "no physical plan for the query: it needs an "
                            + "implementation rule that disabled_rules switches off (" + String.join(", ", disabled) + ")");
        });
        trace.finish(System.nanoTime() - start, budget.exceeded(), memo.groups().size(), memo.expressionCount());
        return new OptimizedPlan(inLogicalOrder(PruneJoinOutputs.prune(winner.plan()), normalized.outputColumns()), trace);
    }

    /**
     * The plan with its columns in the query's order: a join built on its left input produces its
     * columns in another order, which only the final result can see.
     */
    private static PhysicalPlan inLogicalOrder(PhysicalPlan plan, List<ColumnRef> columns) {
        if (plan.outputColumns().equals(columns)) {
            return plan;
        }
        Project project = new Project(columns.stream().map(c -> new Assignment(c, c)).toList());
        return new PhysicalPlan(project, List.of(plan), columns, plan.estimatedRows(), plan.cost());
    }

    /** Applies the exploration rules until nothing new appears or the context's budget is spent. */
    private void explore(Memo memo, RuleContext context, OptimizerSettings settings, OptimizerTrace trace) {
        List<TransformationRule> exploration =
                rules.explorationRules().stream().filter(r -> settings.enabled(r.name())).toList();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int g = 0; g < memo.groups().size(); g++) {
                Group group = memo.group(g);
                for (int e = 0; e < group.expressions().size(); e++) {
                    GroupExpression expression = group.expressions().get(e);
                    for (int r = 0; r < exploration.size(); r++) {
                        TransformationRule rule = exploration.get(r);
                        boolean singleLevel = rule.pattern().inputs().isEmpty();
                        if (singleLevel && !expression.markApplied(r)) {
                            continue;
                        }
                        for (LogicalPlan binding : Bindings.of(memo, expression, rule.pattern())) {
                            if (!context.budget().spend()) {
                                return;
                            }
                            for (LogicalPlan alternative : rule.apply(binding, context)) {
                                if (memo.insertInto(g, alternative)) {
                                    changed = true;
                                    trace.fired(rule.name());
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private Optional<Winner> optimizeGroup(Memo memo, int groupId, List<ImplementationRule> implementations,
            RuleContext context, OptimizerTrace trace) {
        Group group = memo.group(groupId);
        if (group.winner().isPresent()) {
            return group.winner();
        }
        if (memo.isOptimizing(groupId)) {
            return Optional.empty();
        }
        memo.setOptimizing(groupId, true);
        Winner best = null;
        for (int e = 0; e < group.expressions().size(); e++) {
            GroupExpression expression = group.expressions().get(e);
            for (ImplementationRule rule : implementations) {
                for (LogicalPlan binding : Bindings.of(memo, expression, rule.pattern())) {
                    for (PhysicalAlternative alternative : rule.implement(binding, context)) {
                        trace.fired(rule.name());
                        Optional<PhysicalPlan> candidate = build(memo, group, alternative, implementations, context, trace);
                        if (candidate.isPresent() && (best == null || candidate.get().cost().compareTo(best.plan().cost()) < 0)) {
                            best = new Winner(candidate.get(), rule.name());
                        }
                    }
                }
            }
        }
        memo.setOptimizing(groupId, false);
        if (best != null) {
            memo.setWinner(groupId, best);
        }
        return Optional.ofNullable(best);
    }

    private Optional<PhysicalPlan> build(Memo memo, Group group, PhysicalAlternative alternative,
            List<ImplementationRule> implementations, RuleContext context, OptimizerTrace trace) {
        List<PhysicalPlan> inputs = new ArrayList<>();
        List<Double> inputRows = new ArrayList<>();
        Cost total = Cost.ZERO;
        for (GroupRef ref : alternative.inputs()) {
            Optional<Winner> input = optimizeGroup(memo, ref.groupId(), implementations, context, trace);
            if (input.isEmpty()) {
                return Optional.empty();
            }
            inputs.add(input.get().plan());
            inputRows.add(memo.group(ref.groupId()).properties().rowCount());
            total = total.plus(input.get().plan().cost());
        }
        double rows = group.properties().rowCount();
        PhysicalOperator operator = alternative.operator();
        if (operator instanceof Filter filter) {
            // The conjuncts' order needs the input's statistics, which implementation rules do not see.
            operator = new Filter(ConjunctOrder.order(filter.predicate(), memo.group(alternative.inputs().get(0).groupId()).properties()));
        }
        total = total.plus(costModel.localCost(operator, rows, inputRows));
        return Optional.of(new PhysicalPlan(operator, inputs,
                operator.outputColumns(inputs.stream().map(PhysicalPlan::outputColumns).toList()), rows, total));
    }
}
