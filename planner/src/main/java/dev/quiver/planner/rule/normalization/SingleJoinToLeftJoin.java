package dev.quiver.planner.rule.normalization;

import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.logical.LogicalJoin;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.UniqueColumns;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.rule.Pattern;
import dev.quiver.planner.rule.RuleContext;
import dev.quiver.planner.rule.TransformationRule;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code SingleJoin → LeftJoin} when the right side cannot produce two matches for one left row:
 * it is unique on columns the condition equates with left-side values (a scalar subquery over a
 * grouped or scalar aggregate). The run-time "more than one row" check is then dead, and a LEFT
 * join can be simplified further (to INNER under a NULL-rejecting filter) and reordered.
 */
public final class SingleJoinToLeftJoin implements TransformationRule {
    private static final Pattern PATTERN = Pattern.of(LogicalJoin.class);

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
        LogicalJoin join = (LogicalJoin) binding.operator();
        if (join.type() != JoinType.SINGLE) {
            return List.of();
        }
        Set<ColumnRef> left = new HashSet<>(binding.input(0).outputColumns());
        Set<ColumnRef> right = new HashSet<>(binding.input(1).outputColumns());
        Set<ColumnRef> bound = new HashSet<>();
        for (Expr c : Exprs.conjuncts(join.condition())) {
            if (c instanceof Call call && (call.function() == Function.EQUAL || call.function() == Function.IS_NOT_DISTINCT_FROM)) {
                for (int side = 0; side < 2; side++) {
                    if (call.argument(side) instanceof ColumnRef r && right.contains(r)
                            && left.containsAll(Exprs.columns(call.argument(1 - side)))) {
                        bound.add(r);
                    }
                }
            }
        }
        if (!UniqueColumns.isUniqueOn(binding.input(1), bound)) {
            return List.of();
        }
        return List.of(LogicalPlan.of(new LogicalJoin(JoinType.LEFT, join.condition()), binding.inputs()));
    }
}
