package dev.quiver.planner.rule.implementation;

import static dev.quiver.planner.PlanFixtures.and;
import static dev.quiver.planner.PlanFixtures.eq;
import static dev.quiver.planner.PlanFixtures.gt;
import static dev.quiver.planner.PlanFixtures.integer;
import static dev.quiver.planner.PlanFixtures.plus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.planner.PlanFixtures;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.logical.GroupRef;
import dev.quiver.planner.logical.LogicalJoin;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalUnionAll;
import dev.quiver.planner.physical.HashJoin;
import dev.quiver.planner.physical.UnionAll;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.rule.PhysicalAlternative;
import dev.quiver.planner.type.DataType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a logical join's condition becomes hash keys and a residual, and which build sides are proposed. */
class ImplementJoinRulesTest {
    private final PlanFixtures f = new PlanFixtures();
    private final ColumnRef a = f.ids.newColumn("a", DataType.INTEGER);
    private final ColumnRef b = f.ids.newColumn("b", DataType.BIGINT);
    private final ColumnRef x = f.ids.newColumn("x", DataType.INTEGER);
    private final ColumnRef y = f.ids.newColumn("y", DataType.BIGINT);
    private final GroupRef left = new GroupRef(1, List.of(a, b));
    private final GroupRef right = new GroupRef(2, List.of(x, y));
    private final ImplementHashJoin rule = new ImplementHashJoin();

    private List<PhysicalAlternative> implement(JoinType type, Expr condition, Optional<ColumnRef> mark) {
        LogicalPlan binding = LogicalPlan.of(new LogicalJoin(type, condition, mark),
                List.of(LogicalPlan.leaf(left), LogicalPlan.leaf(right)));
        return rule.implement(binding, f.context());
    }

    private List<PhysicalAlternative> implement(JoinType type, Expr condition) {
        return implement(type, condition, Optional.empty());
    }

    @Test
    void equalitiesAcrossTheSidesAreKeysAndTheRestIsResidual() {
        Expr condition = and(eq(x, a), Exprs.notDistinct(b, y), gt(plus(a, integer(1)), x), gt(a, integer(0)));
        List<PhysicalAlternative> out = implement(JoinType.INNER, condition);
        HashJoin expected = new HashJoin(JoinType.INNER, List.of(a, b), List.of(x, y), List.of(false, true),
                Optional.of(and(gt(plus(a, integer(1)), x), gt(a, integer(0)))), Optional.empty());
        assertThat(out.get(0)).isEqualTo(new PhysicalAlternative(expected, List.of(left, right)));
        // An inner join may also be built on its left input.
        HashJoin mirrored = new HashJoin(JoinType.INNER, List.of(x, y), List.of(a, b), List.of(false, true),
                expected.residual(), Optional.empty());
        assertThat(out.get(1)).isEqualTo(new PhysicalAlternative(mirrored, List.of(right, left)));
    }

    @Test
    void outerJoinsMirrorIntoEachOther() {
        assertThat(implement(JoinType.LEFT, eq(a, x))).extracting(p -> ((HashJoin) p.operator()).type())
                .containsExactly(JoinType.LEFT, JoinType.RIGHT);
        assertThat(implement(JoinType.RIGHT, eq(a, x))).extracting(p -> ((HashJoin) p.operator()).type())
                .containsExactly(JoinType.RIGHT, JoinType.LEFT);
        assertThat(implement(JoinType.FULL, eq(a, x))).extracting(p -> ((HashJoin) p.operator()).type())
                .containsExactly(JoinType.FULL, JoinType.FULL);
    }

    @Test
    void semiAndAntiJoinsMayBuildOnTheRowsTheyReturn() {
        Expr residual = gt(b, y);
        for (JoinType type : List.of(JoinType.SEMI, JoinType.ANTI)) {
            List<PhysicalAlternative> out = implement(type, and(eq(a, x), residual));
            assertThat(out).hasSize(2);
            assertThat(out.get(0)).isEqualTo(new PhysicalAlternative(new HashJoin(type, List.of(a), List.of(x), List.of(false),
                    Optional.of(residual), Optional.empty()), List.of(left, right)));
            // Mirrored: the left input (the rows returned) is built, the right input probes it.
            JoinType mirrored = type == JoinType.SEMI ? JoinType.RIGHT_SEMI : JoinType.RIGHT_ANTI;
            HashJoin join = new HashJoin(mirrored, List.of(x), List.of(a), List.of(false), Optional.of(residual), Optional.empty());
            assertThat(out.get(1)).isEqualTo(new PhysicalAlternative(join, List.of(right, left)));
            assertThat(join.outputColumns(List.of(List.of(x, y), List.of(a, b)))).containsExactly(a, b);
            assertThat(join.describe()).startsWith("HashJoin " + mirrored.displayName() + " [x");
        }
    }

    @Test
    void markAndSingleJoinsBuildOnlyOnTheRight() {
        ColumnRef m = f.ids.newColumn("in", DataType.BOOLEAN);
        assertThat(implement(JoinType.MARK, eq(a, x), Optional.of(m))).extracting(p -> ((HashJoin) p.operator()).type())
                .containsExactly(JoinType.MARK);
        assertThat(implement(JoinType.SINGLE, eq(a, x))).extracting(p -> ((HashJoin) p.operator()).type())
                .containsExactly(JoinType.SINGLE);
    }

    @Test
    void withoutEqualitiesItIsANestedLoop() {
        HashJoin join = (HashJoin) implement(JoinType.INNER, gt(a, x)).get(0).operator();
        assertThat(join.probeKeys()).isEmpty();
        assertThat(join.residual()).contains(gt(a, x));
        assertThat(join.describe()).startsWith("NestedLoopJoin INNER");
    }

    @Test
    void markJoinsKeepNullsInTheirMark() {
        ColumnRef m = f.ids.newColumn("in", DataType.BOOLEAN);
        // x IN (subquery): the lone equality is a null-aware key.
        HashJoin in = (HashJoin) implement(JoinType.MARK, eq(a, x), Optional.of(m)).get(0).operator();
        assertThat(in.probeKeys()).containsExactly(a);
        assertThat(in.nullAwareMark()).isTrue();
        // With more terms, a plain equality must stay three-valued (residual); "IS TRUE" equalities are keys.
        Expr correlatedIn = and(eq(b, y), Exprs.isTrue(eq(a, x)));
        HashJoin correlated = (HashJoin) implement(JoinType.MARK, correlatedIn, Optional.of(m)).get(0).operator();
        assertThat(correlated.probeKeys()).containsExactly(a);
        assertThat(correlated.nullSafe()).containsExactly(false);
        assertThat(correlated.residual()).contains(eq(b, y));
        assertThat(correlated.nullAwareMark()).isFalse();
        // A correlated EXISTS: one IS TRUE key means FALSE for a NULL key, so it must not be null-aware.
        HashJoin exists = (HashJoin) implement(JoinType.MARK, Exprs.isTrue(eq(a, x)), Optional.of(m)).get(0).operator();
        assertThat(exists.probeKeys()).containsExactly(a);
        assertThat(exists.nullAwareMark()).isFalse();
    }

    @Test
    void unionAllIsImplementedAsItIs() {
        ColumnRef u = f.ids.newColumn("u", DataType.INTEGER);
        LogicalUnionAll union = new LogicalUnionAll(List.of(u), List.of(List.of(a), List.of(x)));
        List<PhysicalAlternative> out = new ImplementUnionAll().implement(
                LogicalPlan.of(union, List.of(LogicalPlan.leaf(left), LogicalPlan.leaf(right))), f.context());
        assertThat(out).containsExactly(new PhysicalAlternative(new UnionAll(List.of(u), List.of(List.of(a), List.of(x))),
                List.of(left, right)));
    }
}
