package dev.quiver.planner.rule.implementation;

import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.logical.GroupRef;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.physical.Project;
import dev.quiver.planner.rule.ImplementationRule;
import dev.quiver.planner.rule.Pattern;
import dev.quiver.planner.rule.PhysicalAlternative;
import dev.quiver.planner.rule.RuleContext;
import java.util.List;

/** {@code LogicalProject → Project}. */
public final class ImplementProject implements ImplementationRule {
    private static final Pattern PATTERN = Pattern.of(LogicalProject.class);

    @Override
    public Pattern pattern() {
        return PATTERN;
    }

    @Override
    public List<PhysicalAlternative> implement(LogicalPlan binding, RuleContext context) {
        LogicalProject project = (LogicalProject) binding.operator();
        List<GroupRef> inputs = binding.inputs().stream().map(i -> (GroupRef) i.operator()).toList();
        return List.of(new PhysicalAlternative(new Project(project.assignments()), inputs));
    }
}
