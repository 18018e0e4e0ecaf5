package dev.quiver.planner.rule.implementation;

import dev.quiver.planner.logical.LogicalAggregate;
import dev.quiver.planner.logical.GroupRef;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.physical.HashAggregate;
import dev.quiver.planner.rule.ImplementationRule;
import dev.quiver.planner.rule.Pattern;
import dev.quiver.planner.rule.PhysicalAlternative;
import dev.quiver.planner.rule.RuleContext;
import java.util.List;

/** {@code LogicalAggregate → HashAggregate}. */
public final class ImplementAggregate implements ImplementationRule {
    private static final Pattern PATTERN = Pattern.of(LogicalAggregate.class);

    @Override
    public Pattern pattern() {
        return PATTERN;
    }

    @Override
    public List<PhysicalAlternative> implement(LogicalPlan binding, RuleContext context) {
        LogicalAggregate aggregate = (LogicalAggregate) binding.operator();
        List<GroupRef> inputs = binding.inputs().stream().map(i -> (GroupRef) i.operator()).toList();
        return List.of(new PhysicalAlternative(new HashAggregate(aggregate.groupKeys(), aggregate.aggregates()), inputs));
    }
}
