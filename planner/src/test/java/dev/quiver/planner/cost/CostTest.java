package dev.quiver.planner.cost;

import static dev.quiver.planner.PlanFixtures.and;
import static dev.quiver.planner.PlanFixtures.bool;
import static dev.quiver.planner.PlanFixtures.eq;
import static dev.quiver.planner.PlanFixtures.gt;
import static dev.quiver.planner.PlanFixtures.integer;
import static dev.quiver.planner.PlanFixtures.lt;
import static dev.quiver.planner.PlanFixtures.plus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.planner.TestCatalog;
import dev.quiver.planner.expr.AggregateCall;
import dev.quiver.planner.expr.AggregateKind;
import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.logical.LogicalAggregate;
import dev.quiver.planner.logical.LogicalFilter;
import dev.quiver.planner.logical.LogicalJoin;
import dev.quiver.planner.logical.LogicalLimit;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.logical.LogicalScan;
import dev.quiver.planner.logical.LogicalSort;
import dev.quiver.planner.logical.LogicalValues;
import dev.quiver.planner.memo.LogicalProperties.ColumnOrigin;
import dev.quiver.planner.memo.LogicalProperties;
import dev.quiver.planner.physical.Filter;
import dev.quiver.planner.physical.HashAggregate;
import dev.quiver.planner.physical.HashJoin;
import dev.quiver.planner.physical.Limit;
import dev.quiver.planner.physical.PhysicalOperator;
import dev.quiver.planner.physical.Project;
import dev.quiver.planner.physical.Sort;
import dev.quiver.planner.physical.TableScan;
import dev.quiver.planner.physical.TopN;
import dev.quiver.planner.physical.UnionAll;
import dev.quiver.planner.physical.Values;
import dev.quiver.planner.plan.AggregateAssignment;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.plan.SortKey;
import dev.quiver.planner.type.DataType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CostTest {
    private final TestCatalog catalog = TestCatalog.standard();
    private final ColumnRef a = new ColumnRef(0, "a", DataType.INTEGER);
    private final ColumnRef b = new ColumnRef(1, "b", DataType.BIGINT);
    private final CardinalityEstimator estimator = new CardinalityEstimator();
    private final CostModel model = new CostModel();

    private static List<LogicalProperties> input(double rows) {
        return List.of(new LogicalProperties(List.of(), rows));
    }

    private final AggregateAssignment count = new AggregateAssignment(new ColumnRef(2, "count", DataType.BIGINT),
            new AggregateCall(AggregateKind.COUNT_STAR, List.of(), false, DataType.BIGINT));
    private final List<SortKey> keys = List.of(new SortKey(a, false, false));

    @Test
    void cardinalities() {
        assertThat(estimator.estimate(new LogicalScan(catalog.get("lineitem"), List.of(), List.of()), List.of())).isEqualTo(6000);
        assertThat(estimator.estimate(new LogicalValues(List.of(a), List.of(List.of(integer(1)), List.of(integer(2)))), List.of()))
                .isEqualTo(2);
        // Without statistics a range keeps a third; conjuncts combine by exponential backoff; TRUE keeps all.
        assertThat(estimator.estimate(new LogicalFilter(gt(a, integer(1))), input(1000))).isEqualTo(1000.0 / 3, within(1e-9));
        assertThat(estimator.estimate(new LogicalFilter(and(gt(a, integer(1)), lt(a, integer(5)), gt(b, integer(0)))), input(1000)))
                .isEqualTo(1000 * Math.pow(1.0 / 3, 1 + 0.5 + 0.25), within(1e-9));
        assertThat(estimator.estimate(new LogicalFilter(bool(true)), input(1000))).isEqualTo(1000);
        // A global aggregate is one row; grouped, a tenth of the input, at least one.
        assertThat(estimator.estimate(new LogicalAggregate(List.of(), List.of(count)), input(1000))).isEqualTo(1);
        assertThat(estimator.estimate(new LogicalAggregate(List.of(a), List.of(count)), input(1000))).isEqualTo(100);
        assertThat(estimator.estimate(new LogicalAggregate(List.of(a), List.of(count)), input(5))).isEqualTo(1);
        assertThat(estimator.estimate(new LogicalAggregate(List.of(a), List.of(count)), input(0))).isEqualTo(1);
        // Limits: rows after the offset, at most the limit.
        assertThat(estimator.estimate(new LogicalLimit(OptionalLong.of(10), 5), input(1000))).isEqualTo(10);
        assertThat(estimator.estimate(new LogicalLimit(OptionalLong.of(10), 995), input(1000))).isEqualTo(5);
        assertThat(estimator.estimate(new LogicalLimit(OptionalLong.empty(), 990), input(1000))).isEqualTo(10);
        assertThat(estimator.estimate(new LogicalLimit(OptionalLong.of(10), 2000), input(1000))).isZero();
        assertThat(estimator.estimate(new LogicalProject(List.of(new Assignment(a, a))), input(42))).isEqualTo(42);
        assertThat(estimator.estimate(new LogicalSort(keys), input(42))).isEqualTo(42);
    }

    @Test
    void joinCardinalitiesAssumeForeignKeys() {
        ColumnRef fk = new ColumnRef(10, "l_orderkey", DataType.BIGINT);
        ColumnRef pk = new ColumnRef(11, "o_orderkey", DataType.BIGINT);
        ColumnRef other = new ColumnRef(12, "o_custkey", DataType.BIGINT);
        // 6000 line items referencing 1500 orders, of which a filter kept 300; no distinct counts known.
        ColumnOrigin lineitem = new ColumnOrigin(new TestCatalog.Table("lineitem", List.of(TestCatalog.column("l_orderkey",
                DataType.BIGINT)), 6000), 0);
        ColumnOrigin order = new ColumnOrigin(new TestCatalog.Table("orders", List.of(TestCatalog.column("o_orderkey",
                DataType.BIGINT)), 1500), 0);
        LogicalProperties lines = new LogicalProperties(List.of(fk), 6000, Map.of(fk, lineitem));
        LogicalProperties orders = new LogicalProperties(List.of(pk, other), 300, Map.of(pk, order, other, order));
        Call key = eq(fk, pk);
        // ndv(l_orderkey) is bounded by the 1500 orders it references: 6000 * 300 / 1500.
        assertThat(estimator.estimate(new LogicalJoin(JoinType.INNER, key), List.of(lines, orders))).isEqualTo(1200, within(1e-6));
        assertThat(estimator.estimate(new LogicalJoin(JoinType.INNER, key), List.of(orders, lines))).isEqualTo(1200, within(1e-6));
        // A non-key term halves it; no condition is the cross product.
        assertThat(estimator.estimate(new LogicalJoin(JoinType.INNER, and(key, gt(other, integer(3)))), List.of(lines, orders)))
                .isEqualTo(600, within(1e-6));
        assertThat(estimator.estimate(new LogicalJoin(JoinType.INNER, bool(true)), List.of(lines, orders))).isEqualTo(1_800_000);
        // Outer joins keep their preserved side; semi joins at most the left; anti joins never estimate zero.
        assertThat(estimator.estimate(new LogicalJoin(JoinType.LEFT, key), List.of(orders, lines))).isEqualTo(1200, within(1e-6));
        assertThat(estimator.estimate(new LogicalJoin(JoinType.RIGHT, bool(false)), List.of(orders, lines))).isEqualTo(6000);
        assertThat(estimator.estimate(new LogicalJoin(JoinType.SEMI, key), List.of(orders, lines))).isEqualTo(300);
        assertThat(estimator.estimate(new LogicalJoin(JoinType.ANTI, key), List.of(orders, lines))).isEqualTo(30, within(1e-6));
        assertThat(estimator.estimate(new LogicalJoin(JoinType.SINGLE, key), List.of(orders, lines))).isEqualTo(300);
        // A known distinct count replaces the foreign-key guess: two keys with 25 values each (nation keys).
        ColumnRef c = new ColumnRef(14, "c_nationkey", DataType.INTEGER);
        ColumnRef n = new ColumnRef(15, "s_nationkey", DataType.INTEGER);
        TestCatalog.Table customer = new TestCatalog.Table("customer", List.of(TestCatalog.column("c_nationkey", DataType.INTEGER)), 1500)
                .withDistinct("c_nationkey", 25);
        TestCatalog.Table supplier = new TestCatalog.Table("supplier", List.of(TestCatalog.column("s_nationkey", DataType.INTEGER)), 100)
                .withDistinct("s_nationkey", 25);
        LogicalProperties customers = new LogicalProperties(List.of(c), 1500, Map.of(c, new ColumnOrigin(customer, 0)));
        LogicalProperties suppliers = new LogicalProperties(List.of(n), 100, Map.of(n, new ColumnOrigin(supplier, 0)));
        assertThat(estimator.estimate(new LogicalJoin(JoinType.INNER, eq(c, n)), List.of(customers, suppliers)))
                .isEqualTo(1500 * 100 / 25.0, within(1e-6));
        // Origins flow through projections and joins.
        ColumnRef renamed = new ColumnRef(13, "k", DataType.BIGINT);
        LogicalProperties projected = estimator.derive(new LogicalProject(List.of(new Assignment(renamed, pk))), List.of(renamed),
                List.of(orders));
        assertThat(projected.origins()).containsEntry(renamed, order);
        assertThat(projected.distinctValues(renamed)).isEqualTo(300);
    }

    @Test
    void joinAndUnionCosts() {
        HashJoin hash = new HashJoin(JoinType.INNER, List.of(a), List.of(b), List.of(false), java.util.Optional.empty(),
                java.util.Optional.empty());
        // Build 6 per row, probe 3 per row, output 1 per row: the smaller side should be built.
        assertThat(cost(hash, 100, 1000, 10)).isEqualTo(10 * 6 + 1000 * 3 + 100);
        assertThat(cost(hash, 100, 10, 1000)).isGreaterThan(cost(hash, 100, 1000, 10));
        HashJoin loop = new HashJoin(JoinType.INNER, List.of(), List.of(), List.of(), java.util.Optional.of(gt(a, b)),
                java.util.Optional.empty());
        assertThat(cost(loop, 10, 100, 10)).isEqualTo(10 * 6 + 100 * 3 + 10 + 100 * 10);
        assertThat(cost(new UnionAll(List.of(a), List.of(List.of(a), List.of(b))), 30, 10, 20)).isEqualTo(30);
    }

    @Test
    void aProbeThatFindsItsRowInATableOutgrowingTheCachesCostsMore() {
        HashJoin hash = new HashJoin(JoinType.INNER, List.of(a), List.of(b), List.of(false), java.util.Optional.empty(),
                java.util.Optional.empty());
        double resident = CostModel.CACHE_RESIDENT_BUILD_ROWS;
        // Up to the cache-resident size, no extra cost; each doubling beyond it adds a quarter probe per matched row.
        assertThat(cost(hash, 1000, 1_000_000, resident)).isEqualTo(resident * 6 + 1_000_000 * 3 + 1000);
        assertThat(cost(hash, 1000, 1_000_000, 4 * resident)).isCloseTo(4 * resident * 6 + 1_000_000 * 3 + 1000 * 3 * 0.5 + 1000, within(1e-6));
        // Probes that find nothing (the join filter turns them away) pay no miss.
        assertThat(cost(hash, 0, 1_000_000, 4 * resident)).isEqualTo(4 * resident * 6 + 1_000_000 * 3);
        // A probe matching many build rows pays its miss once.
        assertThat(cost(hash, 5000, 1000, 4 * resident)).isCloseTo(4 * resident * 6 + 1000 * 3 + 1000 * 3 * 0.5 + 5000, within(1e-6));
        // Joins whose output does not say which probes found their key (an anti join's are the others) pay no miss.
        for (JoinType type : List.of(JoinType.ANTI, JoinType.LEFT)) {
            HashJoin other = new HashJoin(type, List.of(a), List.of(b), List.of(false), java.util.Optional.empty(), java.util.Optional.empty());
            assertThat(cost(other, 1000, 1_000_000, 4 * resident)).as("%s", type).isEqualTo(4 * resident * 6 + 1_000_000 * 3 + 1000);
        }
    }

    @Test
    void eachPayloadArrayOfABuildRowIsCopiedAndWaitedOnOnceTheTableOutgrowsTheCaches() {
        double resident = CostModel.CACHE_RESIDENT_BUILD_ROWS;
        double bare = CostModel.hashJoinCost(4 * resident, 1_000_000, 1000, JoinType.INNER, true);
        assertThat(CostModel.hashJoinCost(4 * resident, 1_000_000, 1000, JoinType.INNER, true, 0)).isEqualTo(bare);
        // Two arrays: copied at 0.5 each per build row; read at 3/4 each per matched probe and doubling (two here).
        assertThat(CostModel.hashJoinCost(4 * resident, 1_000_000, 1000, JoinType.INNER, true, 2))
                .isCloseTo(bare + 4 * resident * 2 * 0.5 + 1000 * 2 * 0.75 * 0.5, within(1e-6));
        // While the table stays in cache, only the copy is charged.
        assertThat(CostModel.hashJoinCost(resident, 1_000_000, 1000, JoinType.INNER, true, 3))
                .isEqualTo(CostModel.hashJoinCost(resident, 1_000_000, 1000, JoinType.INNER, true) + resident * 3 * 0.5);
        assertThat(CostModel.payloadArrays(DataType.VARCHAR)).isEqualTo(3);
        assertThat(CostModel.payloadArrays(DataType.BIGINT)).isEqualTo(1);
        assertThatThrownBy(() -> CostModel.hashJoinCost(1, 1, 1, JoinType.INNER, true, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    private double cost(PhysicalOperator operator, double outputRows, double... inputRows) {
        return model.localCost(operator, outputRows, Arrays.stream(inputRows).boxed().toList()).value();
    }

    @Test
    void localCosts() {
        // Scans: 0.1 per column per row, at least one column (COUNT(*) still reads the rows).
        assertThat(cost(new TableScan(catalog.get("t"), List.of(a, b), List.of(0, 1)), 1000)).isEqualTo(200, within(1e-9));
        assertThat(cost(new TableScan(catalog.get("t"), List.of(), List.of()), 1000)).isEqualTo(100, within(1e-9));
        assertThat(cost(new Values(List.of(a), List.of()), 3)).isEqualTo(3);
        assertThat(cost(new Filter(gt(a, integer(1))), 500, 1000)).isEqualTo(1000);
        // Projections pay 0.5 per row for each computed (non-identity) column.
        assertThat(cost(new Project(List.of(new Assignment(a, a), new Assignment(new ColumnRef(9, "x", DataType.INTEGER),
                plus(a, integer(1))))), 1000, 1000)).isEqualTo(500);
        assertThat(cost(new Project(List.of(new Assignment(a, a))), 1000, 1000)).isZero();
        assertThat(cost(new HashAggregate(List.of(a), List.of(count)), 100, 1000)).isEqualTo(4 * 1000 + 2 * 100);
        // Sort: n log2 n comparisons; 1024 rows is 10 per row.
        assertThat(cost(new Sort(keys), 1024, 1024)).isEqualTo(10240, within(1e-6));
        assertThat(cost(new Sort(keys), 2, 2)).as("log2 of 2 or less counts as 1").isEqualTo(2);
        // TopN: n log2 (limit + offset + 1): keeping 7 rows costs 3 comparisons per input row.
        assertThat(cost(new TopN(keys, 5, 2), 5, 1000)).isEqualTo(3000, within(1e-6));
        assertThat(cost(new Limit(OptionalLong.of(10), 0), 10, 1000)).isEqualTo(1, within(1e-9));
    }

    @Test
    void costsAddAndCompare() {
        assertThat(new Cost(1.5).plus(new Cost(2))).isEqualTo(new Cost(3.5));
        assertThat(new Cost(1).compareTo(new Cost(2))).isNegative();
        assertThat(Cost.INFINITE.compareTo(new Cost(1e300))).isPositive();
        assertThatThrownBy(() -> new Cost(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Cost(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void costPrintsTheSameInEveryLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(new Cost(1350)).hasToString("1350.0");
            Locale.setDefault(Locale.forLanguageTag("ar-EG"));
            assertThat(new Cost(12.25)).hasToString("12.3");
        } finally {
            Locale.setDefault(saved);
        }
    }
}
