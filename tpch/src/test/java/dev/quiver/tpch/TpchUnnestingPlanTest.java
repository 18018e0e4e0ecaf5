package dev.quiver.tpch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.Database;
import dev.quiver.Quiver;
import dev.quiver.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The TPC-H queries with correlated subqueries plan into joins: EXPLAIN shows no dependent join
 * (nothing is evaluated per outer row), and each subquery became the join its shape calls for.
 */
class TpchUnnestingPlanTest {
    private static Database db;
    private static Session session;

    @BeforeAll
    static void load() {
        db = Quiver.openInMemory();
        session = db.connect();
        TpchDataGenerator.load(session, 0.01);
    }

    @AfterAll
    static void close() {
        session.close();
        db.close();
    }

    private static String explain(int query) {
        return TpchPlanGoldenTest.explain(session, query);
    }

    private static String unnested(int query) {
        String plan = explain(query);
        assertThat(plan).as("Q%d plan:%n%s", query, plan).doesNotContain("Dependent").contains("HashJoin");
        return plan;
    }

    /**
     * A SEMI or ANTI hash join of rows with key {@code returned} against rows with key {@code other},
     * built on either side: the mirrored form (RIGHT SEMI, RIGHT ANTI) probes with the other key.
     */
    private static String semi(String type, String returned, String other) {
        return "HashJoin (" + type + " \\[" + returned + " = " + other + "\\]|RIGHT " + type + " \\[" + other + " = " + returned
                + "\\])";
    }

    @Test
    void q02MinimumCostIsOneGroupedAggregateJoinedOnThePartKey() {
        String plan = unnested(2);
        assertThat(plan).containsPattern("HashAggregate keys=\\[ps_partkey#\\d+\\] aggregates=\\[min#\\d+ := min\\(ps_supplycost");
        assertThat(plan).containsPattern("HashJoin INNER \\[.*ps_supplycost#\\d+ = min#\\d+");
    }

    @Test
    void q04ExistsIsASemiJoin() {
        assertThat(unnested(4)).containsPattern(semi("SEMI", "o_orderkey#\\d+", "l_orderkey#\\d+"));
    }

    @Test
    void q17AverageQuantityIsGroupedByPartOnce() {
        String plan = unnested(17);
        assertThat(plan).containsPattern("HashAggregate keys=\\[l_partkey#\\d+\\] aggregates=\\[avg#\\d+ := avg\\(l_quantity");
        assertThat(plan).doesNotContain("NestedLoopJoin");
    }

    @Test
    void q20NestedSubqueriesBecomeSemiJoinsAndAGroupedSum() {
        String plan = unnested(20);
        assertThat(plan).containsPattern(semi("SEMI", "s_suppkey#\\d+", "ps_suppkey#\\d+"));
        assertThat(plan).containsPattern(semi("SEMI", "ps_partkey#\\d+", "p_partkey#\\d+"));
        assertThat(plan).containsPattern("HashAggregate keys=\\[l_partkey#\\d+, l_suppkey#\\d+\\] aggregates=\\[sum#\\d+ := sum");
    }

    @Test
    void q21ExistsAndNotExistsWithANonEqualityAreSemiAndAntiJoins() {
        String plan = unnested(21);
        assertThat(plan).containsPattern(semi("SEMI", "l_orderkey#\\d+", "l_orderkey#\\d+") + " residual l_suppkey#\\d+ <> l_suppkey#\\d+");
        assertThat(plan).containsPattern(semi("ANTI", "l_orderkey#\\d+", "l_orderkey#\\d+") + " residual l_suppkey#\\d+ <> l_suppkey#\\d+");
    }

    @Test
    void q22NotExistsIsAnAntiJoinAndTheAverageIsComputedOnce() {
        String plan = unnested(22);
        assertThat(plan).containsPattern(semi("ANTI", "c_custkey#\\d+", "o_custkey#\\d+"));
        // The uncorrelated average: one row, joined to every customer without a per-row subquery.
        assertThat(plan).containsPattern("HashAggregate keys=\\[\\] aggregates=\\[avg#\\d+ := avg\\(c_acctbal");
    }

    @Test
    void everyQueryPlansWithoutADependentJoin() {
        for (int q : TpchQueries.ALL) {
            assertThat(explain(q)).as("Q%d", q).doesNotContain("Dependent");
        }
    }
}
