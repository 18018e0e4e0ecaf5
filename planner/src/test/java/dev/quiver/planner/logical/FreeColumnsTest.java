package dev.quiver.planner.logical;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.planner.Planning;
import dev.quiver.planner.expr.ColumnRef;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The free columns of every node, asked of each node alone and of the whole tree at once. */
class FreeColumnsTest {
    private final Planning planning = Planning.standard();

    @Test
    void oneWalkGivesEveryNodeWhatAskingItAloneGives() {
        LogicalPlan plan = planning.bind("SELECT a, (SELECT sum(s) FROM u WHERE x = a AND z > (SELECT max(c) FROM t t2 WHERE t2.b = u.s)) "
                + "FROM t WHERE EXISTS (SELECT 1 FROM u WHERE x = b)").plan();
        Map<LogicalPlan, Set<ColumnRef>> all = FreeColumns.ofEach(plan);
        int[] withFree = {0};
        check(plan, all, withFree);
        assertThat(all.get(plan)).isEmpty();
        // The correlated subqueries' inner plans read outer columns: the walk must see them too.
        assertThat(withFree[0]).isGreaterThan(0);
    }

    private static void check(LogicalPlan node, Map<LogicalPlan, Set<ColumnRef>> all, int[] withFree) {
        assertThat(all.get(node)).as("%s", node.operator()).isEqualTo(FreeColumns.of(node));
        withFree[0] += all.get(node).isEmpty() ? 0 : 1;
        node.inputs().forEach(input -> check(input, all, withFree));
    }
}
