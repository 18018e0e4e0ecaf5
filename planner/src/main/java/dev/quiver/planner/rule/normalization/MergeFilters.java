package dev.quiver.planner.rule.normalization;

import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.logical.LogicalFilter;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.rule.Pattern;
import dev.quiver.planner.rule.RuleContext;
import dev.quiver.planner.rule.TransformationRule;
import java.util.List;

/** {@code Filter(p, Filter(q, x)) → Filter(q AND p, x)}: one predicate, evaluated conjunct by conjunct. */
public final class MergeFilters implements TransformationRule {
    private static final Pattern PATTERN = Pattern.of(LogicalFilter.class, Pattern.of(LogicalFilter.class));

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
        LogicalFilter outer = (LogicalFilter) binding.operator();
        LogicalPlan innerPlan = binding.input(0);
        LogicalFilter inner = (LogicalFilter) innerPlan.operator();
        return List.of(LogicalPlan.of(new LogicalFilter(Exprs.and(List.of(inner.predicate(), outer.predicate()))),
                innerPlan.input(0)));
    }
}
