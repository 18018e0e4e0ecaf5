package dev.quiver.planner.rule.normalization;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.logical.LogicalFilter;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.rule.Pattern;
import dev.quiver.planner.rule.RuleContext;
import dev.quiver.planner.rule.TransformationRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Filter(p, Project(a, x)) → Project(a, Filter(p[a], x))}: filter before computing the
 * projection, so fewer rows are projected and the filter can reach the scan. The predicate is
 * rewritten in terms of {@code x} by substituting the projected expressions. Guard: the predicate
 * refers only to columns the projection defines (always true for a well-formed plan).
 */
public final class PushFilterThroughProject implements TransformationRule {
    private static final Pattern PATTERN = Pattern.of(LogicalFilter.class, Pattern.of(LogicalProject.class));

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
        LogicalFilter filter = (LogicalFilter) binding.operator();
        LogicalPlan projectPlan = binding.input(0);
        LogicalProject project = (LogicalProject) projectPlan.operator();
        Map<ColumnRef, Expr> definitions = new HashMap<>();
        for (Assignment a : project.assignments()) {
            definitions.put(a.output(), a.expression());
        }
        if (!definitions.keySet().containsAll(Exprs.columns(filter.predicate()))) {
            return List.of();
        }
        Expr pushed = Exprs.substitute(filter.predicate(), definitions);
        LogicalPlan filtered = LogicalPlan.of(new LogicalFilter(pushed), projectPlan.input(0));
        return List.of(LogicalPlan.of(project, filtered));
    }
}
