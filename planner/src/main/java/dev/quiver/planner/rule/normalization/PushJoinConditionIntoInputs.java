package dev.quiver.planner.rule.normalization;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.logical.LogicalJoin;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.rule.Pattern;
import dev.quiver.planner.rule.RuleContext;
import dev.quiver.planner.rule.TransformationRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Moves terms of a join condition that read only one side into a filter on that side, where that
 * does not change which rows the join preserves: left-side terms of INNER, SEMI and RIGHT joins
 * (rows failing them could never match), right-side terms of INNER, LEFT, SEMI, ANTI and SINGLE
 * joins, and of MARK joins when the term is never NULL (a NULL term would make the mark NULL rather
 * than FALSE).
 */
public final class PushJoinConditionIntoInputs implements TransformationRule {
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
        JoinType type = join.type();
        Set<ColumnRef> leftColumns = new HashSet<>(binding.input(0).outputColumns());
        Set<ColumnRef> rightColumns = new HashSet<>(binding.input(1).outputColumns());
        boolean leftAllowed = type == JoinType.INNER || type == JoinType.SEMI || type == JoinType.RIGHT;
        List<Expr> leftTerms = new ArrayList<>();
        List<Expr> rightTerms = new ArrayList<>();
        List<Expr> kept = new ArrayList<>();
        for (Expr c : Exprs.conjuncts(join.condition())) {
            Set<ColumnRef> columns = Exprs.columns(c);
            if (columns.isEmpty()) {
                kept.add(c);
            } else if (leftAllowed && leftColumns.containsAll(columns)) {
                leftTerms.add(c);
            } else if (rightColumns.containsAll(columns) && rightAllowed(type, c)) {
                rightTerms.add(Exprs.withoutIsTrue(c));
            } else {
                kept.add(c);
            }
        }
        if (leftTerms.isEmpty() && rightTerms.isEmpty()) {
            return List.of();
        }
        return List.of(LogicalPlan.of(new LogicalJoin(type, Exprs.and(kept), join.mark()),
                List.of(PushFilterIntoJoin.filtered(binding.input(0), leftTerms),
                        PushFilterIntoJoin.filtered(binding.input(1), rightTerms))));
    }

    private static boolean rightAllowed(JoinType type, Expr term) {
        return switch (type) {
            case INNER, LEFT, SEMI, ANTI, SINGLE -> true;
            case MARK -> Exprs.neverNull(term);
            default -> false;
        };
    }
}
