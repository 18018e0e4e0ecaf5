package dev.quiver.planner.rule.exploration;

import static dev.quiver.planner.PlanFixtures.column;
import static dev.quiver.planner.PlanFixtures.eq;
import static dev.quiver.planner.PlanFixtures.integer;
import static dev.quiver.planner.PlanFixtures.pass;
import static dev.quiver.planner.PlanFixtures.plus;
import static dev.quiver.planner.PlanFixtures.project;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.planner.PlanFixtures;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.logical.LogicalJoin;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.plan.JoinType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Semi and anti joins move below a projection whose passed-through columns their condition reads. */
class PushSemiJoinThroughProjectTest {
    private final PlanFixtures f = new PlanFixtures();
    private final PushSemiJoinThroughProject rule = new PushSemiJoinThroughProject();
    private final LogicalPlan t = f.scan("t");
    private final LogicalPlan u = f.scan("u");

    private static LogicalPlan join(JoinType type, dev.quiver.planner.expr.Expr condition, LogicalPlan left, LogicalPlan right) {
        return LogicalPlan.of(new LogicalJoin(type, condition), List.of(left, right));
    }

    private List<LogicalPlan> apply(LogicalPlan plan) {
        assertThat(rule.pattern().matches(plan)).isTrue();
        return rule.apply(plan, f.context());
    }

    @Test
    void aSemiJoinOverAPassThroughProjectionFiltersItsInput() {
        ColumnRef a = column(t, "a");
        LogicalPlan projected = project(t, pass(a, column(t, "b")));
        LogicalPlan plan = join(JoinType.SEMI, eq(a, column(u, "x")), projected, u);
        LogicalPlan expected = project(join(JoinType.SEMI, eq(a, column(u, "x")), t, u), pass(a, column(t, "b")));
        assertThat(apply(plan)).containsExactly(expected);
        assertThat(expected.outputColumns()).as("same columns, same order").isEqualTo(plan.outputColumns());
    }

    @Test
    void aRenamedColumnIsReadUnderItsNameBelow() {
        Assignment renamed = f.assign("a2", column(t, "a"));
        LogicalPlan projected = project(t, renamed);
        LogicalPlan plan = join(JoinType.ANTI, eq(renamed.output(), column(u, "x")), projected, u);
        LogicalPlan expected = project(join(JoinType.ANTI, eq(column(t, "a"), column(u, "x")), t, u), renamed);
        assertThat(apply(plan)).containsExactly(expected);
    }

    @Test
    void aComputedColumnInTheConditionStaysAbove() {
        Assignment computed = f.assign("a1", plus(column(t, "a"), integer(1)));
        LogicalPlan plan = join(JoinType.SEMI, eq(computed.output(), column(u, "x")), project(t, computed), u);
        assertThat(apply(plan)).isEmpty();
    }

    @Test
    void declinesForJoinsThatAreNoFilter() {
        ColumnRef a = column(t, "a");
        LogicalPlan projected = project(t, pass(a));
        for (JoinType type : List.of(JoinType.INNER, JoinType.LEFT, JoinType.FULL)) {
            assertThat(apply(join(type, eq(a, column(u, "x")), projected, u))).as(type.name()).isEmpty();
        }
    }
}
