package dev.quiver.planner.rule.normalization;

import static dev.quiver.planner.PlanFixtures.INTEGER_FOLDING;
import static dev.quiver.planner.PlanFixtures.and;
import static dev.quiver.planner.PlanFixtures.bool;
import static dev.quiver.planner.PlanFixtures.divide;
import static dev.quiver.planner.PlanFixtures.gt;
import static dev.quiver.planner.PlanFixtures.integer;
import static dev.quiver.planner.PlanFixtures.lt;
import static dev.quiver.planner.PlanFixtures.not;
import static dev.quiver.planner.PlanFixtures.nullBoolean;
import static dev.quiver.planner.PlanFixtures.or;
import static dev.quiver.planner.PlanFixtures.plus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.CaseWhen;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.rule.ConstantEvaluator;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The identities must hold in SQL's three-valued logic for x and y each TRUE, FALSE or NULL. Each
 * rewrite below is one of those (checked by the truth tables in {@link #identitiesHoldForEveryTruthValue}).
 */
class ExpressionSimplifierTest {
    private static final ColumnRef A = new ColumnRef(0, "a", DataType.INTEGER);
    private static final Expr X = gt(A, integer(1));
    private static final Expr Y = lt(A, integer(10));
    private static final Expr TRUE = bool(true);
    private static final Expr FALSE = bool(false);
    private static final Expr NULL = nullBoolean();

    private static Expr simplify(Expr e) {
        return ExpressionSimplifier.simplify(e, ConstantEvaluator.NONE);
    }

    @Test
    void andIdentities() {
        assertThat(simplify(and(X, TRUE))).isEqualTo(X);
        assertThat(simplify(and(TRUE, X))).isEqualTo(X);
        assertThat(simplify(and(X, FALSE))).isEqualTo(FALSE);
        assertThat(simplify(and(FALSE, X))).isEqualTo(FALSE);
        assertThat(simplify(and(NULL, FALSE))).isEqualTo(FALSE);
        assertThat(simplify(and(TRUE, TRUE))).isEqualTo(TRUE);
        assertThat(simplify(and(X, X))).isEqualTo(X);
        assertThat(simplify(and(and(X, Y), X))).isEqualTo(and(X, Y));
        // x AND NULL is NULL or FALSE depending on x: kept.
        assertThat(simplify(and(X, NULL))).isEqualTo(and(X, NULL));
        assertThat(simplify(and(X, Y))).isEqualTo(and(X, Y));
    }

    @Test
    void orIdentities() {
        assertThat(simplify(or(X, TRUE))).isEqualTo(TRUE);
        assertThat(simplify(or(TRUE, X))).isEqualTo(TRUE);
        assertThat(simplify(or(NULL, TRUE))).isEqualTo(TRUE);
        assertThat(simplify(or(X, FALSE))).isEqualTo(X);
        assertThat(simplify(or(FALSE, FALSE))).isEqualTo(FALSE);
        assertThat(simplify(or(X, X))).isEqualTo(X);
        assertThat(simplify(or(or(X, Y), Y))).isEqualTo(or(X, Y));
        // x OR NULL is NULL or TRUE depending on x: kept.
        assertThat(simplify(or(X, NULL))).isEqualTo(or(X, NULL));
        assertThat(simplify(or(NULL, NULL))).as("NULL OR NULL is NULL").isEqualTo(NULL);
    }

    @Test
    void aStrictFunctionOfANullConstantIsNullWithoutEvaluatingItsOtherArguments() {
        Expr failing = divide(A, integer(0));
        Literal nullInteger = Literal.nullOf(DataType.INTEGER);
        assertThat(simplify(plus(failing, nullInteger))).isEqualTo(Literal.nullOf(plus(failing, nullInteger).type()));
        assertThat(simplify(gt(failing, nullInteger))).isEqualTo(NULL);
        // Bottom up: the NULL reaches the outer comparison, then NOT.
        assertThat(simplify(not(gt(plus(A, nullInteger), integer(1))))).isEqualTo(NULL);
        // AND/OR are not strict: x AND NULL depends on x.
        assertThat(simplify(and(X, NULL))).isEqualTo(and(X, NULL));
        // A strict function without a NULL constant is kept.
        assertThat(simplify(plus(failing, integer(1)))).isEqualTo(plus(failing, integer(1)));
    }

    @Test
    void anEmptyInListIsFalseWithoutEvaluatingItsValue() {
        Expr failing = divide(A, integer(0));
        Expr emptyIn = new Call(Function.IN, List.of(failing), DataType.BOOLEAN);
        assertThat(simplify(emptyIn)).isEqualTo(FALSE);
        assertThat(simplify(not(emptyIn))).isEqualTo(not(FALSE));
        assertThat(simplify(or(X, emptyIn))).isEqualTo(X);
        assertThat(simplify(new Call(Function.IN, List.of(Literal.nullOf(DataType.INTEGER)), DataType.BOOLEAN))).isEqualTo(FALSE);
        // With items, IN is kept.
        Expr in = new Call(Function.IN, List.of(A, integer(1)), DataType.BOOLEAN);
        assertThat(simplify(in)).isEqualTo(in);
    }

    @Test
    void negation() {
        assertThat(simplify(not(not(X)))).isEqualTo(X);
        assertThat(simplify(not(not(not(X))))).isEqualTo(not(X));
        assertThat(simplify(not(X))).isEqualTo(not(X));
        // Without an evaluator NOT TRUE is not folded: the simplifier itself only applies identities.
        assertThat(simplify(not(TRUE))).isEqualTo(not(TRUE));
    }

    @Test
    void identitiesApplyBottomUp() {
        assertThat(simplify(and(or(X, FALSE), TRUE))).isEqualTo(X);
        assertThat(simplify(or(and(X, FALSE), Y))).isEqualTo(Y);
        assertThat(simplify(not(not(and(X, TRUE))))).isEqualTo(X);
        assertThat(simplify(and(X, or(Y, TRUE)))).isEqualTo(X);
    }

    /** Three-valued AND/OR/NOT over Boolean, null meaning unknown. */
    private static Boolean and3(Boolean a, Boolean b) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
            return false;
        }
        return a == null || b == null ? null : true;
    }

    private static Boolean or3(Boolean a, Boolean b) {
        if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
            return true;
        }
        return a == null || b == null ? null : false;
    }

    @Test
    void termsEveryDisjunctSharesAreFactoredOut() {
        Expr z = gt(A, integer(5));
        Expr w = lt(A, integer(7));
        assertThat(simplify(or(and(X, Y), and(X, z), and(w, X)))).isEqualTo(and(X, or(Y, z, w)));
        // A disjunct that is only the common part absorbs the others: (x AND y) OR x = x.
        assertThat(simplify(or(and(X, Y), X))).isEqualTo(X);
        // Nothing shared: unchanged.
        assertThat(simplify(or(and(X, Y), and(z, w)))).isEqualTo(or(and(X, Y), and(z, w)));
        // Distributivity holds for every truth value.
        List<Boolean> values = new ArrayList<>(java.util.Arrays.asList(true, false, null));
        for (Boolean x : values) {
            for (Boolean y : values) {
                for (Boolean v : values) {
                    assertThat(or3(and3(x, y), and3(x, v))).isEqualTo(and3(x, or3(y, v)));
                }
            }
        }
    }

    @Test
    void identitiesHoldForEveryTruthValue() {
        List<Boolean> values = new ArrayList<>();
        values.add(true);
        values.add(false);
        values.add(null);
        for (Boolean x : values) {
            assertThat(and3(x, true)).isEqualTo(x);
            assertThat(and3(x, false)).isEqualTo(false);
            assertThat(or3(x, true)).isEqualTo(true);
            assertThat(or3(x, false)).isEqualTo(x);
            assertThat(and3(x, x)).isEqualTo(x);
            assertThat(or3(x, x)).isEqualTo(x);
            Boolean notX = x == null ? null : !x;
            assertThat(notX == null ? null : !notX).isEqualTo(x);
            // The ones the simplifier must NOT apply: x AND NULL = NULL, x OR NULL = NULL fail for some x.
        }
        assertThat(and3(false, null)).isNotNull();
        assertThat(or3(true, null)).isNotNull();
    }

    @Test
    void caseBranchesWithConstantConditions() {
        Expr one = integer(1);
        Expr two = integer(2);
        Expr three = integer(3);
        CaseWhen.WhenThen never = new CaseWhen.WhenThen(FALSE, one);
        CaseWhen.WhenThen unknown = new CaseWhen.WhenThen(NULL, one);
        CaseWhen.WhenThen onX = new CaseWhen.WhenThen(X, two);
        CaseWhen.WhenThen always = new CaseWhen.WhenThen(TRUE, three);
        // FALSE and NULL conditions are never taken.
        assertThat(simplify(new CaseWhen(List.of(never, onX), integer(4), DataType.INTEGER)))
                .isEqualTo(new CaseWhen(List.of(onX), integer(4), DataType.INTEGER));
        assertThat(simplify(new CaseWhen(List.of(unknown, never), integer(4), DataType.INTEGER))).isEqualTo(integer(4));
        // A TRUE condition ends the CASE: it becomes the ELSE.
        assertThat(simplify(new CaseWhen(List.of(onX, always, new CaseWhen.WhenThen(Y, one)), integer(4), DataType.INTEGER)))
                .isEqualTo(new CaseWhen(List.of(onX), three, DataType.INTEGER));
        assertThat(simplify(new CaseWhen(List.of(never, always, onX), integer(4), DataType.INTEGER))).isEqualTo(three);
        // Nothing constant: unchanged (the same object).
        CaseWhen plain = new CaseWhen(List.of(onX), integer(4), DataType.INTEGER);
        assertThat(simplify(plain)).isSameAs(plain);
        // A condition that simplifies to a constant counts too.
        assertThat(simplify(new CaseWhen(List.of(new CaseWhen.WhenThen(and(X, FALSE), one)), two, DataType.INTEGER))).isEqualTo(two);
    }

    @Test
    void foldsConstantsWithTheEvaluator() {
        assertThat(ExpressionSimplifier.simplify(gt(A, plus(integer(1), integer(2))), INTEGER_FOLDING)).isEqualTo(gt(A, integer(3)));
        assertThat(ExpressionSimplifier.simplify(and(lt(integer(1), integer(2)), X), INTEGER_FOLDING)).isEqualTo(X);
        assertThat(ExpressionSimplifier.simplify(or(lt(integer(2), integer(1)), X), INTEGER_FOLDING)).isEqualTo(X);
        assertThat(ExpressionSimplifier.simplify(not(TRUE), INTEGER_FOLDING)).isEqualTo(FALSE);
        // Without one, nothing is folded.
        assertThat(simplify(gt(A, plus(integer(1), integer(2))))).isEqualTo(gt(A, plus(integer(1), integer(2))));
    }

    @Test
    void aConstantThatFailsToEvaluateIsKeptForRunTime() {
        Expr failing = gt(A, divide(integer(1), integer(0)));
        assertThat(ExpressionSimplifier.simplify(failing, INTEGER_FOLDING)).isEqualTo(failing);
    }

    @Test
    void theEvaluatorOnlySeesConstantNonLiteralExpressions() {
        List<Expr> asked = new ArrayList<>();
        ConstantEvaluator recording = e -> {
            asked.add(e);
            return Optional.empty();
        };
        ExpressionSimplifier.simplify(and(gt(A, plus(integer(1), integer(2))), Exprs.TRUE), recording);
        assertThat(asked).containsExactly(plus(integer(1), integer(2)));
        assertThat(asked).noneMatch(e -> e instanceof Literal);
    }
}
