package dev.quiver.planner.cost;

import static dev.quiver.planner.PlanFixtures.call;
import static dev.quiver.planner.PlanFixtures.eq;
import static dev.quiver.planner.PlanFixtures.plus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.planner.PlanFixtures;
import dev.quiver.planner.TestCatalog;
import dev.quiver.planner.catalog.ColumnStatistics;
import dev.quiver.planner.expr.AggregateCall;
import dev.quiver.planner.expr.AggregateKind;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.logical.LogicalAggregate;
import dev.quiver.planner.logical.LogicalJoin;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.logical.LogicalScan;
import dev.quiver.planner.memo.LogicalProperties;
import dev.quiver.planner.memo.LogicalProperties.ColumnOrigin;
import dev.quiver.planner.plan.AggregateAssignment;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.type.DataType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Join and group estimates from statistics: composite join keys, and distinct bounds of computed columns. */
class CardinalityEstimatorTest {
    private final CardinalityEstimator estimator = new CardinalityEstimator();
    private int ids = 100;

    /** A scan of a table of two INTEGER columns with the given row count and distinct counts. */
    private LogicalProperties scan(String name, long rows, long ndv0, long ndv1) {
        TestCatalog.Table table = new TestCatalog.Table(name, List.of(TestCatalog.column(name + "0", DataType.INTEGER),
                TestCatalog.column(name + "1", DataType.INTEGER)), rows).withDistinct(name + "0", ndv0).withDistinct(name + "1", ndv1);
        List<ColumnRef> columns = List.of(new ColumnRef(ids++, name + "0", DataType.INTEGER), new ColumnRef(ids++, name + "1", DataType.INTEGER));
        return estimator.derive(new LogicalScan(table, columns, List.of(0, 1)), columns, List.of());
    }

    private static ColumnRef column(LogicalProperties p, int i) {
        return p.outputColumns().get(i);
    }

    @Test
    void equiKeysFormOneCompositeKeyBoundedByEachSidesRows() {
        // partsupp (800,000 rows, unique on (partkey, suppkey)) joined with 300,000 lineitem rows on both keys:
        // each lineitem row finds its one partsupp row
        LogicalProperties partsupp = scan("ps", 800_000, 200_000, 10_000);
        LogicalProperties table = scan("l", 6_000_000, 200_000, 10_000);
        LogicalProperties lineitem = new LogicalProperties(table.outputColumns(), 300_000, table.origins()); // after a filter
        LogicalJoin join = new LogicalJoin(JoinType.INNER, PlanFixtures.and(eq(column(lineitem, 0), column(partsupp, 0)),
                eq(column(lineitem, 1), column(partsupp, 1))));
        assertThat(estimator.estimate(join, List.of(lineitem, partsupp))).isEqualTo(300_000, within(1e-6));
        // one key alone: its distinct values decide, as before
        LogicalJoin single = new LogicalJoin(JoinType.INNER, eq(column(lineitem, 0), column(partsupp, 0)));
        assertThat(estimator.estimate(single, List.of(lineitem, partsupp))).isEqualTo(300_000.0 * 800_000 / 200_000, within(1e-6));
    }

    @Test
    void aCompositeKeyOfTheLargerTableIsAForeignKeyIntoTheSmaller() {
        // TPC-H Q9: all 6,000,000 lineitem rows (200,000 parts, 10,000 suppliers) joined on both keys with
        // the 40,000 partsupp rows of a twentieth of the parts: each partsupp row has its 7.5 lineitems.
        // The product of lineitem's distinct keys, bounded by its rows, would say 6,000,000 pairs, not 800,000.
        LogicalProperties partsuppTable = scan("ps", 800_000, 200_000, 10_000);
        LogicalProperties partsupp = new LogicalProperties(partsuppTable.outputColumns(), 40_000, partsuppTable.origins());
        LogicalProperties lineitem = scan("l", 6_000_000, 200_000, 10_000);
        LogicalJoin join = new LogicalJoin(JoinType.INNER, PlanFixtures.and(eq(column(lineitem, 0), column(partsupp, 0)),
                eq(column(lineitem, 1), column(partsupp, 1))));
        assertThat(estimator.estimate(join, List.of(lineitem, partsupp))).isEqualTo(6_000_000.0 * 40_000 / 800_000, within(1e-6));
        assertThat(estimator.estimate(join, List.of(lineitem, partsuppTable))).isEqualTo(6_000_000, within(1e-6));
        // partsupp joined with part and supplier on their keys, the classes' columns taken from part and
        // supplier, partsupp's second column (its cost) beside them: still partsupp's pairs, not part's rows
        LogicalProperties part = scan("p", 200_000, 200_000, 100);
        LogicalProperties supplier = scan("s", 10_000, 10_000, 25);
        Map<ColumnRef, ColumnOrigin> origins = new HashMap<>(partsupp.origins());
        origins.putAll(part.origins());
        origins.putAll(supplier.origins());
        LogicalProperties partsuppOfParts = new LogicalProperties(List.of(column(part, 0), column(supplier, 0), column(partsupp, 1)),
                40_000, origins);
        LogicalJoin viaPart = new LogicalJoin(JoinType.INNER, PlanFixtures.and(eq(column(lineitem, 0), column(part, 0)),
                eq(column(lineitem, 1), column(supplier, 0))));
        assertThat(estimator.estimate(viaPart, List.of(lineitem, partsuppOfParts))).isEqualTo(6_000_000.0 * 40_000 / 800_000,
                within(1e-6));
        // key columns of two tables on the larger side are no foreign key of one (TPC-H Q5: lineitem's
        // supplier and customer's nation against a supplier's): the product of their distinct values
        LogicalProperties customer = scan("c", 150_000, 150_000, 25);
        Map<ColumnRef, ColumnOrigin> withCustomer = new HashMap<>(lineitem.origins());
        withCustomer.putAll(customer.origins());
        LogicalProperties lineitemCustomer = new LogicalProperties(List.of(column(lineitem, 1), column(customer, 1)), 900_000,
                withCustomer);
        LogicalProperties suppliers = new LogicalProperties(supplier.outputColumns(), 2_000, supplier.origins());
        LogicalJoin sameNation = new LogicalJoin(JoinType.INNER, PlanFixtures.and(eq(column(lineitem, 1), column(supplier, 0)),
                eq(column(customer, 1), column(supplier, 1))));
        assertThat(estimator.estimate(sameNation, List.of(lineitemCustomer, suppliers))).isEqualTo(900_000.0 * 2_000 / (10_000 * 25),
                within(1e-6));
        // a side holding a table as large is no referenced side: the product of distinct keys, bounded by the rows
        LogicalProperties other = scan("l2", 6_000_000, 200_000, 10_000);
        LogicalProperties otherFiltered = new LogicalProperties(other.outputColumns(), 40_000, other.origins());
        LogicalJoin selfJoin = new LogicalJoin(JoinType.INNER, PlanFixtures.and(eq(column(lineitem, 0), column(other, 0)),
                eq(column(lineitem, 1), column(other, 1))));
        assertThat(estimator.estimate(selfJoin, List.of(lineitem, otherFiltered))).isEqualTo(40_000, within(1e-6));
    }

    @Test
    void aKeyFilteredOnBothSidesMatchesByItsBaseDomain() {
        // TPC-H Q21: 80,000 lineitem rows (of 6,000,000; 1,500,000 order keys) joined with the third of
        // orders whose status is 'F' (500,000 of 1,500,000, unique keys): a third of the lineitem rows
        // find their order. The containment of the filtered sides' keys would keep all 80,000.
        LogicalProperties ordersTable = scan("o", 1_500_000, 1_500_000, 100_000);
        LogicalProperties orders = new LogicalProperties(ordersTable.outputColumns(), 500_000, ordersTable.origins());
        LogicalProperties lineitemTable = scan("l", 6_000_000, 1_500_000, 10_000);
        LogicalProperties lineitem = new LogicalProperties(lineitemTable.outputColumns(), 80_000, lineitemTable.origins());
        LogicalJoin join = new LogicalJoin(JoinType.INNER, eq(column(lineitem, 0), column(orders, 0)));
        assertThat(estimator.estimate(join, List.of(lineitem, orders))).isEqualTo(80_000.0 * 500_000 / 1_500_000, within(1e-6));
        // unfiltered orders: every lineitem row finds its order, as under containment
        assertThat(estimator.estimate(join, List.of(lineitem, ordersTable))).isEqualTo(80_000, within(1e-6));
    }

    @Test
    void computedColumnsAreNoForeignKeys() {
        // TPC-H Q15: the suppliers' revenues joined with their maximum (one row) on equality: one supplier
        ColumnRef revenue = new ColumnRef(ids++, "revenue", DataType.DOUBLE);
        ColumnRef max = new ColumnRef(ids++, "max", DataType.DOUBLE);
        LogicalProperties revenues = new LogicalProperties(List.of(revenue), 10_000);
        LogicalProperties maximum = new LogicalProperties(List.of(max), 1);
        assertThat(estimator.estimate(new LogicalJoin(JoinType.INNER, eq(revenue, max)), List.of(revenues, maximum))).isEqualTo(1);
    }

    @Test
    void computedColumnsKeepABoundOnTheirDistinctValues() {
        LogicalProperties t = scan("t", 1_000_000, 20, 30);
        ColumnRef sum = new ColumnRef(ids++, "sum", DataType.INTEGER);
        ColumnRef copy = new ColumnRef(ids++, "copy", DataType.INTEGER);
        LogicalProject project = new LogicalProject(List.of(new Assignment(sum, plus(column(t, 0), column(t, 1))),
                new Assignment(copy, column(t, 0))));
        LogicalProperties projected = estimator.derive(project, List.of(sum, copy), List.of(t));
        assertThat(projected.distinctValues(sum)).as("a function of two columns: their combinations").isEqualTo(600);
        assertThat(projected.distinctValues(copy)).isEqualTo(20);
        AggregateAssignment count = new AggregateAssignment(new ColumnRef(ids++, "n", DataType.BIGINT),
                new AggregateCall(AggregateKind.COUNT_STAR, List.of(), false, DataType.BIGINT));
        assertThat(estimator.estimate(new LogicalAggregate(List.of(sum, copy), List.of(count)), List.of(projected))).isEqualTo(12_000);
    }

    @Test
    void theYearOfADateSpansItsRange() {
        // 1992-01-01 (8035) .. 1998-08-02 (10440): seven years, bounded by eight
        TestCatalog.Table orders = new TestCatalog.Table("orders", List.of(TestCatalog.column("o_orderdate", DataType.DATE)), 1_500_000)
                .withStatistics("o_orderdate", new ColumnStatistics(0, OptionalLong.of(2406), OptionalDouble.of(8035), OptionalDouble.of(10440)));
        ColumnRef date = new ColumnRef(ids++, "o_orderdate", DataType.DATE);
        LogicalProperties scanned = estimator.derive(new LogicalScan(orders, List.of(date), List.of(0)), List.of(date), List.of());
        ColumnRef year = new ColumnRef(ids++, "o_year", DataType.BIGINT);
        LogicalProject project = new LogicalProject(List.of(new Assignment(year,
                call(Function.EXTRACT, DataType.BIGINT, Literal.of("year", DataType.VARCHAR), date))));
        assertThat(estimator.derive(project, List.of(year), List.of(scanned)).distinctValues(year)).isEqualTo(8);
    }

    @Test
    void aHavingOnASumBeyondItsRangeKeepsAlmostNothing() {
        // TPC-H Q18: 6,000,000 lineitems of quantity 1..50 grouped by 1,500,000 orders (four rows each on
        // average): a sum stays below 4 x 50, so HAVING sum(l_quantity) > 300 keeps almost no group
        TestCatalog.Table lineitem = new TestCatalog.Table("lineitem", List.of(TestCatalog.column("l_orderkey", DataType.BIGINT),
                TestCatalog.column("l_quantity", DataType.BIGINT)), 6_000_000)
                .withStatistics("l_orderkey", new ColumnStatistics(0, OptionalLong.of(1_500_000), OptionalDouble.of(1), OptionalDouble.of(6_000_000)))
                .withStatistics("l_quantity", new ColumnStatistics(0, OptionalLong.of(50), OptionalDouble.of(1), OptionalDouble.of(50)));
        ColumnRef key = new ColumnRef(ids++, "l_orderkey", DataType.BIGINT);
        ColumnRef quantity = new ColumnRef(ids++, "l_quantity", DataType.BIGINT);
        LogicalProperties scanned = estimator.derive(new LogicalScan(lineitem, List.of(key, quantity), List.of(0, 1)),
                List.of(key, quantity), List.of());
        ColumnRef sum = new ColumnRef(ids++, "sum", DataType.BIGINT);
        ColumnRef max = new ColumnRef(ids++, "max", DataType.BIGINT);
        ColumnRef count = new ColumnRef(ids++, "count", DataType.BIGINT);
        LogicalAggregate aggregate = new LogicalAggregate(List.of(key), List.of(
                new AggregateAssignment(sum, new AggregateCall(AggregateKind.SUM, List.of(quantity), false, DataType.BIGINT)),
                new AggregateAssignment(max, new AggregateCall(AggregateKind.MAX, List.of(quantity), false, DataType.BIGINT)),
                new AggregateAssignment(count, new AggregateCall(AggregateKind.COUNT, List.of(quantity), false, DataType.BIGINT))));
        LogicalProperties groups = estimator.derive(aggregate, List.of(key, sum, max, count), List.of(scanned));
        assertThat(groups.rowCount()).isEqualTo(1_500_000);
        assertThat(groups.statistics(sum).orElseThrow().max()).hasValue(200);
        assertThat(groups.statistics(max).orElseThrow().max()).hasValue(50);
        assertThat(groups.statistics(count)).as("a count's range is not derived").isEmpty();
        assertThat(FilterSelectivity.of(PlanFixtures.gt(sum, PlanFixtures.integer(300)), groups)).isZero();
        // within the range: the uniform share of [1, 200]
        assertThat(FilterSelectivity.of(PlanFixtures.gt(sum, PlanFixtures.integer(100)), groups)).isEqualTo(100.0 / 200, within(1e-9));
        // a column without a range keeps System R's guess
        assertThat(FilterSelectivity.of(PlanFixtures.gt(count, PlanFixtures.integer(3)), groups)).isEqualTo(FilterSelectivity.UNKNOWN_RANGE);
    }

    @Test
    void rowsDrawnAtRandomMeetFewerDistinctValuesThanTheyCouldHold() {
        // as many draws as values: 1 - 1/e of them
        assertThat(CardinalityEstimator.distinctInSample(100_000, 100_000)).isEqualTo(100_000 * (1 - Math.exp(-1)), within(1.0));
        // many draws meet every value; few draws are nearly all distinct
        assertThat(CardinalityEstimator.distinctInSample(10, 1_000_000)).isEqualTo(10, within(1e-9));
        assertThat(CardinalityEstimator.distinctInSample(1_000_000, 10)).isEqualTo(10, within(1e-3));
        // one value, or no rows
        assertThat(CardinalityEstimator.distinctInSample(1, 500)).isEqualTo(1);
        assertThat(CardinalityEstimator.distinctInSample(50, 0)).isZero();
    }
}
