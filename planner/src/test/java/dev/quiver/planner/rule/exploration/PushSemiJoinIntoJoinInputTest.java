package dev.quiver.planner.rule.exploration;

import static dev.quiver.planner.PlanFixtures.and;
import static dev.quiver.planner.PlanFixtures.column;
import static dev.quiver.planner.PlanFixtures.eq;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.planner.PlanFixtures;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.logical.LogicalJoin;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.plan.JoinType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Semi and anti joins move below an inner join into the one input their condition reads. */
class PushSemiJoinIntoJoinInputTest {
    private final PlanFixtures f = new PlanFixtures();
    private final PushSemiJoinIntoJoinInput rule = new PushSemiJoinIntoJoinInput();
    private final LogicalPlan t = f.scan("t");
    private final LogicalPlan u = f.scan("u");
    private final LogicalPlan lineitem = f.scan("lineitem");
    private final Expr tu = eq(column(t, "a"), column(u, "x"));

    private static LogicalPlan join(JoinType type, Expr condition, LogicalPlan left, LogicalPlan right) {
        return LogicalPlan.of(new LogicalJoin(type, condition), List.of(left, right));
    }

    private List<LogicalPlan> apply(LogicalPlan plan) {
        assertThat(rule.pattern().matches(plan)).isTrue();
        return rule.apply(plan, f.context());
    }

    @Test
    void aSemiJoinOnTheRightInputsColumnsFiltersThatInput() {
        Expr key = eq(column(u, "s"), column(lineitem, "l_orderkey"));
        LogicalPlan plan = join(JoinType.SEMI, key, join(JoinType.INNER, tu, t, u), lineitem);
        LogicalPlan expected = join(JoinType.INNER, tu, t, join(JoinType.SEMI, key, u, lineitem));
        assertThat(apply(plan)).containsExactly(expected);
        assertThat(expected.outputColumns()).as("same columns, same order").isEqualTo(plan.outputColumns());
    }

    @Test
    void anAntiJoinOnTheLeftInputsColumnsFiltersThatInput() {
        Expr key = and(eq(column(t, "b"), column(lineitem, "l_orderkey")), eq(column(t, "a"), column(t, "a")));
        LogicalPlan plan = join(JoinType.ANTI, key, join(JoinType.INNER, tu, t, u), lineitem);
        assertThat(apply(plan)).containsExactly(join(JoinType.INNER, tu, join(JoinType.ANTI, key, t, lineitem), u));
    }

    @Test
    void declinesWhenTheConditionReadsBothInputs() {
        Expr both = and(eq(column(t, "b"), column(lineitem, "l_orderkey")), eq(column(u, "s"), column(lineitem, "l_orderkey")));
        assertThat(apply(join(JoinType.SEMI, both, join(JoinType.INNER, tu, t, u), lineitem))).isEmpty();
    }

    @Test
    void declinesOverAnOuterJoinAndForOtherJoinTypes() {
        Expr key = eq(column(t, "b"), column(lineitem, "l_orderkey"));
        // below a LEFT join, the NULL-extended rows of u would be lost or kept differently
        assertThat(apply(join(JoinType.SEMI, key, join(JoinType.LEFT, tu, t, u), lineitem))).isEmpty();
        // an inner join over an inner join is the join enumerator's business
        assertThat(apply(join(JoinType.INNER, key, join(JoinType.INNER, tu, t, u), lineitem))).isEmpty();
        // a mark join's mark is a column above: not a filter
        assertThat(apply(LogicalPlan.of(new LogicalJoin(JoinType.MARK, key, java.util.Optional.of(f.ids.newColumn("m",
                dev.quiver.planner.type.DataType.BOOLEAN))), List.of(join(JoinType.INNER, tu, t, u), lineitem)))).isEmpty();
    }

    @Test
    void declinesWhenTheConditionReadsOnlyTheSemiJoinsRightInput() {
        Expr onlyRight = eq(column(lineitem, "l_orderkey"), column(lineitem, "l_orderkey"));
        assertThat(apply(join(JoinType.SEMI, onlyRight, join(JoinType.INNER, tu, t, u), lineitem))).isEmpty();
    }
}
