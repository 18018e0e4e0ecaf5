package dev.quiver.planner.rule.normalization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.planner.Planning;
import dev.quiver.planner.TestCatalog;
import dev.quiver.planner.physical.HashAggregate;
import dev.quiver.planner.physical.HashJoin;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.type.DataType;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The aggregate's input is semi-joined with a small join partner on group keys, and only then. */
class ReduceAggregateInputBySemiJoinTest {
    private final TestCatalog catalog = new TestCatalog()
            .add("fact", 1_000_000, TestCatalog.column("f_key", DataType.INTEGER), TestCatalog.column("f_qty", DataType.INTEGER))
            .add("few", 1_000, TestCatalog.column("k", DataType.INTEGER), TestCatalog.column("name", DataType.VARCHAR))
            .add("many", 150_000, TestCatalog.column("m", DataType.INTEGER));
    private final Planning planning;

    ReduceAggregateInputBySemiJoinTest() {
        catalog.get("fact").withDistinct("f_key", 200_000);
        planning = new Planning(catalog);
    }

    /** Whether some aggregate of the plan reads a semi join: the reduction fired. */
    private static boolean reduced(PhysicalPlan plan) {
        if (plan.operator() instanceof HashAggregate && semiJoinBelow(plan.input(0))) {
            return true;
        }
        return plan.inputs().stream().anyMatch(ReduceAggregateInputBySemiJoinTest::reduced);
    }

    private static boolean semiJoinBelow(PhysicalPlan plan) {
        if (plan.operator() instanceof HashJoin j) {
            return j.type() == JoinType.SEMI || j.type() == JoinType.RIGHT_SEMI;
        }
        return plan.inputs().size() == 1 && semiJoinBelow(plan.input(0));
    }

    @Test
    void aSmallPartnerOnTheGroupKeyReducesTheAggregatesInput() {
        String sql = "SELECT few.name, g.total FROM few JOIN (SELECT f_key, sum(f_qty) AS total FROM fact GROUP BY f_key) g ON g.f_key = few.k";
        assertThat(reduced(planning.physical(sql))).isTrue();
        assertThat(reduced(planning.optimize(sql, Set.of("ReduceAggregateInputBySemiJoin")).plan())).isFalse();
    }

    @Test
    void aCorrelatedAggregateSubqueryIsReducedToTheOuterKeys() {
        // TPC-H Q17's shape: the per-key average is needed only for the keys of the few rows outside.
        assertThat(reduced(planning.physical("SELECT sum(f_qty) FROM fact, few WHERE f_key = k "
                + "AND f_qty < (SELECT avg(f2.f_qty) FROM fact f2 WHERE f2.f_key = few.k)"))).isTrue();
    }

    @Test
    void aPartnerWithAboutAsManyRowsAsGroupsDoesNotReduce() {
        assertThat(reduced(planning.physical(
                "SELECT g.total FROM many JOIN (SELECT f_key, sum(f_qty) AS total FROM fact GROUP BY f_key) g ON g.f_key = many.m")))
                .isFalse();
    }

    @Test
    void aJoinOnAnAggregateResultDoesNotReduce() {
        assertThat(reduced(planning.physical(
                "SELECT few.name FROM few JOIN (SELECT f_key, sum(f_qty) AS total FROM fact GROUP BY f_key) g ON g.total = few.k")))
                .isFalse();
    }

    @Test
    void anOuterJoinKeepsGroupsWithoutPartnerAndIsNotReduced() {
        assertThat(reduced(planning.physical("SELECT g.total FROM (SELECT f_key, sum(f_qty) AS total FROM fact GROUP BY f_key) g "
                + "LEFT JOIN few ON g.f_key = few.k"))).isFalse();
    }
}
