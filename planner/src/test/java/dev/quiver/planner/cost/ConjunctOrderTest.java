package dev.quiver.planner.cost;

import static dev.quiver.planner.PlanFixtures.and;
import static dev.quiver.planner.PlanFixtures.call;
import static dev.quiver.planner.PlanFixtures.divide;
import static dev.quiver.planner.PlanFixtures.eq;
import static dev.quiver.planner.PlanFixtures.gt;
import static dev.quiver.planner.PlanFixtures.integer;
import static dev.quiver.planner.PlanFixtures.lt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.planner.TestCatalog;
import dev.quiver.planner.catalog.ColumnStatistics;
import dev.quiver.planner.expr.Cast;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.memo.LogicalProperties;
import dev.quiver.planner.memo.LogicalProperties.ColumnOrigin;
import dev.quiver.planner.type.DataType;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Conjuncts in rank order: cheap and selective first, and nothing reordered that could raise an error. */
class ConjunctOrderTest {
    /** a: INTEGER 1..100, 100 distinct values. */
    private final ColumnRef a = new ColumnRef(0, "a", DataType.INTEGER);
    /** s: VARCHAR(10), 4 distinct values. */
    private final ColumnRef s = new ColumnRef(1, "s", DataType.varchar(10));
    private final LogicalProperties input;

    ConjunctOrderTest() {
        TestCatalog.Table table = new TestCatalog.Table("t", List.of(TestCatalog.column("a", DataType.INTEGER),
                TestCatalog.column("s", DataType.varchar(10))), 1000)
                .withStatistics("a", new ColumnStatistics(0, OptionalLong.of(100), OptionalDouble.of(1), OptionalDouble.of(100)))
                .withStatistics("s", new ColumnStatistics(0, OptionalLong.of(4), OptionalDouble.empty(), OptionalDouble.empty()));
        input = new LogicalProperties(List.of(a, s), 1000, Map.of(a, new ColumnOrigin(table, 0), s, new ColumnOrigin(table, 1)));
    }

    private Expr sIn(String... values) {
        Expr[] args = new Expr[values.length + 1];
        args[0] = new Cast(s, DataType.VARCHAR);
        for (int i = 0; i < values.length; i++) {
            args[i + 1] = Literal.of(values[i], DataType.VARCHAR);
        }
        return call(Function.IN, DataType.BOOLEAN, args);
    }

    @Test
    void aCheapSelectiveConjunctRunsBeforeAnExpensiveOne() {
        // s IN (2 of 4 values) keeps half the rows at eight string comparisons; a < 11 keeps a tenth at one.
        Expr strings = sIn("x", "y");
        Expr range = lt(a, integer(11));
        assertThat(ConjunctOrder.order(and(strings, range), input)).isEqualTo(and(range, strings));
        assertThat(ConjunctOrder.rank(range, input)).isLessThan(ConjunctOrder.rank(strings, input));
    }

    @Test
    void ofTwoEquallyCheapConjunctsTheMoreSelectiveRunsFirst() {
        Expr wide = gt(a, integer(10));
        Expr narrow = lt(a, integer(21));
        assertThat(ConjunctOrder.order(and(wide, narrow), input)).isEqualTo(and(narrow, wide));
        // Already in order, or of equal rank: the very same predicate.
        Expr ordered = and(narrow, wide);
        assertThat(ConjunctOrder.order(ordered, input)).isSameAs(ordered);
        Expr same = and(lt(a, integer(50)), lt(a, integer(50)));
        assertThat(ConjunctOrder.order(same, input)).isSameAs(same);
    }

    @Test
    void aConjunctThatMightFailKeepsTheWrittenOrder() {
        // 100 / a > 5 might divide by zero for a row the string test would have rejected first.
        Expr division = gt(divide(integer(100), a), integer(5));
        Expr strings = sIn("x", "y");
        Expr predicate = and(strings, division);
        assertThat(ConjunctOrder.cannotFail(division)).isFalse();
        assertThat(ConjunctOrder.order(predicate, input)).isSameAs(predicate);
    }

    @Test
    void onlyWideningCastsCannotFail() {
        assertThat(ConjunctOrder.cannotFail(eq(new Cast(s, DataType.VARCHAR), Literal.of("x", DataType.VARCHAR)))).isTrue();
        assertThat(ConjunctOrder.cannotFail(eq(new Cast(s, DataType.varchar(3)), Literal.of("x", DataType.varchar(3))))).isFalse();
        assertThat(ConjunctOrder.cannotFail(eq(new Cast(a, DataType.BIGINT), Literal.of(7L, DataType.BIGINT)))).isTrue();
        assertThat(ConjunctOrder.cannotFail(eq(new Cast(a, DataType.decimal(12, 2)), Literal.of(new java.math.BigDecimal("7.00"), DataType.decimal(12, 2))))).isTrue();
        assertThat(ConjunctOrder.cannotFail(eq(new Cast(a, DataType.decimal(9, 2)), Literal.of(new java.math.BigDecimal("7.00"), DataType.decimal(9, 2))))).isFalse();
        assertThat(ConjunctOrder.cannotFail(eq(new Cast(new ColumnRef(5, "d", DataType.decimal(19, 0)), DataType.BIGINT),
                Literal.of(7L, DataType.BIGINT)))).isFalse();
        assertThat(ConjunctOrder.cannotFail(eq(new Cast(a, DataType.SMALLINT), Literal.of(7L, DataType.SMALLINT)))).isFalse();
    }

    @Test
    void aComparisonOfDecimalsOfTwoScalesMightFail() {
        ColumnRef d = new ColumnRef(5, "d", DataType.decimal(38, 0));
        assertThat(ConjunctOrder.cannotFail(lt(d, Literal.of(new java.math.BigDecimal("1.5"), DataType.decimal(2, 1))))).isFalse();
        assertThat(ConjunctOrder.cannotFail(lt(d, Literal.of(new java.math.BigDecimal("15"), DataType.decimal(38, 0))))).isTrue();
    }
}
