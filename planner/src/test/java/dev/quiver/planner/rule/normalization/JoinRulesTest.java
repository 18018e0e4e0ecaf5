package dev.quiver.planner.rule.normalization;

import static dev.quiver.planner.PlanFixtures.and;
import static dev.quiver.planner.PlanFixtures.call;
import static dev.quiver.planner.PlanFixtures.column;
import static dev.quiver.planner.PlanFixtures.eq;
import static dev.quiver.planner.PlanFixtures.filter;
import static dev.quiver.planner.PlanFixtures.gt;
import static dev.quiver.planner.PlanFixtures.integer;
import static dev.quiver.planner.PlanFixtures.not;
import static dev.quiver.planner.PlanFixtures.or;
import static dev.quiver.planner.PlanFixtures.pass;
import static dev.quiver.planner.PlanFixtures.project;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.planner.PlanFixtures;
import dev.quiver.planner.expr.AggregateCall;
import dev.quiver.planner.expr.AggregateKind;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.logical.LogicalAggregate;
import dev.quiver.planner.logical.LogicalJoin;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.logical.LogicalScan;
import dev.quiver.planner.logical.LogicalUnionAll;
import dev.quiver.planner.plan.AggregateAssignment;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.rule.TransformationRule;
import dev.quiver.planner.type.DataType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The join normalization rules and column pruning through joins and unions: each fires on its pattern, and not where its guard forbids. */
class JoinRulesTest {
    private final PlanFixtures f = new PlanFixtures();
    private final LogicalPlan t = f.scan("t");
    private final LogicalPlan u = f.scan("u");
    private final ColumnRef a = column(t, "a");
    private final ColumnRef b = column(t, "b");
    private final ColumnRef x = column(u, "x");
    private final ColumnRef s = column(u, "s");

    private static LogicalPlan join(JoinType type, Expr condition, LogicalPlan left, LogicalPlan right) {
        return LogicalPlan.of(new LogicalJoin(type, condition), List.of(left, right));
    }

    private LogicalPlan mark(Expr condition, ColumnRef mark) {
        return LogicalPlan.of(new LogicalJoin(JoinType.MARK, condition, Optional.of(mark)), List.of(t, u));
    }

    private List<LogicalPlan> apply(TransformationRule rule, LogicalPlan plan) {
        assertThat(rule.pattern().matches(plan)).isTrue();
        List<LogicalPlan> out = rule.apply(plan, f.context());
        for (LogicalPlan alternative : out) {
            assertThat(alternative.outputColumns()).as("a rewrite keeps the output columns").isEqualTo(plan.outputColumns());
        }
        return out;
    }

    private LogicalPlan applyOne(TransformationRule rule, LogicalPlan plan) {
        List<LogicalPlan> out = apply(rule, plan);
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    private static Expr isNotDistinct(Expr l, Expr r) {
        return Exprs.notDistinct(l, r);
    }

    @Nested
    class MarkJoinToSemiJoinRule {
        private final MarkJoinToSemiJoin rule = new MarkJoinToSemiJoin();
        private final ColumnRef m = f.ids.newColumn("in", DataType.BOOLEAN);

        @Test
        void aMarkThatMustBeTrueIsASemiJoin() {
            LogicalPlan plan = filter(and(m, gt(b, integer(0))), mark(eq(a, x), m));
            LogicalPlan result = applyOne(rule, plan);
            LogicalPlan semi = join(JoinType.SEMI, eq(a, x), t, u);
            List<Assignment> outputs = new java.util.ArrayList<>(List.of(pass(t.outputColumns().toArray(ColumnRef[]::new))));
            outputs.add(new Assignment(m, Literal.ofBoolean(true)));
            assertThat(result).isEqualTo(LogicalPlan.of(new LogicalProject(outputs), filter(gt(b, integer(0)), semi)));
        }

        @Test
        void isTrueWrappersAreDroppedForSemiAndAntiJoins() {
            Expr wrapped = Exprs.isTrue(eq(a, x));
            LogicalPlan result = applyOne(rule, filter(m, mark(wrapped, m)));
            assertThat(((LogicalJoin) result.input(0).operator()).condition()).isEqualTo(eq(a, x));
        }

        @Test
        void notMarkIsAnAntiJoinOnlyWhenTheConditionIsNeverNull() {
            LogicalPlan nullSafe = filter(not(m), mark(isNotDistinct(a, x), m));
            LogicalPlan result = applyOne(rule, nullSafe);
            assertThat(result.input(0).operator()).isEqualTo(new LogicalJoin(JoinType.ANTI, isNotDistinct(a, x)));
            assertThat(((LogicalProject) result.operator()).assignments()).contains(new Assignment(m, Literal.ofBoolean(false)));
            // NOT IN: a NULL comparison makes the mark NULL, which an anti join cannot express.
            assertThat(apply(rule, filter(not(m), mark(eq(a, x), m)))).isEmpty();
        }

        @Test
        void otherReferencesToTheMarkSeeItsConstantValue() {
            LogicalPlan result = applyOne(rule, filter(and(m, or(m, gt(b, integer(0)))), mark(eq(a, x), m)));
            assertThat(result.input(0).operator()).isEqualTo(new dev.quiver.planner.logical.LogicalFilter(
                    or(Literal.ofBoolean(true), gt(b, integer(0)))));
        }

        @Test
        void declinesWithoutAMarkConjunctOrForOtherJoins() {
            assertThat(apply(rule, filter(or(m, gt(b, integer(0))), mark(eq(a, x), m)))).isEmpty();
            assertThat(apply(rule, filter(gt(b, integer(0)), join(JoinType.INNER, eq(a, x), t, u)))).isEmpty();
        }
    }

    @Nested
    class SingleJoinToLeftJoinRule {
        private final SingleJoinToLeftJoin rule = new SingleJoinToLeftJoin();

        private LogicalPlan grouped(List<ColumnRef> keys) {
            ColumnRef cnt = f.ids.newColumn("count", DataType.BIGINT);
            return LogicalPlan.of(new LogicalAggregate(keys,
                    List.of(new AggregateAssignment(cnt, new AggregateCall(AggregateKind.COUNT_STAR, List.of(), false, DataType.BIGINT)))), u);
        }

        @Test
        void aRightSideUniqueOnTheEquatedColumnsCannotMatchTwice() {
            LogicalPlan plan = LogicalPlan.of(new LogicalJoin(JoinType.SINGLE, eq(a, x)), List.of(t, grouped(List.of(x))));
            assertThat(applyOne(rule, plan).operator()).isEqualTo(new LogicalJoin(JoinType.LEFT, eq(a, x)));
            LogicalPlan scalar = LogicalPlan.of(new LogicalJoin(JoinType.SINGLE, Exprs.TRUE), List.of(t, grouped(List.of())));
            assertThat(applyOne(rule, scalar).operator()).isEqualTo(new LogicalJoin(JoinType.LEFT, Exprs.TRUE));
        }

        @Test
        void declinesWhenTwoRowsCouldMatch() {
            assertThat(apply(rule, LogicalPlan.of(new LogicalJoin(JoinType.SINGLE, eq(a, x)), List.of(t, u)))).isEmpty();
            // Grouped by more columns than the condition fixes.
            assertThat(apply(rule, LogicalPlan.of(new LogicalJoin(JoinType.SINGLE, eq(a, x)), List.of(t, grouped(List.of(x, s))))))
                    .isEmpty();
            // Not an equality.
            assertThat(apply(rule, LogicalPlan.of(new LogicalJoin(JoinType.SINGLE, gt(a, x)), List.of(t, grouped(List.of(x))))))
                    .isEmpty();
        }
    }

    @Nested
    class PushFilterIntoJoinRule {
        private final PushFilterIntoJoin rule = new PushFilterIntoJoin();

        @Test
        void innerJoinTakesEveryTermWhereItBelongs() {
            LogicalPlan plan = filter(and(gt(a, integer(1)), gt(x, integer(2)), gt(a, x)), join(JoinType.INNER, eq(b, x), t, u));
            LogicalPlan result = applyOne(rule, plan);
            assertThat(result).isEqualTo(join(JoinType.INNER, and(eq(b, x), gt(a, x)), filter(gt(a, integer(1)), t),
                    filter(gt(x, integer(2)), u)));
        }

        @Test
        void outerJoinsKeepTermsOnThePreservedSideAboveTheNullableOne() {
            LogicalPlan plan = filter(and(gt(a, integer(1)), or(call(Function.IS_NULL, DataType.BOOLEAN, x), gt(b, integer(0)))),
                    join(JoinType.LEFT, eq(a, x), t, u));
            LogicalPlan result = applyOne(rule, plan);
            assertThat(result).isEqualTo(filter(or(call(Function.IS_NULL, DataType.BOOLEAN, x), gt(b, integer(0))),
                    join(JoinType.LEFT, eq(a, x), filter(gt(a, integer(1)), t), u)));
        }

        @Test
        void aNullRejectingTermMakesTheOuterJoinInner() {
            LogicalPlan left = filter(gt(x, integer(5)), join(JoinType.LEFT, eq(a, x), t, u));
            assertThat(applyOne(rule, left)).isEqualTo(filter(gt(x, integer(5)), join(JoinType.INNER, eq(a, x), t, u)));
            LogicalPlan full = filter(gt(a, integer(5)), join(JoinType.FULL, eq(a, x), t, u));
            assertThat(applyOne(rule, full)).isEqualTo(filter(gt(a, integer(5)), join(JoinType.LEFT, eq(a, x), t, u)));
            LogicalPlan right = filter(call(Function.IS_NOT_NULL, DataType.BOOLEAN, b), join(JoinType.RIGHT, eq(a, x), t, u));
            assertThat(applyOne(rule, right)).isEqualTo(filter(call(Function.IS_NOT_NULL, DataType.BOOLEAN, b),
                    join(JoinType.INNER, eq(a, x), t, u)));
        }

        @Test
        void declinesWhenNothingCanMove() {
            LogicalPlan plan = filter(or(call(Function.IS_NULL, DataType.BOOLEAN, x), gt(a, integer(0))),
                    join(JoinType.LEFT, eq(a, x), t, u));
            assertThat(apply(rule, plan)).isEmpty();
            // A full join preserves both sides: no single-side term moves.
            assertThat(apply(rule, filter(call(Function.IS_NULL, DataType.BOOLEAN, a), join(JoinType.FULL, eq(a, x), t, u))))
                    .isEmpty();
        }
    }

    @Nested
    class PushJoinConditionIntoInputsRule {
        private final PushJoinConditionIntoInputs rule = new PushJoinConditionIntoInputs();

        @Test
        void singleSideTermsMoveWhereTheJoinTypeAllows() {
            Expr condition = and(eq(a, x), gt(a, integer(1)), gt(x, integer(2)));
            assertThat(applyOne(rule, join(JoinType.INNER, condition, t, u))).isEqualTo(
                    join(JoinType.INNER, eq(a, x), filter(gt(a, integer(1)), t), filter(gt(x, integer(2)), u)));
            // LEFT: a left-only term decides matching, not which left rows appear; it stays.
            assertThat(applyOne(rule, join(JoinType.LEFT, condition, t, u))).isEqualTo(
                    join(JoinType.LEFT, and(eq(a, x), gt(a, integer(1))), t, filter(gt(x, integer(2)), u)));
            assertThat(applyOne(rule, join(JoinType.ANTI, condition, t, u))).isEqualTo(
                    join(JoinType.ANTI, and(eq(a, x), gt(a, integer(1))), t, filter(gt(x, integer(2)), u)));
        }

        @Test
        void aMarkJoinOnlyPushesTermsThatAreNeverNull() {
            ColumnRef m = f.ids.newColumn("exists", DataType.BOOLEAN);
            LogicalPlan plain = mark(and(eq(a, x), gt(x, integer(2))), m);
            assertThat(apply(rule, plain)).isEmpty();
            LogicalPlan wrapped = mark(and(eq(a, x), Exprs.isTrue(gt(x, integer(2)))), m);
            LogicalPlan result = applyOne(rule, wrapped);
            assertThat(result.input(1)).isEqualTo(filter(gt(x, integer(2)), u));
        }

        @Test
        void declinesWithoutSingleSideTerms() {
            assertThat(apply(rule, join(JoinType.INNER, and(eq(a, x), Exprs.TRUE), t, u))).isEmpty();
            assertThat(apply(rule, join(JoinType.FULL, and(eq(a, x), gt(a, integer(1))), t, u))).isEmpty();
        }
    }

    @Nested
    class PruningThroughJoinsAndUnions {
        private final PruneColumns rule = new PruneColumns();

        @Test
        void eachJoinSideKeepsWhatIsReadAboveAndByTheCondition() {
            LogicalPlan plan = project(join(JoinType.INNER, eq(b, x), t, u), pass(a));
            LogicalPlan pruned = rule.rewrite(plan, f.context());
            LogicalPlan joined = pruned.input(0);
            assertThat(joined.input(0).outputColumns()).containsExactly(a, b);
            assertThat(joined.input(1).outputColumns()).containsExactly(x);
        }

        @Test
        void aUnionKeepsThePositionsReadAbove() {
            ColumnRef first = f.ids.newColumn("first", DataType.INTEGER);
            ColumnRef second = f.ids.newColumn("second", DataType.BIGINT);
            ColumnRef xb = f.ids.newColumn("xb", DataType.BIGINT);
            LogicalPlan right = project(u, new Assignment(x, x), new Assignment(xb, new dev.quiver.planner.expr.Cast(x, DataType.BIGINT, -1)));
            LogicalPlan union = LogicalPlan.of(new LogicalUnionAll(List.of(first, second), List.of(List.of(a, b), List.of(x, xb))),
                    List.of(t, right));
            LogicalPlan pruned = rule.rewrite(project(union, pass(second)), f.context()).input(0);
            assertThat(pruned.operator()).isEqualTo(new LogicalUnionAll(List.of(second), List.of(List.of(b), List.of(xb))));
            assertThat(((LogicalScan) pruned.input(0).operator()).columns()).containsExactly(b);
            assertThat(pruned.input(1).outputColumns()).containsExactly(xb);
        }
    }
}
