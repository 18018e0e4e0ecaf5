package dev.quiver.planner.physical;

import static dev.quiver.planner.PlanFixtures.gt;
import static dev.quiver.planner.PlanFixtures.integer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.planner.TestCatalog;
import dev.quiver.planner.cost.Cost;
import dev.quiver.planner.expr.AggregateCall;
import dev.quiver.planner.expr.AggregateKind;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.plan.AggregateAssignment;
import dev.quiver.planner.type.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Subtrees equal up to their column ids compute the same rows; any other difference means not. */
class PlanEquivalenceTest {
    private final TestCatalog.Table t = new TestCatalog.Table("t", List.of(TestCatalog.column("k", DataType.INTEGER),
            TestCatalog.column("v", DataType.BIGINT)), 100);
    private final TestCatalog.Table u = new TestCatalog.Table("u", List.of(TestCatalog.column("k", DataType.INTEGER),
            TestCatalog.column("v", DataType.BIGINT)), 100);
    private int nextId;

    /** SELECT k, sum(v) FROM table WHERE v > bound GROUP BY k, with fresh column ids. */
    private PhysicalPlan sums(TestCatalog.Table table, long bound, AggregateKind kind) {
        ColumnRef k = new ColumnRef(nextId++, "k", DataType.INTEGER);
        ColumnRef v = new ColumnRef(nextId++, "v", DataType.BIGINT);
        ColumnRef sum = new ColumnRef(nextId++, "sum", DataType.BIGINT);
        PhysicalPlan scan = new PhysicalPlan(new TableScan(table, List.of(k, v), List.of(0, 1)), List.of(), List.of(k, v), 100, Cost.ZERO);
        Expr predicate = gt(v, integer(bound));
        PhysicalPlan filter = new PhysicalPlan(new Filter(predicate), List.of(scan), List.of(k, v), 50, Cost.ZERO);
        HashAggregate aggregate = new HashAggregate(List.of(k),
                List.of(new AggregateAssignment(sum, new AggregateCall(kind, List.of(v), false, DataType.BIGINT))));
        return new PhysicalPlan(aggregate, List.of(filter), List.of(k, sum), 10, Cost.ZERO);
    }

    @Test
    void theSameQueryBoundTwiceComputesTheSameRows() {
        PhysicalPlan a = sums(t, 5, AggregateKind.SUM);
        PhysicalPlan b = sums(t, 5, AggregateKind.SUM);
        assertThat(a.outputColumns()).doesNotContainAnyElementsOf(b.outputColumns());
        assertThat(PlanEquivalence.sameRows(a, b)).isTrue();
        assertThat(PlanEquivalence.sameRows(b, a)).isTrue();
    }

    @Test
    void theMappingNamesEachOfTheCopysColumnsByTheOriginals() {
        PhysicalPlan a = sums(t, 5, AggregateKind.SUM);
        PhysicalPlan b = sums(t, 5, AggregateKind.SUM);
        java.util.Map<ColumnRef, ColumnRef> mapping = PlanEquivalence.columnMapping(a, b).orElseThrow();
        PhysicalPlan aScan = a.input(0).input(0);
        PhysicalPlan bScan = b.input(0).input(0);
        for (int i = 0; i < 2; i++) {
            assertThat(mapping.get(bScan.outputColumns().get(i))).isEqualTo(aScan.outputColumns().get(i));
            assertThat(mapping.get(b.outputColumns().get(i))).isEqualTo(a.outputColumns().get(i));
        }
        assertThat(PlanEquivalence.columnMapping(a, sums(t, 6, AggregateKind.SUM))).isEmpty();
    }

    @Test
    void anyOtherDifferenceMakesThemDifferent() {
        PhysicalPlan a = sums(t, 5, AggregateKind.SUM);
        assertThat(PlanEquivalence.sameRows(a, sums(t, 6, AggregateKind.SUM))).as("constant").isFalse();
        assertThat(PlanEquivalence.sameRows(a, sums(u, 5, AggregateKind.SUM))).as("table").isFalse();
        assertThat(PlanEquivalence.sameRows(a, sums(t, 5, AggregateKind.MAX))).as("aggregate").isFalse();
        assertThat(PlanEquivalence.sameRows(a, a.input(0))).as("operator").isFalse();
    }

    @Test
    void columnsMustCorrespondConsistently() {
        // b filters on k where a filters on v: the same operators, but b's predicate reads the column
        // standing for a's k
        PhysicalPlan a = sums(t, 5, AggregateKind.SUM);
        PhysicalPlan b = sums(t, 5, AggregateKind.SUM);
        PhysicalPlan bScan = b.input(0).input(0);
        ColumnRef bk = bScan.outputColumns().get(0);
        PhysicalPlan bFilter = new PhysicalPlan(new Filter(gt(bk, integer(5))), List.of(bScan), bScan.outputColumns(), 50, Cost.ZERO);
        PhysicalPlan swapped = new PhysicalPlan(b.operator(), List.of(bFilter), b.outputColumns(), 10, Cost.ZERO);
        assertThat(PlanEquivalence.sameRows(a, swapped)).isFalse();
    }
}
