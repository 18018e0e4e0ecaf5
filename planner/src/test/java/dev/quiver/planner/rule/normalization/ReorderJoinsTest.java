package dev.quiver.planner.rule.normalization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.planner.Planning;
import dev.quiver.planner.TestCatalog;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.optimizer.OptimizedPlan;
import dev.quiver.planner.optimizer.OptimizerSettings;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.physical.TableScan;
import dev.quiver.planner.rule.ConstantEvaluator;
import dev.quiver.planner.rule.RuleContext;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Greedy join ordering: connected pairs with the smallest estimated result first, cross products last. */
class ReorderJoinsTest {
    private final TestCatalog catalog = new TestCatalog()
            .add("fact", 1_000_000, TestCatalog.column("f_a", DataType.INTEGER), TestCatalog.column("f_b", DataType.INTEGER))
            .add("dim_a", 100, TestCatalog.column("a_id", DataType.INTEGER), TestCatalog.column("a_name", DataType.VARCHAR))
            .add("dim_b", 10_000, TestCatalog.column("b_id", DataType.INTEGER), TestCatalog.column("b_name", DataType.VARCHAR))
            .add("lonely", 3, TestCatalog.column("l", DataType.INTEGER));
    private final Planning planning = new Planning(catalog);

    /** The join tree the whole optimizer picks (filters pushed into joins first, as in every query). */
    private String joinTree(String sql) {
        return tree(planning.physical(sql));
    }

    /** Leaf tables with the join nesting as brackets; the two inputs of a join in name order (build sides vary). */
    private static String tree(PhysicalPlan plan) {
        if (plan.operator() instanceof TableScan scan) {
            return scan.table().name();
        }
        List<String> parts = new ArrayList<>();
        plan.inputs().forEach(i -> parts.add(tree(i)));
        parts.sort(String::compareTo);
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" ", parts) + ")";
    }

    @Test
    void joinsTheSelectiveDimensionFirst() {
        // The filtered small dimension shrinks the fact table most; the large dimension joins last.
        assertThat(joinTree("SELECT f_a FROM fact, dim_b, dim_a WHERE f_b = b_id AND f_a = a_id AND a_name = 'x'"))
                .isEqualTo("((dim_a fact) dim_b)");
    }

    @Test
    void crossProductsOnlyWhenNothingConnects() {
        assertThat(joinTree("SELECT f_a FROM fact, lonely, dim_a WHERE f_a = a_id")).isEqualTo("((dim_a fact) lonely)");
        // With the rule disabled the written order stays: the cross product comes first.
        assertThat(tree(planning.optimize("SELECT f_a FROM fact, lonely, dim_a WHERE f_a = a_id", java.util.Set.of("ReorderJoins"))
                .plan())).isEqualTo("((fact lonely) dim_a)");
    }

    @Test
    void withExplorationOffJoinsAreStillOrderedGreedily() {
        // The written order starts with a cross product; the greedy heuristic still avoids it.
        String sql = "SELECT f_a FROM fact, lonely, dim_a WHERE f_a = a_id";
        var off = new dev.quiver.planner.optimizer.OptimizerSettings(java.util.Set.of(), false,
                dev.quiver.planner.optimizer.OptimizerSettings.DEFAULT_MAX_RULE_APPLICATIONS,
                dev.quiver.planner.optimizer.OptimizerSettings.DEFAULT_MAX_MILLIS);
        assertThat(tree(planning.optimize(sql, off, ConstantEvaluator.NONE).plan())).isEqualTo("((dim_a fact) lonely)");
    }

    @Test
    void aSpentSearchBudgetFallsBackToGreedyOrderAndSaysSo() {
        String sql = "SELECT f_a FROM fact, dim_b, dim_a WHERE f_b = b_id AND f_a = a_id AND a_name = 'x'";
        OptimizerSettings oneApplication = new OptimizerSettings(Set.of(), true, 1, OptimizerSettings.DEFAULT_MAX_MILLIS);
        OptimizedPlan cut = planning.optimize(sql, oneApplication, ConstantEvaluator.NONE);
        assertThat(cut.trace().budgetExceeded()).isTrue();
        OptimizerSettings greedyOnly = new OptimizerSettings(Set.of(), false, 1, OptimizerSettings.DEFAULT_MAX_MILLIS);
        OptimizedPlan greedy = planning.optimize(sql, greedyOnly, ConstantEvaluator.NONE);
        assertThat(greedy.trace().budgetExceeded()).as("greedy ordering spends nothing").isFalse();
        assertThat(tree(cut.plan())).isEqualTo(tree(greedy.plan()));

        OptimizedPlan full = planning.optimize(sql, OptimizerSettings.defaults(), ConstantEvaluator.NONE);
        assertThat(full.trace().budgetExceeded()).isFalse();
        // DPccp considers the two pairs of the chain dim_b - fact - dim_a and their two joins with the third
        // (the exploration rule, which would spend the budget on its own bindings, is off).
        Set<String> onlyJoinOrder = Set.of("PushSemiJoinIntoJoinInput");
        OptimizerSettings justEnough = new OptimizerSettings(onlyJoinOrder, true, 4, OptimizerSettings.DEFAULT_MAX_MILLIS);
        assertThat(planning.optimize(sql, justEnough, ConstantEvaluator.NONE).trace().budgetExceeded()).isFalse();
        OptimizerSettings oneShort = new OptimizerSettings(onlyJoinOrder, true, 3, OptimizerSettings.DEFAULT_MAX_MILLIS);
        assertThat(planning.optimize(sql, oneShort, ConstantEvaluator.NONE).trace().budgetExceeded()).isTrue();
    }

    @Test
    void twoTableJoinsAndOuterJoinsAreLeftAsWritten() {
        LogicalPlan bound = planning.bind("SELECT f_a FROM fact LEFT JOIN dim_a ON f_a = a_id JOIN dim_b ON f_b = b_id").plan();
        assertThat(new ReorderJoins().rewrite(bound, new RuleContext(planning.ids(), ConstantEvaluator.NONE))).isSameAs(bound);
    }

    @Test
    void twelveTablesPlanWithinTheBudget() {
        // a chain t0 - t1 - ... - t11 of growing tables, written in reverse: DPccp has 286 pairs to consider
        TestCatalog twelve = new TestCatalog();
        StringBuilder from = new StringBuilder();
        StringBuilder where = new StringBuilder();
        for (int i = 11; i >= 0; i--) {
            twelve.add("t" + i, 1000L * (i + 1), TestCatalog.column("k" + i, DataType.INTEGER), TestCatalog.column("n" + i, DataType.INTEGER));
            from.append(i == 11 ? "" : ", ").append("t").append(i);
            if (i > 0) {
                where.append(i == 11 ? "" : " AND ").append("n").append(i).append(" = k").append(i - 1);
            }
        }
        var optimized = new Planning(twelve).optimize("SELECT k0 FROM " + from + " WHERE " + where, java.util.Set.of());
        assertThat(optimized.trace().budgetExceeded()).isFalse();
        String tree = tree(optimized.plan());
        for (int i = 0; i < 12; i++) {
            assertThat(tree).contains("t" + i);
        }
        assertThat(keylessJoins(optimized.plan())).as("no cross products").isZero();
    }

    private static int keylessJoins(PhysicalPlan plan) {
        int own = plan.operator() instanceof dev.quiver.planner.physical.HashJoin j && j.probeKeys().isEmpty() ? 1 : 0;
        return own + plan.inputs().stream().mapToInt(ReorderJoinsTest::keylessJoins).sum();
    }
}
