package dev.quiver.planner.rule.implementation;

import dev.quiver.planner.logical.LogicalValues;
import dev.quiver.planner.logical.GroupRef;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.physical.Values;
import dev.quiver.planner.rule.ImplementationRule;
import dev.quiver.planner.rule.Pattern;
import dev.quiver.planner.rule.PhysicalAlternative;
import dev.quiver.planner.rule.RuleContext;
import java.util.List;

/** {@code LogicalValues → Values}. */
public final class ImplementValues implements ImplementationRule {
    private static final Pattern PATTERN = Pattern.of(LogicalValues.class);

    @Override
    public Pattern pattern() {
        return PATTERN;
    }

    @Override
    public List<PhysicalAlternative> implement(LogicalPlan binding, RuleContext context) {
        LogicalValues values = (LogicalValues) binding.operator();
        List<GroupRef> inputs = binding.inputs().stream().map(i -> (GroupRef) i.operator()).toList();
        return List.of(new PhysicalAlternative(new Values(values.columns(), values.rows()), inputs));
    }
}
