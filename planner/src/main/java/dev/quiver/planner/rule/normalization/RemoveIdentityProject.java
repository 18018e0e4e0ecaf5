package dev.quiver.planner.rule.normalization;

import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.rule.Pattern;
import dev.quiver.planner.rule.RuleContext;
import dev.quiver.planner.rule.TransformationRule;
import java.util.List;

/** A projection that passes its input's columns through unchanged, in the same order, is removed. */
public final class RemoveIdentityProject implements TransformationRule {
    private static final Pattern PATTERN = Pattern.of(LogicalProject.class);

    @Override
    public Pattern pattern() {
        return PATTERN;
    }

    @Override
    public Kind kind() {
        return Kind.NORMALIZATION;
    }

    @Override
    public List<LogicalPlan> apply(LogicalPlan binding, RuleContext context) {
        LogicalProject project = (LogicalProject) binding.operator();
        boolean identity = project.assignments().stream().allMatch(Assignment::isIdentity)
                && binding.outputColumns().equals(binding.input(0).outputColumns());
        return identity ? List.of(binding.input(0)) : List.of();
    }
}
