package dev.quiver.planner.cost;

import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.Cast;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.memo.LogicalProperties;
import dev.quiver.planner.type.DataType;
import dev.quiver.planner.type.TypeId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which a filter tests its conjuncts: by rank, {@code (selectivity - 1) / cost},
 * lowest first, so that a cheap conjunct rejecting many rows runs before an expensive one and the
 * expensive one sees only the rows left (the rank ordering of independent predicates is the
 * optimal one: Hellerstein and Stonebraker, "Predicate Migration: Optimizing Queries with
 * Expensive Predicates", SIGMOD 1993, after Monma and Sidney's sequencing result). Both execution
 * paths evaluate conjuncts in the predicate's order, narrowing the selection as they go.
 *
 * <p>Reordering must not change what a query does, and a conjunct that can raise an error (an
 * overflow, a division by zero, a failing cast) might then raise it for a row an earlier conjunct
 * used to reject. So a predicate is reordered only when every conjunct is error-free by {@link
 * #cannotFail}; otherwise it keeps the order it was written in. Conjuncts of equal rank keep their
 * order too.
 */
public final class ConjunctOrder {
    /** Cost of a comparison of two fixed-width values: the unit. */
    static final double FIXED_COMPARISON = 1;
    /** A string comparison reads lengths and bytes out of line, several times a fixed-width one. */
    static final double STRING_COMPARISON = 4;
    /** LIKE matches a pattern over the bytes: several string comparisons' work. */
    static final double PATTERN_MATCH = 8;
    /** Any other operation (a cast, IS NULL, a Boolean connective's own work). */
    static final double OTHER = 1;
    /** A floor under a conjunct's cost (a bare Boolean column): ranks stay finite. */
    static final double MIN_COST = 0.5;

    private ConjunctOrder() {
    }

    /** {@code predicate} with its conjuncts in rank order over rows of {@code input}, or unchanged (see the class). */
    public static Expr order(Expr predicate, LogicalProperties input) {
        List<Expr> conjuncts = Exprs.conjuncts(predicate);
        if (conjuncts.size() < 2 || !conjuncts.stream().allMatch(ConjunctOrder::cannotFail)) {
            return predicate;
        }
        List<Expr> ordered = new ArrayList<>(conjuncts);
        // List.sort is stable: equal ranks keep the written order.
        ordered.sort(Comparator.comparingDouble(c -> rank(c, input)));
        return ordered.equals(conjuncts) ? predicate : Exprs.and(ordered);
    }

    /** {@code (selectivity - 1) / cost}: negative, lowest for the conjuncts that should run first. */
    static double rank(Expr conjunct, LogicalProperties input) {
        return (FilterSelectivity.of(conjunct, input) - 1) / Math.max(MIN_COST, cost(conjunct));
    }

    /** A row's cost of evaluating {@code e}, in fixed-width comparisons. */
    static double cost(Expr e) {
        if (e instanceof ColumnRef || e instanceof Literal) {
            return 0;
        }
        if (e instanceof Cast c) {
            return (c.input().type().isString() && c.type().isString() ? 0 : OTHER) + cost(c.input());
        }
        if (!(e instanceof Call c)) {
            return OTHER;
        }
        if (c.function().isComparison()) {
            return comparison(c.argument(0)) + arguments(c);
        }
        return switch (c.function()) {
            // One comparison per list item.
            case IN -> (c.arguments().size() - 1) * comparison(c.argument(0)) + arguments(c);
            case LIKE, ILIKE -> PATTERN_MATCH + arguments(c);
            case AND, OR, NOT -> arguments(c);
            default -> OTHER + arguments(c);
        };
    }

    private static double comparison(Expr operand) {
        return operand.type().isString() ? STRING_COMPARISON : FIXED_COMPARISON;
    }

    private static double arguments(Call c) {
        double sum = 0;
        for (Expr a : c.arguments()) {
            sum += cost(a);
        }
        return sum;
    }

    /**
     * Whether evaluating {@code e} can raise no error for any row: columns, literals, comparisons and
     * IN lists of one type, LIKE with a literal pattern, the functions {@link Function#canFail} calls
     * safe, all over such, and casts that widen (a string to a string at least as long, an integer or
     * decimal to one with as many digits left and right of the point, a date to a timestamp).
     * Anything else might fail.
     */
    static boolean cannotFail(Expr e) {
        if (e instanceof ColumnRef || e instanceof Literal) {
            return true;
        }
        if (e instanceof Cast c) {
            return widens(c.input().type(), c.type()) && cannotFail(c.input());
        }
        if (!(e instanceof Call c)) {
            return false;
        }
        Function f = c.function();
        boolean itself = f.isComparison() || f == Function.IN ? comparable(c)
                // A literal pattern is compiled, and any error in it raised, before the first row.
                : f == Function.LIKE || f == Function.ILIKE ? c.arguments().size() == 2 && c.argument(1) instanceof Literal
                : !f.canFail();
        return itself && c.arguments().stream().allMatch(ConjunctOrder::cannotFail);
    }

    /** Whether a comparison's operands have one type (decimals of one scale): comparing them rescales nothing. */
    private static boolean comparable(Call c) {
        DataType first = c.argument(0).type();
        for (Expr a : c.arguments()) {
            DataType t = a.type();
            boolean same = t.id() == first.id() && (!t.isDecimal() || t.scale() == first.scale());
            if (!same && !a.type().isUnknown()) {
                return false;
            }
        }
        return true;
    }

    private static boolean widens(DataType from, DataType to) {
        if (from.isString() && to.isString()) {
            return to.maxLength() == 0 || (from.maxLength() != 0 && from.maxLength() <= to.maxLength());
        }
        if (from.isIntegral() && to.isIntegral()) {
            return to.integerDigits() >= from.integerDigits();
        }
        if (from.isExactNumeric() && to.isDecimal()) {
            // An integer is a decimal of scale 0 with its type's digits.
            int fromScale = from.isDecimal() ? from.scale() : 0;
            return to.scale() >= fromScale && to.integerDigits() >= from.integerDigits();
        }
        return from.id() == TypeId.DATE && to.id() == TypeId.TIMESTAMP || from.equals(to);
    }
}
