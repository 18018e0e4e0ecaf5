package dev.quiver.planner.rule.implementation;

import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.logical.GroupRef;
import dev.quiver.planner.logical.LogicalJoin;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.physical.HashJoin;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.rule.ImplementationRule;
import dev.quiver.planner.rule.Pattern;
import dev.quiver.planner.rule.PhysicalAlternative;
import dev.quiver.planner.rule.RuleContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code LogicalJoin → HashJoin}. Equalities between an expression of each side become hash keys:
 * {@code a = b} (and {@code (a = b) IS TRUE}) a key where NULL never matches, {@code a IS NOT
 * DISTINCT FROM b} a null-safe one; every other term is the residual. A MARK join's mark must be
 * NULL where a term is NULL, so there plain equalities stay in the residual, except the lone
 * equality of an uncorrelated IN, which the hash join evaluates null-aware. Without keys the hash
 * join degenerates to a nested loop. Proposes building on the right input, and for joins that can
 * be mirrored ({@link JoinType#mirrored}: all but MARK and SINGLE) also on the left, for the cost
 * model to choose: a SEMI or ANTI join then builds on the rows it returns (RIGHT_SEMI, RIGHT_ANTI).
 */
public final class ImplementHashJoin implements ImplementationRule {
    private static final Pattern PATTERN = Pattern.of(LogicalJoin.class);

    @Override
    public Pattern pattern() {
        return PATTERN;
    }

    private record Keys(List<Expr> left, List<Expr> right, List<Boolean> nullSafe, List<Expr> residual) {
    }

    @Override
    public List<PhysicalAlternative> implement(LogicalPlan binding, RuleContext context) {
        LogicalJoin join = (LogicalJoin) binding.operator();
        GroupRef left = (GroupRef) binding.input(0).operator();
        GroupRef right = (GroupRef) binding.input(1).operator();
        Keys keys = keys(join, new HashSet<>(binding.input(0).outputColumns()), new HashSet<>(binding.input(1).outputColumns()));
        Optional<Expr> residual = keys.residual().isEmpty() ? Optional.empty() : Optional.of(Exprs.and(keys.residual()));
        if (join.type() == JoinType.MARK && residual.isEmpty() && keys.left().size() == 1 && !keys.nullSafe().get(0)
                && !isPlainEquality(join.condition())) {
            // One "(a = b) IS TRUE" key: a NULL key means FALSE here, not the null-aware NULL of IN.
            residual = Optional.of(Exprs.TRUE);
        }
        List<PhysicalAlternative> alternatives = new ArrayList<>();
        alternatives.add(new PhysicalAlternative(
                new HashJoin(join.type(), keys.left(), keys.right(), keys.nullSafe(), residual, join.mark()), List.of(left, right)));
        Optional<JoinType> mirrored = join.type().mirrored();
        if (mirrored.isPresent()) {
            alternatives.add(new PhysicalAlternative(new HashJoin(mirrored.get(), keys.right(), keys.left(), keys.nullSafe(),
                    residual, join.mark()), List.of(right, left)));
        }
        return alternatives;
    }

    private static Keys keys(LogicalJoin join, Set<ColumnRef> leftColumns, Set<ColumnRef> rightColumns) {
        List<Expr> left = new ArrayList<>();
        List<Expr> right = new ArrayList<>();
        List<Boolean> nullSafe = new ArrayList<>();
        List<Expr> residual = new ArrayList<>();
        List<Expr> conjuncts = Exprs.conjuncts(join.condition());
        for (Expr c : conjuncts) {
            Optional<Call> equality = equality(c);
            boolean plainEquality = equality.isPresent() && equality.get() == c && equality.get().function() == Function.EQUAL;
            boolean usable = equality.isPresent() && (join.type() != JoinType.MARK || !plainEquality
                    || conjuncts.size() == 1);
            if (usable && addKey(equality.get(), leftColumns, rightColumns, left, right)) {
                nullSafe.add(equality.get().function() == Function.IS_NOT_DISTINCT_FROM);
            } else {
                residual.add(c);
            }
        }
        return new Keys(left, right, nullSafe, residual);
    }

    private static boolean isPlainEquality(Expr condition) {
        return condition instanceof Call c && c.function() == Function.EQUAL;
    }

    /** {@code a = b}, {@code a IS NOT DISTINCT FROM b}, or the {@code a = b} of {@code (a = b) IS TRUE}. */
    private static Optional<Call> equality(Expr c) {
        if (!(c instanceof Call call)) {
            return Optional.empty();
        }
        if (call.function() == Function.EQUAL) {
            return Optional.of(call);
        }
        if (call.function() == Function.IS_NOT_DISTINCT_FROM) {
            Expr unwrapped = Exprs.withoutIsTrue(call);
            if (unwrapped != call) {
                return unwrapped instanceof Call inner && inner.function() == Function.EQUAL ? Optional.of(inner) : Optional.empty();
            }
            return Optional.of(call);
        }
        return Optional.empty();
    }

    private static boolean addKey(Call equality, Set<ColumnRef> leftColumns, Set<ColumnRef> rightColumns,
            List<Expr> left, List<Expr> right) {
        Expr a = equality.argument(0);
        Expr b = equality.argument(1);
        if (side(a, leftColumns) && side(b, rightColumns)) {
            left.add(a);
            right.add(b);
            return true;
        }
        if (side(b, leftColumns) && side(a, rightColumns)) {
            left.add(b);
            right.add(a);
            return true;
        }
        return false;
    }

    private static boolean side(Expr e, Set<ColumnRef> columns) {
        Set<ColumnRef> used = Exprs.columns(e);
        return !used.isEmpty() && columns.containsAll(used);
    }
}
