package dev.quiver.planner.rule.implementation;

import dev.quiver.planner.logical.LogicalLimit;
import dev.quiver.planner.logical.GroupRef;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.physical.Limit;
import dev.quiver.planner.rule.ImplementationRule;
import dev.quiver.planner.rule.Pattern;
import dev.quiver.planner.rule.PhysicalAlternative;
import dev.quiver.planner.rule.RuleContext;
import java.util.List;

/** {@code LogicalLimit → Limit}. */
public final class ImplementLimit implements ImplementationRule {
    private static final Pattern PATTERN = Pattern.of(LogicalLimit.class);

    @Override
    public Pattern pattern() {
        return PATTERN;
    }

    @Override
    public List<PhysicalAlternative> implement(LogicalPlan binding, RuleContext context) {
        LogicalLimit limit = (LogicalLimit) binding.operator();
        List<GroupRef> inputs = binding.inputs().stream().map(i -> (GroupRef) i.operator()).toList();
        return List.of(new PhysicalAlternative(new Limit(limit.limit(), limit.offset()), inputs));
    }
}
