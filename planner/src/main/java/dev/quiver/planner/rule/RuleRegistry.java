package dev.quiver.planner.rule;

import dev.quiver.planner.rule.exploration.PushSemiJoinIntoJoinInput;
import dev.quiver.planner.rule.exploration.PushSemiJoinThroughProject;
import dev.quiver.planner.rule.implementation.ImplementAggregate;
import dev.quiver.planner.rule.implementation.ImplementFilter;
import dev.quiver.planner.rule.implementation.ImplementHashJoin;
import dev.quiver.planner.rule.implementation.ImplementLimit;
import dev.quiver.planner.rule.implementation.ImplementProject;
import dev.quiver.planner.rule.implementation.ImplementScan;
import dev.quiver.planner.rule.implementation.ImplementSort;
import dev.quiver.planner.rule.implementation.ImplementTopN;
import dev.quiver.planner.rule.implementation.ImplementUnionAll;
import dev.quiver.planner.rule.implementation.ImplementValues;
import dev.quiver.planner.rule.normalization.EagerAggregation;
import dev.quiver.planner.rule.normalization.InferFiltersFromDisjunctions;
import dev.quiver.planner.rule.normalization.MarkJoinToSemiJoin;
import dev.quiver.planner.rule.normalization.MergeFilters;
import dev.quiver.planner.rule.normalization.MergeProjects;
import dev.quiver.planner.rule.normalization.PruneColumns;
import dev.quiver.planner.rule.normalization.PushFilterIntoJoin;
import dev.quiver.planner.rule.normalization.PushFilterThroughProject;
import dev.quiver.planner.rule.normalization.PushJoinConditionIntoInputs;
import dev.quiver.planner.rule.normalization.ReduceAggregateInputBySemiJoin;
import dev.quiver.planner.rule.normalization.RemoveIdentityProject;
import dev.quiver.planner.rule.normalization.RollUpAggregate;
import dev.quiver.planner.rule.normalization.ReorderJoins;
import dev.quiver.planner.rule.normalization.SimplifyFilter;
import dev.quiver.planner.rule.normalization.SimplifyProject;
import dev.quiver.planner.rule.normalization.SingleJoinToLeftJoin;
import dev.quiver.planner.rule.unnesting.UnnestSubqueries;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The one place every optimizer rule is listed, by phase. Order within a phase is the order tried. */
public final class RuleRegistry {
    private final List<TransformationRule> normalization;
    private final List<TreeRewriteRule> tree;
    private final List<TransformationRule> exploration;
    private final List<ImplementationRule> implementation;

    public RuleRegistry(List<TransformationRule> normalization, List<TreeRewriteRule> tree,
            List<TransformationRule> exploration, List<ImplementationRule> implementation) {
        this.normalization = List.copyOf(normalization);
        this.tree = List.copyOf(tree);
        this.exploration = List.copyOf(exploration);
        this.implementation = List.copyOf(implementation);
        for (TransformationRule r : normalization) {
            check(r.kind() == TransformationRule.Kind.NORMALIZATION, r);
        }
        for (TransformationRule r : exploration) {
            check(r.kind() == TransformationRule.Kind.EXPLORATION, r);
        }
    }

    public static RuleRegistry defaults() {
        return new RuleRegistry(
                List.of(new SimplifyFilter(), new MergeFilters(), new InferFiltersFromDisjunctions(), new PushFilterThroughProject(), new SimplifyProject(),
                        new MergeProjects(), new RemoveIdentityProject(), new MarkJoinToSemiJoin(), new SingleJoinToLeftJoin(),
                        new PushFilterIntoJoin(), new PushJoinConditionIntoInputs()),
                List.of(new UnnestSubqueries(), new ReorderJoins(), new ReduceAggregateInputBySemiJoin(), new EagerAggregation(), new RollUpAggregate(),
                        new PruneColumns()),
                List.of(new PushSemiJoinIntoJoinInput(), new PushSemiJoinThroughProject()),
                List.of(new ImplementScan(), new ImplementValues(), new ImplementFilter(), new ImplementProject(),
                        new ImplementAggregate(), new ImplementSort(), new ImplementLimit(), new ImplementTopN(),
                        new ImplementHashJoin(), new ImplementUnionAll()));
    }

    public List<TransformationRule> normalizationRules() {
        return normalization;
    }

    public List<TreeRewriteRule> treeRules() {
        return tree;
    }

    public List<TransformationRule> explorationRules() {
        return exploration;
    }

    public List<ImplementationRule> implementationRules() {
        return implementation;
    }

    /** Every rule name, for validating a "disabled rules" setting. */
    public List<String> ruleNames() {
        List<String> names = new ArrayList<>();
        Stream.of(normalization, tree, exploration, implementation).flatMap(List::stream).map(Rule::name).forEach(names::add);
        return names;
    }

    private static void check(boolean ok, Rule rule) {
        if (!ok) {
            throw new IllegalArgumentException(rule.name() + " is registered in the wrong phase");
        }
    }
}
