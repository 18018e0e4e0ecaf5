package dev.quiver.planner.rule.normalization;

import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.logical.LogicalFilter;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalValues;
import dev.quiver.planner.rule.Pattern;
import dev.quiver.planner.rule.RuleContext;
import dev.quiver.planner.rule.TransformationRule;
import java.util.List;

/**
 * Simplifies a filter's predicate; a filter that is always TRUE disappears and one that is never
 * TRUE (FALSE or NULL) becomes an empty VALUES with the same columns.
 */
public final class SimplifyFilter implements TransformationRule {
    private static final Pattern PATTERN = Pattern.of(LogicalFilter.class);

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
        Expr simplified = ExpressionSimplifier.simplify(filter.predicate(), context.constants());
        if (simplified.equals(Exprs.TRUE)) {
            return List.of(binding.input(0));
        }
        if (simplified instanceof Literal literal) {
            // FALSE or NULL: no row passes.
            return List.of(LogicalPlan.leaf(new LogicalValues(binding.outputColumns(), List.of())));
        }
        if (simplified.equals(filter.predicate())) {
            return List.of();
        }
        return List.of(LogicalPlan.of(new LogicalFilter(simplified), binding.input(0)));
    }
}
