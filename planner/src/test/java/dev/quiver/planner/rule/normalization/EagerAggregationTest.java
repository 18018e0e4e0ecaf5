package dev.quiver.planner.rule.normalization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.planner.Planning;
import dev.quiver.planner.TestCatalog;
import dev.quiver.planner.physical.HashAggregate;
import dev.quiver.planner.physical.HashJoin;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.type.DataType;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An aggregate over a join is split into partials below it when the estimates say it pays, and only then. */
class EagerAggregationTest {
    private final TestCatalog catalog = new TestCatalog()
            .add("customers", 150_000, TestCatalog.column("c_key", DataType.INTEGER), TestCatalog.column("c_flag", DataType.INTEGER),
                    TestCatalog.column("c_region", DataType.INTEGER))
            .add("orders", 1_500_000, TestCatalog.column("o_key", DataType.BIGINT), TestCatalog.column("o_cust", DataType.INTEGER),
                    TestCatalog.column("o_price", DataType.decimal(15, 2)), TestCatalog.column("o_score", DataType.DOUBLE))
            .add("lines", 6_000_000, TestCatalog.column("l_order", DataType.BIGINT), TestCatalog.column("l_price", DataType.decimal(15, 2)),
                    TestCatalog.column("l_disc", DataType.decimal(15, 2)))
            .add("events", 1_000_000, TestCatalog.column("e_id", DataType.INTEGER), TestCatalog.column("e_value", DataType.INTEGER));
    private final Planning planning;

    EagerAggregationTest() {
        catalog.get("customers").withDistinct("c_key", 150_000).withDistinct("c_flag", 2).withDistinct("c_region", 25);
        catalog.get("orders").withDistinct("o_cust", 100_000);
        catalog.get("events").withDistinct("e_id", 900_000);
        catalog.get("lines").withDistinct("l_order", 1_500_000);
        planning = new Planning(catalog);
    }

    /** Whether some join of the plan reads an aggregate: the partials went below it. */
    private static boolean eager(PhysicalPlan plan) {
        if (plan.operator() instanceof HashJoin && plan.inputs().stream().anyMatch(EagerAggregationTest::aggregateBelow)) {
            return true;
        }
        return plan.inputs().stream().anyMatch(EagerAggregationTest::eager);
    }

    private static boolean aggregateBelow(PhysicalPlan plan) {
        if (plan.operator() instanceof HashAggregate) {
            return true;
        }
        return plan.inputs().size() == 1 && !(plan.operator() instanceof HashJoin) && aggregateBelow(plan.input(0));
    }

    @Test
    void countingOrdersPerCustomerAggregatesTheOrdersFirst() {
        String sql = "SELECT c_key, count(o_key) FROM customers LEFT JOIN orders ON c_key = o_cust GROUP BY c_key";
        PhysicalPlan plan = planning.physical(sql);
        assertThat(eager(plan)).isTrue();
        assertThat(plan.outputColumns()).extracting(c -> c.type()).containsExactly(DataType.INTEGER, DataType.BIGINT);
        assertThat(eager(planning.optimize(sql, Set.of("EagerAggregation")).plan())).isFalse();
    }

    @Test
    void sumsAndExtremesKeepTheirTypes() {
        PhysicalPlan plan = planning.physical("SELECT c_flag, sum(o_price), min(o_price), max(o_key) FROM customers JOIN orders ON o_cust = c_key GROUP BY c_flag");
        assertThat(eager(plan)).isTrue();
        assertThat(plan.outputColumns()).extracting(c -> c.type())
                .containsExactly(DataType.INTEGER, DataType.decimal(38, 2), DataType.decimal(15, 2), DataType.BIGINT);
    }

    @Test
    void aJoinThatKeepsFewOrdersRunsFirst() {
        assertThat(eager(planning.physical(
                "SELECT c_key, count(o_key) FROM customers JOIN orders ON c_key = o_cust WHERE c_region = 3 GROUP BY c_key"))).isFalse();
    }

    @Test
    void partialsThatBarelyShrinkTheInputAreNotComputed() {
        assertThat(eager(planning.physical(
                "SELECT c_flag, sum(e_value) FROM customers JOIN events ON c_key = e_id GROUP BY c_flag"))).isFalse();
    }

    @Test
    void anAggregateThatCannotBeCombinedFromPartialsStaysAboveTheJoin() {
        assertThat(eager(planning.physical(
                "SELECT c_key, avg(o_price) FROM customers LEFT JOIN orders ON c_key = o_cust GROUP BY c_key"))).isFalse();
        assertThat(eager(planning.physical(
                "SELECT c_key, count(DISTINCT o_price) FROM customers LEFT JOIN orders ON c_key = o_cust GROUP BY c_key"))).isFalse();
        assertThat(eager(planning.physical(
                "SELECT c_key, count(*) FROM customers LEFT JOIN orders ON c_key = o_cust GROUP BY c_key"))).isFalse();
    }

    @Test
    void groupKeysFromTheAggregatedSideStopTheRewrite() {
        assertThat(eager(planning.physical(
                "SELECT o_cust, count(o_key) FROM customers JOIN orders ON c_key = o_cust GROUP BY o_cust, c_flag"))).isFalse();
    }

    @Test
    void overARegionOfJoinsTheAggregatedTablesArePartiallyAggregatedTogether() {
        // TPC-H Q10's shape: the partials sum lines joined with orders per customer key, an expression of line columns below the join.
        String sql = "SELECT c_key, c_flag, sum(l_price * (1 - l_disc)) FROM customers, orders, lines "
                + "WHERE c_key = o_cust AND l_order = o_key GROUP BY c_key, c_flag";
        PhysicalPlan plan = planning.physical(sql);
        assertThat(eager(plan)).isTrue();
        assertThat(plan.outputColumns()).extracting(c -> c.type()).containsExactly(DataType.INTEGER, DataType.INTEGER, DataType.decimal(38, 4));
        assertThat(eager(planning.optimize(sql, Set.of("EagerAggregation")).plan())).isFalse();
    }

    @Test
    void aRegionWhoseGroupKeysComeFromAnAggregatedTableIsLeftAlone() {
        assertThat(eager(planning.physical("SELECT o_cust, sum(o_price), sum(l_price) FROM customers, orders, lines "
                + "WHERE c_key = o_cust AND l_order = o_key GROUP BY o_cust"))).isFalse();
    }
}
