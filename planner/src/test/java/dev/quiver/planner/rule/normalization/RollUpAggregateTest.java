package dev.quiver.planner.rule.normalization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.planner.Planning;
import dev.quiver.planner.TestCatalog;
import dev.quiver.planner.physical.HashAggregate;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.physical.PlanEquivalence;
import dev.quiver.planner.physical.TableScan;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An aggregate over the same rows as a finer aggregate of the statement is computed from that
 * aggregate's groups, which the plan then holds twice, equal, to be computed once.
 */
class RollUpAggregateTest {
    private final TestCatalog catalog = new TestCatalog()
            .add("stock", 800_000, TestCatalog.column("part", DataType.INTEGER), TestCatalog.column("supplier", DataType.INTEGER),
                    TestCatalog.column("qty", DataType.INTEGER), TestCatalog.column("cost", DataType.decimal(15, 2)),
                    TestCatalog.column("score", DataType.DOUBLE))
            .add("suppliers", 10_000, TestCatalog.column("s_key", DataType.INTEGER), TestCatalog.column("s_nation", DataType.INTEGER));
    private final Planning planning;

    RollUpAggregateTest() {
        catalog.get("stock").withDistinct("part", 200_000).withDistinct("supplier", 10_000);
        catalog.get("suppliers").withDistinct("s_key", 10_000).withDistinct("s_nation", 25);
        planning = new Planning(catalog);
    }

    /** TPC-H Q11's shape: each part's value against a fraction of the total value over the same join. */
    private static final String Q11_SHAPE = "SELECT part, sum(cost * qty) AS value FROM stock, suppliers "
            + "WHERE supplier = s_key AND s_nation = 7 GROUP BY part "
            + "HAVING sum(cost * qty) > (SELECT sum(cost * qty) * 0.0001 FROM stock, suppliers WHERE supplier = s_key AND s_nation = 7)";

    @Test
    void aTotalOverTheSameJoinIsTheSumOfTheGroups() {
        PhysicalPlan plan = planning.physical(Q11_SHAPE);
        List<PhysicalPlan> rolled = rolledUp(plan);
        assertThat(rolled).hasSize(1);
        PhysicalPlan fine = rolled.get(0).input(0);
        assertThat(keys(fine)).isEqualTo(1);
        // The finer aggregate is the one the query groups by part: the plan holds it twice, equal.
        assertThat(aggregates(plan)).filteredOn(a -> a != fine && PlanEquivalence.sameRows(a, fine)).hasSize(1);
        assertThat(scans(plan, "stock")).allSatisfy(s -> assertThat(PlanEquivalence.sameRows(s, scans(plan, "stock").get(0))).isTrue());
        assertThat(plan.outputColumns()).extracting(c -> c.type()).containsExactly(DataType.INTEGER, DataType.decimal(38, 2));

        PhysicalPlan without = planning.optimize(Q11_SHAPE, Set.of("RollUpAggregate")).plan();
        assertThat(rolledUp(without)).isEmpty();
        List<PhysicalPlan> twice = scans(without, "stock");
        assertThat(twice).hasSize(2);
        assertThat(PlanEquivalence.sameRows(twice.get(0), twice.get(1))).as("the total reads no part keys").isFalse();
    }

    @Test
    void aCoarserGroupingRollsUpTheFinerOneAndCountsStayCounts() {
        // A hand-written ROLLUP: counts per part and supplier, then per part.
        String sql = "SELECT part, supplier, count(qty) FROM stock GROUP BY part, supplier "
                + "UNION ALL SELECT part, NULL, count(qty) FROM stock GROUP BY part";
        PhysicalPlan plan = planning.physical(sql);
        assertThat(rolledUp(plan)).hasSize(1);
        assertThat(keys(rolledUp(plan).get(0))).isEqualTo(1);
        assertThat(plan.outputColumns()).extracting(c -> c.type()).containsExactly(DataType.INTEGER, DataType.INTEGER, DataType.BIGINT);
    }

    @Test
    void ofSeveralFinerAggregatesTheFinestIsRolledUpFirst() {
        String sql = "SELECT part, supplier, max(cost) FROM stock GROUP BY part, supplier "
                + "UNION ALL SELECT part, NULL, max(cost) FROM stock GROUP BY part UNION ALL SELECT NULL, NULL, max(cost) FROM stock";
        PhysicalPlan plan = planning.physical(sql);
        // Per part from per part and supplier; the total from per part (the plan holds the per-part one twice).
        assertThat(rolledUp(plan)).extracting(RollUpAggregateTest::keys).containsOnly(1, 0);
        PhysicalPlan total = rolledUp(plan).stream().filter(r -> keys(r) == 0).findFirst().orElseThrow();
        assertThat(keys(total.input(0))).isEqualTo(1);
        assertThat(keys(total.input(0).input(0))).isEqualTo(2);
        List<PhysicalPlan> stock = scans(plan, "stock");
        assertThat(stock).allSatisfy(s -> assertThat(PlanEquivalence.sameRows(s, stock.get(0))).isTrue());
    }

    @Test
    void differentRowsOrAggregatesThatDoNotCombineAreComputedFromTheRows() {
        // Another filter, another argument, AVG, DISTINCT, the same keys.
        for (String sql : List.of(
                "SELECT part, sum(qty) FROM stock WHERE qty > 5 GROUP BY part HAVING sum(qty) > (SELECT sum(qty) FROM stock)",
                "SELECT part, sum(qty) FROM stock GROUP BY part HAVING sum(qty) > (SELECT sum(qty + 1) FROM stock)",
                "SELECT part, avg(qty) FROM stock GROUP BY part HAVING avg(qty) > (SELECT avg(qty) FROM stock)",
                "SELECT part, count(DISTINCT qty) FROM stock GROUP BY part HAVING count(DISTINCT qty) > (SELECT count(DISTINCT qty) FROM stock)",
                "SELECT part, sum(qty) FROM stock GROUP BY part UNION ALL SELECT part, count(qty) FROM stock GROUP BY part")) {
            assertThat(rolledUp(planning.physical(sql))).as(sql).isEmpty();
        }
    }

    @Test
    void fourLevelsRollUpEachFromTheNextFinerOne() {
        String level = "SELECT %s, max(cost) FROM stock GROUP BY %s";
        String sql = String.format(level, "part, supplier, qty", "part, supplier, qty")
                + " UNION ALL " + String.format(level, "part, supplier, NULL", "part, supplier")
                + " UNION ALL " + String.format(level, "part, NULL, NULL", "part")
                + " UNION ALL SELECT NULL, NULL, NULL, max(cost) FROM stock";
        PhysicalPlan plan = planning.physical(sql);
        PhysicalPlan total = rolledUp(plan).stream().filter(r -> keys(r) == 0).findFirst().orElseThrow();
        assertThat(keys(total.input(0))).isEqualTo(1);
        assertThat(keys(total.input(0).input(0))).isEqualTo(2);
        assertThat(keys(total.input(0).input(0).input(0))).isEqualTo(3);
    }

    /** The aggregates that read an aggregate grouped by more keys. */
    private static List<PhysicalPlan> rolledUp(PhysicalPlan plan) {
        List<PhysicalPlan> rolled = new ArrayList<>();
        for (PhysicalPlan a : aggregates(plan)) {
            if (a.input(0).operator() instanceof HashAggregate && keys(a.input(0)) > keys(a)) {
                rolled.add(a);
            }
        }
        return rolled;
    }

    private static int keys(PhysicalPlan aggregate) {
        return ((HashAggregate) aggregate.operator()).groupKeys().size();
    }

    private static List<PhysicalPlan> aggregates(PhysicalPlan plan) {
        List<PhysicalPlan> found = new ArrayList<>();
        collect(plan, HashAggregate.class, found);
        return found;
    }

    private static List<PhysicalPlan> scans(PhysicalPlan plan, String table) {
        List<PhysicalPlan> found = new ArrayList<>();
        collect(plan, TableScan.class, found);
        return found.stream().filter(s -> ((TableScan) s.operator()).table().name().equals(table)).toList();
    }

    private static void collect(PhysicalPlan plan, Class<?> type, List<PhysicalPlan> into) {
        if (type.isInstance(plan.operator())) {
            into.add(plan);
        }
        plan.inputs().forEach(input -> collect(input, type, into));
    }
}
