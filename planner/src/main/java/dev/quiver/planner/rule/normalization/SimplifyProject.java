package dev.quiver.planner.rule.normalization;

import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.rule.Pattern;
import dev.quiver.planner.rule.RuleContext;
import dev.quiver.planner.rule.TransformationRule;
import java.util.List;

/** Folds constants and simplifies logic in every projected expression. */
public final class SimplifyProject implements TransformationRule {
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
        List<Assignment> simplified = project.assignments().stream()
                .map(a -> new Assignment(a.output(), ExpressionSimplifier.simplify(a.expression(), context.constants())))
                .toList();
        if (simplified.equals(project.assignments())) {
            return List.of();
        }
        return List.of(LogicalPlan.of(new LogicalProject(simplified), binding.input(0)));
    }
}
