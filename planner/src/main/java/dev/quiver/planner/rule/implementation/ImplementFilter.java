package dev.quiver.planner.rule.implementation;

import dev.quiver.planner.logical.LogicalFilter;
import dev.quiver.planner.logical.GroupRef;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.physical.Filter;
import dev.quiver.planner.rule.ImplementationRule;
import dev.quiver.planner.rule.Pattern;
import dev.quiver.planner.rule.PhysicalAlternative;
import dev.quiver.planner.rule.RuleContext;
import java.util.List;

/** {@code LogicalFilter → Filter}. */
public final class ImplementFilter implements ImplementationRule {
    private static final Pattern PATTERN = Pattern.of(LogicalFilter.class);

    @Override
    public Pattern pattern() {
        return PATTERN;
    }

    @Override
    public List<PhysicalAlternative> implement(LogicalPlan binding, RuleContext context) {
        LogicalFilter filter = (LogicalFilter) binding.operator();
        List<GroupRef> inputs = binding.inputs().stream().map(i -> (GroupRef) i.operator()).toList();
        return List.of(new PhysicalAlternative(new Filter(filter.predicate()), inputs));
    }
}
