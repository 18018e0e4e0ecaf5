package dev.quiver.planner.rule.normalization;

import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.logical.LogicalFilter;
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
 * Moves a filter over a join down where the join type allows: into an inner join's condition
 * (from which {@link PushJoinConditionIntoInputs} takes single-side terms further down), and onto a
 * side whose rows the join passes through unchanged (the left side of LEFT, SEMI, ANTI, MARK and
 * SINGLE joins, the right side of RIGHT joins). A term that is NULL or FALSE for NULL-extended rows
 * turns an outer join into an inner (or less outer) one first (Galindo-Legaria and Rosenthal,
 * "Outerjoin Simplification and Reordering", TODS 1997).
 */
public final class PushFilterIntoJoin implements TransformationRule {
    private static final Pattern PATTERN = Pattern.of(LogicalFilter.class, Pattern.of(LogicalJoin.class));

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
        LogicalPlan joinPlan = binding.input(0);
        LogicalJoin join = (LogicalJoin) joinPlan.operator();
        LogicalPlan left = joinPlan.input(0);
        LogicalPlan right = joinPlan.input(1);
        List<Expr> conjuncts = Exprs.conjuncts(filter.predicate());
        JoinType simplified = simplify(join.type(), conjuncts, left.outputColumns(), right.outputColumns());
        if (simplified != join.type()) {
            LogicalPlan rewritten = LogicalPlan.of(new LogicalJoin(simplified, join.condition(), join.mark()), joinPlan.inputs());
            return List.of(LogicalPlan.of(filter, rewritten));
        }
        Set<ColumnRef> leftColumns = new HashSet<>(left.outputColumns());
        Set<ColumnRef> rightColumns = new HashSet<>(right.outputColumns());
        boolean toLeft = join.type() != JoinType.RIGHT && join.type() != JoinType.FULL;
        boolean toRight = join.type() == JoinType.INNER || join.type() == JoinType.RIGHT;
        List<Expr> leftTerms = new ArrayList<>();
        List<Expr> rightTerms = new ArrayList<>();
        List<Expr> joinTerms = new ArrayList<>();
        List<Expr> kept = new ArrayList<>();
        for (Expr c : conjuncts) {
            Set<ColumnRef> columns = Exprs.columns(c);
            if (columns.isEmpty()) {
                kept.add(c);
            } else if (toLeft && leftColumns.containsAll(columns)) {
                leftTerms.add(c);
            } else if (toRight && rightColumns.containsAll(columns)) {
                rightTerms.add(c);
            } else if (join.type() == JoinType.INNER) {
                joinTerms.add(c);
            } else {
                kept.add(c);
            }
        }
        if (leftTerms.isEmpty() && rightTerms.isEmpty() && joinTerms.isEmpty()) {
            return List.of();
        }
        List<Expr> condition = new ArrayList<>(Exprs.conjuncts(join.condition()));
        condition.addAll(joinTerms);
        LogicalPlan rewritten = LogicalPlan.of(new LogicalJoin(join.type(), Exprs.and(condition), join.mark()),
                List.of(filtered(left, leftTerms), filtered(right, rightTerms)));
        return List.of(kept.isEmpty() ? rewritten : LogicalPlan.of(new LogicalFilter(Exprs.and(kept)), rewritten));
    }

    static LogicalPlan filtered(LogicalPlan plan, List<Expr> terms) {
        return terms.isEmpty() ? plan : LogicalPlan.of(new LogicalFilter(Exprs.and(terms)), plan);
    }

    /** The join type once NULL-rejecting filter terms have removed NULL-extended rows. */
    private static JoinType simplify(JoinType type, List<Expr> conjuncts, List<ColumnRef> left, List<ColumnRef> right) {
        boolean rejectsLeftNulls = conjuncts.stream().anyMatch(c -> Exprs.rejectsNulls(c, left));
        boolean rejectsRightNulls = conjuncts.stream().anyMatch(c -> Exprs.rejectsNulls(c, right));
        return switch (type) {
            case LEFT -> rejectsRightNulls ? JoinType.INNER : type;
            case RIGHT -> rejectsLeftNulls ? JoinType.INNER : type;
            case FULL -> rejectsLeftNulls && rejectsRightNulls ? JoinType.INNER
                    : rejectsLeftNulls ? JoinType.LEFT : rejectsRightNulls ? JoinType.RIGHT : type;
            default -> type;
        };
    }
}
