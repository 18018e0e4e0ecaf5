package dev.quiver.planner.rule.normalization;

import static dev.quiver.planner.PlanFixtures.INTEGER_FOLDING;
import static dev.quiver.planner.PlanFixtures.and;
import static dev.quiver.planner.PlanFixtures.bool;
import static dev.quiver.planner.PlanFixtures.column;
import static dev.quiver.planner.PlanFixtures.filter;
import static dev.quiver.planner.PlanFixtures.gt;
import static dev.quiver.planner.PlanFixtures.integer;
import static dev.quiver.planner.PlanFixtures.lt;
import static dev.quiver.planner.PlanFixtures.not;
import static dev.quiver.planner.PlanFixtures.nullBoolean;
import static dev.quiver.planner.PlanFixtures.pass;
import static dev.quiver.planner.PlanFixtures.plus;
import static dev.quiver.planner.PlanFixtures.project;
import static dev.quiver.planner.PlanFixtures.times;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.planner.PlanFixtures;
import dev.quiver.planner.Planning;
import dev.quiver.planner.expr.AggregateCall;
import dev.quiver.planner.expr.AggregateKind;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.logical.LogicalAggregate;
import dev.quiver.planner.logical.LogicalFilter;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalUnionAll;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.logical.LogicalValues;
import dev.quiver.planner.plan.AggregateAssignment;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.rule.TransformationRule;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** For each normalization rule: it fires on its pattern with the expected result, and not where its guard forbids. */
class NormalizationRulesTest {
    private final PlanFixtures f = new PlanFixtures();
    private final LogicalPlan scan = f.scan("t");
    private final ColumnRef a = column(scan, "a");
    private final ColumnRef b = column(scan, "b");
    private final ColumnRef c = column(scan, "c");

    /** Applies the rule to a plan its pattern matches; returns its alternatives. */
    private List<LogicalPlan> apply(TransformationRule rule, LogicalPlan plan) {
        assertThat(rule.kind()).isEqualTo(TransformationRule.Kind.NORMALIZATION);
        assertThat(rule.pattern().matches(plan)).as("%s matches%n%s", rule.name(), plan).isTrue();
        List<LogicalPlan> out = rule.apply(plan, f.context());
        for (LogicalPlan alternative : out) {
            assertThat(alternative.outputColumns()).as("a rewrite keeps the output columns").isEqualTo(plan.outputColumns());
            assertThat(alternative).as("a rule must not return its input unchanged").isNotEqualTo(plan);
        }
        return out;
    }

    private LogicalPlan applyOne(TransformationRule rule, LogicalPlan plan) {
        List<LogicalPlan> out = apply(rule, plan);
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    @Nested
    class SimplifyFilterRule {
        private final SimplifyFilter rule = new SimplifyFilter();

        @Test
        void simplifiesThePredicate() {
            LogicalPlan result = applyOne(rule, filter(and(gt(a, integer(1)), bool(true)), scan));
            assertThat(result).isEqualTo(filter(gt(a, integer(1)), scan));
        }

        @Test
        void alwaysTrueFilterDisappears() {
            assertThat(applyOne(rule, filter(bool(true), scan))).isSameAs(scan);
            assertThat(applyOne(rule, filter(and(bool(true), bool(true)), scan))).isSameAs(scan);
        }

        @Test
        void falseOrNullBecomesEmptyValuesWithTheSameColumns() {
            for (var predicate : List.of(bool(false), nullBoolean(), and(gt(a, integer(1)), bool(false)))) {
                LogicalPlan result = applyOne(rule, filter(predicate, scan));
                assertThat(result.operator()).isEqualTo(new LogicalValues(scan.outputColumns(), List.of()));
                assertThat(result.inputs()).isEmpty();
            }
        }

        @Test
        void foldsWithTheEvaluator() {
            LogicalPlan plan = filter(lt(integer(2), integer(1)), scan);
            assertThat(rule.apply(plan, f.context(INTEGER_FOLDING))).containsExactly(
                    LogicalPlan.leaf(new LogicalValues(scan.outputColumns(), List.of())));
            assertThat(rule.apply(plan, f.context())).as("nothing to do without folding").isEmpty();
        }

        @Test
        void doesNotFireOnASimplePredicate() {
            assertThat(apply(rule, filter(gt(a, integer(1)), scan))).isEmpty();
            assertThat(apply(rule, filter(and(gt(a, integer(1)), nullBoolean()), scan))).isEmpty();
        }
    }

    @Nested
    class MergeFiltersRule {
        private final MergeFilters rule = new MergeFilters();

        @Test
        void innerPredicateComesFirst() {
            // The inner filter ran first; keeping it first keeps which rows reach the outer predicate.
            LogicalPlan plan = filter(lt(a, integer(10)), filter(gt(a, integer(1)), scan));
            assertThat(applyOne(rule, plan)).isEqualTo(filter(and(gt(a, integer(1)), lt(a, integer(10))), scan));
        }

        @Test
        void conjunctionsAreFlattened() {
            LogicalPlan plan = filter(and(lt(a, integer(10)), gt(b, integer(2))), filter(gt(a, integer(1)), scan));
            LogicalFilter merged = (LogicalFilter) applyOne(rule, plan).operator();
            assertThat(Exprs.conjuncts(merged.predicate())).containsExactly(gt(a, integer(1)), lt(a, integer(10)), gt(b, integer(2)));
        }

        @Test
        void patternNeedsAFilterUnderAFilter() {
            assertThat(rule.pattern().matches(filter(gt(a, integer(1)), scan))).isFalse();
            assertThat(rule.pattern().matches(filter(gt(a, integer(1)), project(scan, pass(a))))).isFalse();
        }
    }

    @Nested
    class PushFilterThroughProjectRule {
        private final PushFilterThroughProject rule = new PushFilterThroughProject();

        @Test
        void predicateIsRewrittenOverTheProjectionInput() {
            Assignment k = f.assign("k", plus(a, integer(1)));
            LogicalPlan projected = project(scan, k, pass(b)[0]);
            LogicalPlan plan = filter(and(gt(k.output(), integer(5)), lt(b, integer(3))), projected);
            LogicalPlan result = applyOne(rule, plan);
            assertThat(result).isEqualTo(project(filter(and(gt(plus(a, integer(1)), integer(5)), lt(b, integer(3))), scan), k, pass(b)[0]));
        }

        @Test
        void doesNotFireWhenThePredicateReadsAColumnTheProjectionDoesNotDefine() {
            // Not a well-formed plan, but the guard must hold: c is not produced by the projection.
            LogicalPlan plan = filter(gt(c, integer(1)), project(scan, pass(a)));
            assertThat(apply(rule, plan)).isEmpty();
        }

        @Test
        void patternNeedsAProjectionUnderTheFilter() {
            assertThat(rule.pattern().matches(filter(gt(a, integer(1)), scan))).isFalse();
        }
    }

    @Nested
    class SimplifyProjectRule {
        private final SimplifyProject rule = new SimplifyProject();

        @Test
        void simplifiesEveryAssignment() {
            Assignment x = f.assign("x", not(not(gt(a, integer(1)))));
            Assignment y = f.assign("y", and(gt(b, integer(2)), bool(true)));
            LogicalPlan result = applyOne(rule, project(scan, x, y));
            assertThat(((LogicalProject) result.operator()).assignments()).containsExactly(
                    new Assignment(x.output(), gt(a, integer(1))), new Assignment(y.output(), gt(b, integer(2))));
            assertThat(result.input(0)).isSameAs(scan);
        }

        @Test
        void foldsWithTheEvaluator() {
            Assignment x = f.assign("x", plus(integer(1), integer(2)));
            LogicalPlan plan = project(scan, x);
            assertThat(rule.apply(plan, f.context(INTEGER_FOLDING))).containsExactly(project(scan, new Assignment(x.output(), integer(3))));
            assertThat(rule.apply(plan, f.context())).isEmpty();
        }

        @Test
        void doesNotFireWhenNothingSimplifies() {
            assertThat(apply(rule, project(scan, f.assign("x", plus(a, integer(1))), pass(b)[0]))).isEmpty();
        }
    }

    @Nested
    class MergeProjectsRule {
        private final MergeProjects rule = new MergeProjects();

        @Test
        void substitutesInnerExpressionsUsedOnce() {
            Assignment k = f.assign("k", plus(a, integer(1)));
            Assignment o = f.assign("o", times(k.output(), integer(2)));
            Assignment p = f.assign("p", b); // reads the inner projection's pass-through of b
            LogicalPlan plan = project(project(scan, k, pass(b)[0]), o, p);
            LogicalPlan result = applyOne(rule, plan);
            assertThat(result).isEqualTo(project(scan, new Assignment(o.output(), times(plus(a, integer(1)), integer(2))), p));
        }

        @Test
        void doesNotFireWhenANonTrivialInnerExpressionWouldBeComputedTwice() {
            Assignment k = f.assign("k", plus(a, integer(1)));
            // k * k would compute a + 1 twice.
            Assignment square = f.assign("sq", times(k.output(), k.output()));
            assertThat(apply(rule, project(project(scan, k), square))).isEmpty();
            // ... as would two outputs each using k once.
            Assignment twice1 = f.assign("o1", k.output());
            Assignment twice2 = f.assign("o2", plus(k.output(), integer(2)));
            assertThat(apply(rule, project(project(scan, k), twice1, twice2))).isEmpty();
        }

        @Test
        void trivialInnerExpressionsMayBeUsedAnyNumberOfTimes() {
            Assignment renamed = f.assign("r", a);
            Assignment constant = f.assign("one", integer(1));
            Assignment o = f.assign("o", times(plus(renamed.output(), constant.output()), plus(renamed.output(), constant.output())));
            LogicalPlan result = applyOne(rule, project(project(scan, renamed, constant), o));
            assertThat(result).isEqualTo(project(scan, new Assignment(o.output(), times(plus(a, integer(1)), plus(a, integer(1))))));
        }

        @Test
        void unusedInnerExpressionsAreDropped() {
            Assignment k = f.assign("k", plus(a, integer(1)));
            Assignment unused = f.assign("u", times(b, b));
            Assignment o = f.assign("o", k.output());
            assertThat(applyOne(rule, project(project(scan, k, unused), o)))
                    .isEqualTo(project(scan, new Assignment(o.output(), plus(a, integer(1)))));
        }
    }

    @Nested
    class RemoveIdentityProjectRule {
        private final RemoveIdentityProject rule = new RemoveIdentityProject();

        @Test
        void removesAProjectionPassingEverythingThroughInOrder() {
            assertThat(applyOne(rule, project(scan, pass(scan.outputColumns().toArray(ColumnRef[]::new))))).isSameAs(scan);
            LogicalPlan empty = LogicalPlan.leaf(new LogicalValues(List.of(), List.of(List.of())));
            assertThat(applyOne(rule, project(empty))).isSameAs(empty);
        }

        @Test
        void keepsAProjectionThatReordersDropsOrRenames() {
            List<ColumnRef> columns = scan.outputColumns();
            List<ColumnRef> reversedList = new ArrayList<>(columns);
            Collections.reverse(reversedList);
            ColumnRef[] reversed = reversedList.toArray(ColumnRef[]::new);
            assertThat(apply(rule, project(scan, pass(reversed)))).as("order differs").isEmpty();
            assertThat(apply(rule, project(scan, pass(a, b)))).as("drops columns").isEmpty();
            Assignment[] renamed = pass(columns.toArray(ColumnRef[]::new));
            renamed[0] = f.assign("a2", a);
            assertThat(apply(rule, project(scan, renamed))).as("renames a column").isEmpty();
        }
    }

    @Nested
    class PruneColumnsRule {
        private final PruneColumns rule = new PruneColumns();

        @Test
        void scanReadsOnlyWhatIsUsedAbove() {
            Assignment x = f.assign("x", plus(a, integer(1)));
            LogicalPlan plan = project(filter(gt(c, integer(0)), scan), x);
            LogicalPlan pruned = rule.rewrite(plan, f.context());
            assertThat(Planning.shape(pruned)).containsExactly(
                    "Project [x#6 := a#0 + 1]",
                    "  Filter c#2 > 0",
                    "    Scan t [a#0, c#2]");
        }

        @Test
        void rootKeepsAllItsColumns() {
            assertThat(rule.rewrite(scan, f.context())).isSameAs(scan);
            LogicalPlan filtered = filter(gt(a, integer(0)), scan);
            assertThat(rule.rewrite(filtered, f.context())).isEqualTo(filtered);
            LogicalPlan plan = project(scan, pass(b, a));
            assertThat(rule.rewrite(plan, f.context()).outputColumns()).containsExactly(b, a);
        }

        @Test
        void dropsProjectedAndAggregatedValuesNobodyReads() {
            LogicalPlan bound = new Planning(f.catalog).bind("SELECT a FROM t GROUP BY a HAVING count(*) > 1").plan();
            // Project [a] <- Filter count > 1 <- Aggregate [a] [count, ...]: count is read by the filter, so kept.
            assertThat(Planning.shape(rule.rewrite(bound, f.context()))).contains("    Aggregate keys=[a#0] aggregates=[count#6 := count(*)]");

            // Build one where an aggregate and a projected value are unused.
            Assignment doubled = f.assign("doubled", times(b, integer(2)));
            Assignment kept = f.assign("kept", a);
            LogicalPlan inner = project(scan, kept, doubled);
            var sum = new AggregateAssignment(f.ids.newColumn("sum", b.type()),
                    new AggregateCall(AggregateKind.SUM, List.of(doubled.output()), false,
                            b.type()));
            var count = new AggregateAssignment(f.ids.newColumn("count", DataType.BIGINT),
                    new AggregateCall(AggregateKind.COUNT_STAR, List.of(), false,
                            DataType.BIGINT));
            LogicalPlan aggregate = LogicalPlan.of(new LogicalAggregate(List.of(kept.output()), List.of(sum, count)),
                    inner);
            LogicalPlan plan = project(aggregate, pass(kept.output(), count.output()));
            LogicalPlan pruned = rule.rewrite(plan, f.context());
            assertThat(Planning.shape(pruned)).containsExactly(
                    // doubled#6 and sum#8 are gone; b is no longer read.
                    "Project [kept#7, count#9]",
                    "  Aggregate keys=[kept#7] aggregates=[count#9 := count(*)]",
                    "    Project [kept#7 := a#0]",
                    "      Scan t [a#0]");
        }

        @Test
        void anAggregateTheTreeHoldsTwiceKeepsAllItsAggregatesSoTheCopiesStayEqual() {
            // One consumer reads the sum, the other the count (as RollUpAggregate's copies may).
            var sum = new AggregateAssignment(f.ids.newColumn("sum", b.type()), new AggregateCall(AggregateKind.SUM, List.of(b), false, b.type()));
            var count = new AggregateAssignment(f.ids.newColumn("count", DataType.BIGINT),
                    new AggregateCall(AggregateKind.COUNT_STAR, List.of(), false, DataType.BIGINT));
            LogicalPlan aggregate = LogicalPlan.of(new LogicalAggregate(List.of(a), List.of(sum, count)), scan);
            LogicalPlan plan = LogicalPlan.of(new LogicalUnionAll(List.of(f.ids.newColumn("u", b.type())),
                    List.of(List.of(sum.output()), List.of(count.output()))), List.of(aggregate, aggregate));
            LogicalPlan pruned = rule.rewrite(plan, f.context());
            assertThat(pruned.input(0)).isEqualTo(pruned.input(1));
            assertThat(Planning.operators(pruned, LogicalAggregate.class)).allSatisfy(g -> assertThat(g.aggregates()).hasSize(2));

            // Held once, each keeps only what its consumer reads.
            LogicalPlan other = LogicalPlan.of(new LogicalAggregate(List.of(a), List.of(sum, count)), filter(gt(a, integer(0)), scan));
            LogicalPlan once = LogicalPlan.of(new LogicalUnionAll(List.of(f.ids.newColumn("u", b.type())),
                    List.of(List.of(sum.output()), List.of(count.output()))), List.of(aggregate, other));
            assertThat(Planning.operators(rule.rewrite(once, f.context()), LogicalAggregate.class)).allSatisfy(g -> assertThat(g.aggregates()).hasSize(1));
        }

        @Test
        void groupKeysStayEvenWhenNotReadAbove() {
            // SELECT count(*) ... GROUP BY a: the key decides the row count, so it is never pruned.
            LogicalPlan bound = new Planning(f.catalog).bind("SELECT count(*) FROM t GROUP BY a").plan();
            assertThat(Planning.shape(rule.rewrite(bound, f.context()))).containsExactly(
                    "Project [count#7 := count#6]",
                    "  Aggregate keys=[a#0] aggregates=[count#6 := count(*)]",
                    "    Project [a#0]",
                    "      Scan t [a#0]");
        }

        @Test
        void sortKeysAndFilterColumnsAreKeptBelow() {
            LogicalPlan bound = new Planning(f.catalog).bind("SELECT a FROM t WHERE d LIKE 'x%' ORDER BY c + 1 LIMIT 3").plan();
            assertThat(Planning.shape(rule.rewrite(bound, f.context()))).containsExactly(
                    "Project [a#6]",
                    "  Limit 3",
                    "    Sort [sort#7 ASC NULLS LAST]",
                    "      Project [a#6 := a#0, sort#7 := CAST(c#2 AS DECIMAL(16,2)) + 1.00]",
                    "        Filter d#3 LIKE 'x%'",
                    "          Scan t [a#0, c#2, d#3]");
        }

        @Test
        void valuesColumnsArePrunedRowByRow() {
            LogicalPlan bound = new Planning(f.catalog).bind("VALUES (1, 'a'), (2, 'b')").plan();
            LogicalValues values = (LogicalValues) bound.operator();
            ColumnRef second = values.columns().get(1);
            LogicalPlan plan = project(bound, pass(second));
            LogicalPlan pruned = rule.rewrite(plan, f.context());
            LogicalValues prunedValues = (LogicalValues) pruned.input(0).operator();
            assertThat(prunedValues.columns()).containsExactly(second);
            assertThat(prunedValues.rows()).containsExactly(List.of(values.rows().get(0).get(1)), List.of(values.rows().get(1).get(1)));
        }

        @Test
        void countStarScansNoColumns() {
            LogicalPlan bound = new Planning(f.catalog).bind("SELECT count(*) FROM t").plan();
            assertThat(Planning.shape(rule.rewrite(bound, f.context()))).containsExactly(
                    "Project [count#7 := count#6]",
                    "  Aggregate keys=[] aggregates=[count#6 := count(*)]",
                    "    Project []",
                    "      Scan t []");
        }
    }
}
