package dev.quiver.planner.rule.implementation;

import dev.quiver.planner.logical.GroupRef;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalUnionAll;
import dev.quiver.planner.physical.UnionAll;
import dev.quiver.planner.rule.ImplementationRule;
import dev.quiver.planner.rule.Pattern;
import dev.quiver.planner.rule.PhysicalAlternative;
import dev.quiver.planner.rule.RuleContext;
import java.util.List;

/** {@code LogicalUnionAll → UnionAll}. */
public final class ImplementUnionAll implements ImplementationRule {
    private static final Pattern PATTERN = Pattern.of(LogicalUnionAll.class);

    @Override
    public Pattern pattern() {
        return PATTERN;
    }

    @Override
    public List<PhysicalAlternative> implement(LogicalPlan binding, RuleContext context) {
        LogicalUnionAll union = (LogicalUnionAll) binding.operator();
        List<GroupRef> inputs = binding.inputs().stream().map(i -> (GroupRef) i.operator()).toList();
        return List.of(new PhysicalAlternative(new UnionAll(union.columns(), union.inputColumns()), inputs));
    }
}
