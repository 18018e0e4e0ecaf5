package dev.quiver.planner.rule.normalization;

import static dev.quiver.planner.PlanFixtures.and;
import static dev.quiver.planner.PlanFixtures.column;
import static dev.quiver.planner.PlanFixtures.eq;
import static dev.quiver.planner.PlanFixtures.filter;
import static dev.quiver.planner.PlanFixtures.gt;
import static dev.quiver.planner.PlanFixtures.integer;
import static dev.quiver.planner.PlanFixtures.or;
import static dev.quiver.planner.PlanFixtures.plus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.planner.PlanFixtures;
import dev.quiver.planner.Planning;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.explain.PlanPrinter;
import dev.quiver.planner.logical.LogicalFilter;
import dev.quiver.planner.logical.LogicalPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A column every branch of an OR restricts gets the OR of those restrictions as a filter of its own. */
class InferFiltersFromDisjunctionsTest {
    private final PlanFixtures f = new PlanFixtures();
    private final LogicalPlan scan = f.scan("t");
    private final ColumnRef a = column(scan, "a");
    private final ColumnRef b = column(scan, "b");
    private final ColumnRef c = column(scan, "c");
    private final InferFiltersFromDisjunctions rule = new InferFiltersFromDisjunctions();

    private List<Expr> conjunctsAfter(Expr predicate) {
        List<LogicalPlan> out = rule.apply(filter(predicate, scan), f.context());
        assertThat(out).hasSize(1);
        return Exprs.conjuncts(((LogicalFilter) out.get(0).operator()).predicate());
    }

    @Test
    void infersTheColumnsEveryBranchRestricts() {
        Expr disjunction = or(and(eq(a, integer(1)), eq(b, integer(2))), and(eq(a, integer(3)), gt(c, integer(5))));
        // a is restricted in both branches; b and c in one each
        assertThat(conjunctsAfter(disjunction)).containsExactly(disjunction, Exprs.or(List.of(eq(a, integer(1)), eq(a, integer(3)))));
    }

    @Test
    void severalRestrictionsOfAColumnInOneBranchStayTogether() {
        Expr disjunction = or(and(gt(a, integer(1)), eq(b, integer(2)), gt(integer(5), a)), eq(a, integer(9)));
        assertThat(conjunctsAfter(disjunction)).containsExactly(disjunction,
                Exprs.or(List.of(Exprs.and(List.of(gt(a, integer(1)), gt(integer(5), a))), eq(a, integer(9)))));
    }

    @Test
    void reachesAFixpointAndLeavesOtherShapesAlone() {
        Expr disjunction = or(eq(a, integer(1)), eq(a, integer(3)));
        // the inferred filter would be the disjunction itself, which is already there
        assertThat(rule.apply(filter(disjunction, scan), f.context())).isEmpty();
        // a comparison of two columns, or of an expression, restricts no single column
        assertThat(rule.apply(filter(or(eq(a, b), eq(a, integer(1))), scan), f.context())).isEmpty();
        assertThat(rule.apply(filter(or(eq(plus(a, integer(1)), integer(2)), eq(a, integer(1))), scan), f.context())).isEmpty();
        assertThat(rule.apply(filter(eq(a, integer(1)), scan), f.context())).isEmpty();
    }

    @Test
    void theInferredFiltersReachTheScansBelowAJoin() {
        // TPC-H Q7's shape: pairs of values of two tables' columns, ORed
        String plan = PlanPrinter.print(Planning.standard().physical(
                "SELECT a, x FROM t, u WHERE a = x AND ((b = 1 AND y = 'p') OR (b = 2 AND y = 'q'))"));
        String scanOfT = plan.lines().filter(l -> l.contains("Filter") && l.contains("b#")).findFirst().orElse("");
        assertThat(scanOfT).as(plan).contains("b#").contains(" OR ").doesNotContain("y#");
        assertThat(plan).containsPattern("Filter \\(?\\(?CAST\\(y#\\d+ AS VARCHAR\\) = 'p'\\)? OR");
    }
}
