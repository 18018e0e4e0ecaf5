package dev.quiver.planner.logical;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.planner.Planning;
import dev.quiver.planner.expr.ColumnRef;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A subquery written twice binds to two trees equal up to their column ids; any other difference means not. */
class LogicalPlanEquivalenceTest {
    private final Planning planning = Planning.standard();

    /** The two inputs of the first join of {@code SELECT * FROM (left) l CROSS JOIN (right) r}. */
    private LogicalPlan[] sides(String left, String right) {
        LogicalPlan plan = planning.bind("SELECT * FROM (" + left + ") l CROSS JOIN (" + right + ") r").plan();
        LogicalPlan join = firstJoin(plan).orElseThrow();
        return new LogicalPlan[] {join.input(0), join.input(1)};
    }

    private static Optional<LogicalPlan> firstJoin(LogicalPlan plan) {
        if (plan.operator() instanceof LogicalJoin) {
            return Optional.of(plan);
        }
        return plan.inputs().stream().map(LogicalPlanEquivalenceTest::firstJoin).flatMap(Optional::stream).findFirst();
    }

    private static final String SUMS = "SELECT a, sum(b) AS s FROM t WHERE c > 5 GROUP BY a";

    @Test
    void aSubqueryWrittenTwiceComputesTheSameRowsUnderOtherIds() {
        LogicalPlan[] two = sides(SUMS, SUMS);
        assertThat(two[0].outputColumns()).doesNotContainAnyElementsOf(two[1].outputColumns());
        Map<ColumnRef, ColumnRef> mapping = LogicalPlanEquivalence.columnMapping(two[0], two[1]).orElseThrow();
        for (int i = 0; i < two[0].outputColumns().size(); i++) {
            assertThat(mapping.get(two[1].outputColumns().get(i))).isEqualTo(two[0].outputColumns().get(i));
        }
        assertThat(LogicalPlanEquivalence.columnMapping(two[1], two[0])).isPresent();
    }

    @Test
    void anyOtherDifferenceMakesThemDifferent() {
        for (String other : new String[] {
                "SELECT a, sum(b) AS s FROM t WHERE c > 6 GROUP BY a",
                "SELECT a, max(b) AS s FROM t WHERE c > 5 GROUP BY a",
                "SELECT x, sum(s) AS s FROM u WHERE z > 5 GROUP BY x",
                "SELECT a, sum(b) AS s FROM t WHERE c > 5 GROUP BY a, b",
                "SELECT a, sum(b) AS s FROM t WHERE c > 5 GROUP BY a ORDER BY a"}) {
            LogicalPlan[] two = sides(SUMS, other);
            assertThat(LogicalPlanEquivalence.columnMapping(two[0], two[1])).as(other).isEmpty();
        }
    }

    @Test
    void correlatedSubqueriesAreNeverMatched() {
        String correlated = "SELECT a FROM t WHERE b > (SELECT sum(s) FROM u WHERE x = a)";
        LogicalPlan[] two = sides(correlated, correlated);
        assertThat(Planning.operators(two[0], LogicalDependentJoin.class)).isNotEmpty();
        assertThat(LogicalPlanEquivalence.columnMapping(two[0], two[1])).isEmpty();
    }
}
