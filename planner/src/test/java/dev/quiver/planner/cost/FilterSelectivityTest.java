package dev.quiver.planner.cost;

import static dev.quiver.planner.PlanFixtures.and;
import static dev.quiver.planner.PlanFixtures.call;
import static dev.quiver.planner.PlanFixtures.eq;
import static dev.quiver.planner.PlanFixtures.gt;
import static dev.quiver.planner.PlanFixtures.integer;
import static dev.quiver.planner.PlanFixtures.lt;
import static dev.quiver.planner.PlanFixtures.not;
import static dev.quiver.planner.PlanFixtures.or;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.planner.TestCatalog;
import dev.quiver.planner.catalog.ColumnStatistics;
import dev.quiver.planner.expr.AggregateCall;
import dev.quiver.planner.expr.AggregateKind;
import dev.quiver.planner.expr.Cast;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.logical.LogicalAggregate;
import dev.quiver.planner.memo.LogicalProperties;
import dev.quiver.planner.memo.LogicalProperties.ColumnOrigin;
import dev.quiver.planner.plan.AggregateAssignment;
import dev.quiver.planner.type.DataType;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Selectivities from column statistics: a table of 1,000 rows with known and unknown columns. */
class FilterSelectivityTest {
    /** a: INTEGER 1..100, 100 distinct values, 100 NULLs. */
    private final ColumnRef a = new ColumnRef(0, "a", DataType.INTEGER);
    /** s: VARCHAR, 40 distinct values, no NULLs, no range. */
    private final ColumnRef s = new ColumnRef(1, "s", DataType.VARCHAR);
    /** e: DATE 2020-01-01 (18262) .. 2020-12-31 (18627), 366 distinct values. */
    private final ColumnRef e = new ColumnRef(2, "e", DataType.DATE);
    /** f: DOUBLE, nothing known. */
    private final ColumnRef f = new ColumnRef(3, "f", DataType.DOUBLE);
    private final LogicalProperties input;

    FilterSelectivityTest() {
        TestCatalog.Table table = new TestCatalog.Table("t", List.of(TestCatalog.column("a", DataType.INTEGER),
                TestCatalog.column("s", DataType.VARCHAR), TestCatalog.column("e", DataType.DATE), TestCatalog.column("f", DataType.DOUBLE)), 1000)
                .withStatistics("a", new ColumnStatistics(100, OptionalLong.of(100), OptionalDouble.of(1), OptionalDouble.of(100)))
                .withStatistics("s", new ColumnStatistics(0, OptionalLong.of(40), OptionalDouble.empty(), OptionalDouble.empty()))
                .withStatistics("e", new ColumnStatistics(0, OptionalLong.of(366), OptionalDouble.of(18262), OptionalDouble.of(18627)));
        input = new LogicalProperties(List.of(a, s, e, f), 1000, Map.of(a, new ColumnOrigin(table, 0), s, new ColumnOrigin(table, 1),
                e, new ColumnOrigin(table, 2), f, new ColumnOrigin(table, 3)));
    }

    private double of(Expr predicate) {
        return FilterSelectivity.of(predicate, input);
    }

    private static Literal text(String v) {
        return Literal.of(v, DataType.VARCHAR);
    }

    private static Literal date(int days) {
        return Literal.of(days, DataType.DATE);
    }

    @Test
    void equalityIsTheNonNullFractionOverTheDistinctValues() {
        assertThat(of(eq(a, integer(7)))).isEqualTo(0.9 / 100, within(1e-12));
        assertThat(of(eq(integer(7), a))).isEqualTo(0.9 / 100, within(1e-12));
        assertThat(of(eq(s, text("x")))).isEqualTo(1.0 / 40, within(1e-12));
        assertThat(of(eq(a, integer(500)))).as("outside [min, max]").isZero();
        assertThat(of(eq(a, Literal.nullOf(DataType.INTEGER)))).as("= NULL").isZero();
        assertThat(of(eq(new Cast(a, DataType.BIGINT, 0), Literal.of(7L, DataType.BIGINT)))).as("under a widening cast")
                .isEqualTo(0.9 / 100, within(1e-12));
    }

    @Test
    void inListsCountEachItem() {
        Expr in = call(Function.IN, DataType.BOOLEAN, s, text("x"), text("y"), text("z"));
        assertThat(of(in)).isEqualTo(3.0 / 40, within(1e-12));
        assertThat(of(not(in))).as("NOT IN keeps the other non-NULL rows").isEqualTo(37.0 / 40, within(1e-12));
    }

    @Test
    void rangesOnOneColumnIntersectBeforeTheyAreMeasured() {
        // a BETWEEN 11 AND 30: 20 of the 100 values 1..100, of the 90% non-NULL rows
        Expr between = and(call(Function.GREATER_THAN_OR_EQUAL, DataType.BOOLEAN, a, integer(11)),
                call(Function.LESS_THAN_OR_EQUAL, DataType.BOOLEAN, a, integer(30)));
        assertThat(of(between)).isEqualTo(0.9 * 20 / 100, within(1e-12));
        // e < DATE '2020-04-01' (18353): 91 of 366 days; reversed operands mean the same
        assertThat(of(lt(e, date(18353)))).isEqualTo(91.0 / 366, within(1e-12));
        assertThat(of(gt(date(18353), e))).isEqualTo(91.0 / 366, within(1e-12));
        assertThat(of(gt(a, integer(100)))).as("above max").isZero();
        assertThat(of(and(gt(a, integer(50)), lt(a, integer(20))))).as("empty intersection").isZero();
        assertThat(of(gt(a, integer(-5)))).as("everything non-NULL").isEqualTo(0.9, within(1e-12));
        assertThat(of(gt(f, Literal.of(1.5, DataType.DOUBLE)))).as("no known range").isEqualTo(FilterSelectivity.UNKNOWN_RANGE);
    }

    @Test
    void nullTestsUseTheNullFraction() {
        assertThat(of(call(Function.IS_NULL, DataType.BOOLEAN, a))).isEqualTo(0.1, within(1e-12));
        assertThat(of(call(Function.IS_NOT_NULL, DataType.BOOLEAN, a))).isEqualTo(0.9, within(1e-12));
        assertThat(of(call(Function.IS_NULL, DataType.BOOLEAN, s))).isZero();
    }

    @Test
    void conjunctsBackOffAndDisjunctsAddUp() {
        double sa = 0.9 / 100;
        double ss = 1.0 / 40;
        // most selective fully, the next by its square root
        assertThat(of(and(eq(s, text("x")), eq(a, integer(7))))).isEqualTo(sa * Math.sqrt(ss), within(1e-12));
        assertThat(of(or(eq(s, text("x")), eq(a, integer(7))))).isEqualTo(sa + ss - sa * ss, within(1e-12));
        assertThat(FilterSelectivity.backoff(List.of(0.5, 0.1, 0.2, 0.3, 0.01)))
                .as("four terms at most").isEqualTo(0.01 * Math.pow(0.1, 0.5) * Math.pow(0.2, 0.25) * Math.pow(0.3, 0.125), within(1e-12));
        assertThat(FilterSelectivity.backoff(List.of())).isEqualTo(1);
    }

    @Test
    void likePatternsByTheirShape() {
        assertThat(of(call(Function.LIKE, DataType.BOOLEAN, s, text("abc")))).as("no wildcard: an equality").isEqualTo(1.0 / 40, within(1e-12));
        assertThat(of(call(Function.LIKE, DataType.BOOLEAN, s, text("abc%")))).isEqualTo(FilterSelectivity.LIKE_PREFIX);
        assertThat(of(call(Function.LIKE, DataType.BOOLEAN, s, text("%abc%")))).isEqualTo(FilterSelectivity.LIKE_SUBSTRING);
        // every literal run after a % must occur too
        assertThat(of(call(Function.LIKE, DataType.BOOLEAN, s, text("%Customer%Complaints%"))))
                .isEqualTo(FilterSelectivity.LIKE_SUBSTRING * FilterSelectivity.LIKE_SUBSTRING, within(1e-12));
        assertThat(of(call(Function.LIKE, DataType.BOOLEAN, s, text("ab%cd"))))
                .isEqualTo(FilterSelectivity.LIKE_PREFIX * FilterSelectivity.LIKE_SUBSTRING, within(1e-12));
    }

    @Test
    void groupsAreTheProductOfKeyDistinctValuesCappedByTheRows() {
        CardinalityEstimator estimator = new CardinalityEstimator();
        AggregateAssignment count = new AggregateAssignment(new ColumnRef(9, "n", DataType.BIGINT),
                new AggregateCall(AggregateKind.COUNT_STAR, List.of(), false, DataType.BIGINT));
        assertThat(estimator.estimate(new LogicalAggregate(List.of(s), List.of(count)), List.of(input))).isEqualTo(40);
        assertThat(estimator.estimate(new LogicalAggregate(List.of(s, a), List.of(count)), List.of(input))).isEqualTo(1000);
        assertThat(estimator.estimate(new LogicalAggregate(List.of(s, a), List.of(count)),
                List.of(new LogicalProperties(input.outputColumns(), 100_000, input.origins())))).isEqualTo(4000);
    }
}
