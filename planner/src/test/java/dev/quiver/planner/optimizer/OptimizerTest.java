package dev.quiver.planner.optimizer;

import static dev.quiver.planner.PlanFixtures.INTEGER_FOLDING;
import static dev.quiver.planner.PlanFixtures.column;
import static dev.quiver.planner.PlanFixtures.filter;
import static dev.quiver.planner.PlanFixtures.gt;
import static dev.quiver.planner.PlanFixtures.integer;
import static dev.quiver.planner.PlanFixtures.lt;
import static dev.quiver.planner.PlanFixtures.plus;
import static dev.quiver.planner.PlanFixtures.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.planner.PlanFixtures;
import dev.quiver.planner.Planning;
import dev.quiver.planner.binder.BoundQuery;
import dev.quiver.planner.cost.CardinalityEstimator;
import dev.quiver.planner.cost.CostModel;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.physical.Filter;
import dev.quiver.planner.physical.HashAggregate;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.physical.Project;
import dev.quiver.planner.physical.Sort;
import dev.quiver.planner.physical.TableScan;
import dev.quiver.planner.physical.TopN;
import dev.quiver.planner.physical.Values;
import dev.quiver.planner.plan.AggregateAssignment;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.plan.SortKey;
import dev.quiver.planner.rule.ConstantEvaluator;
import dev.quiver.planner.rule.Pattern;
import dev.quiver.planner.rule.RuleContext;
import dev.quiver.planner.rule.RuleRegistry;
import dev.quiver.planner.rule.TransformationRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The optimizer end to end, from SQL (or a hand-built logical plan) to the chosen physical plan. */
class OptimizerTest {
    private final Planning planning = Planning.standard();

    private List<String> plan(String sql) {
        return Planning.shape(planning.physical(sql));
    }

    private List<String> plan(String sql, String... disabledRules) {
        return Planning.shape(planning.optimize(sql, Set.of(disabledRules)).plan());
    }

    private static OptimizerSettings settings(boolean exploration, int maxApplications) {
        return new OptimizerSettings(Set.of(), exploration, maxApplications, OptimizerSettings.DEFAULT_MAX_MILLIS);
    }

    @Test
    void orderByWithLimitBecomesTopN() {
        assertThat(plan("SELECT a FROM t ORDER BY a LIMIT 10")).containsExactly(
                "TopN 10 [a#6 ASC NULLS LAST]",
                "  Project [a#6 := a#0]",
                "    TableScan t [a#0]");
        // The hidden sort column stays below the TopN and is projected away above it.
        assertThat(plan("SELECT a FROM t ORDER BY c DESC LIMIT 10 OFFSET 20")).containsExactly(
                "Project [a#6]",
                "  TopN 10 offset 20 [sort#7 DESC NULLS FIRST]",
                "    Project [a#6 := a#0, sort#7 := c#2]",
                "      TableScan t [a#0, c#2]");
    }

    @Test
    void disablingImplementTopNLeavesSortAndLimit() {
        assertThat(plan("SELECT a FROM t ORDER BY a LIMIT 10", "ImplementTopN")).containsExactly(
                "Limit 10",
                "  Sort [a#6 ASC NULLS LAST]",
                "    Project [a#6 := a#0]",
                "      TableScan t [a#0]");
        assertThat(planning.optimize("SELECT a FROM t ORDER BY a LIMIT 10", Set.of("ImplementTopN")).trace().firedRules())
                .doesNotContainKey("ImplementTopN").containsKeys("ImplementSort", "ImplementLimit");
    }

    @Test
    void aLimitAboveTheInputSizeSortsFullyBecauseThatIsCheaper() {
        // u has 50 rows. TopN keeping 900000: 50 * log2(900001) ~ 989; Sort 50 * log2(50) ~ 282 plus Limit 5.
        assertThat(plan("SELECT x FROM u ORDER BY x LIMIT 900000")).containsExactly(
                "Limit 900000",
                "  Sort [x#6 ASC NULLS LAST]",
                "    Project [x#6 := x#0]",
                "      TableScan u [x#0]");
    }

    @Test
    void offsetWithoutLimitIsASortAndALimit() {
        assertThat(plan("SELECT a FROM t ORDER BY a OFFSET 10").get(0)).isEqualTo("Limit ALL offset 10");
        assertThat(plan("SELECT a FROM t ORDER BY a OFFSET 10").get(1)).startsWith("  Sort");
    }

    @Test
    void scanReadsOnlyTheColumnsTheQueryUses() {
        assertThat(plan("SELECT a FROM t WHERE e > DATE '1998-01-01'")).containsExactly(
                "Project [a#6 := a#0]",
                "  Filter e#4 > DATE '1998-01-01'",
                "    TableScan t [a#0, e#4]");
        assertThat(plan("SELECT count(*) FROM t")).containsExactly(
                "Project [count#7 := count#6]",
                "  HashAggregate keys=[] aggregates=[count#6 := count(*)]",
                "    TableScan t []");
        // Without pruning the scan reads every column.
        assertThat(plan("SELECT a FROM t WHERE e > DATE '1998-01-01'", "PruneColumns").get(2))
                .isEqualTo("    TableScan t [a#0, b#1, c#2, d#3, e#4, f#5]");
    }

    @Test
    void aFilterOverAProjectionIsPushedDownToTheScan() {
        PlanFixtures f = new PlanFixtures();
        LogicalPlan scan = f.scan("t");
        ColumnRef a = column(scan, "a");
        ColumnRef d = column(scan, "d");
        Assignment k = f.assign("k", plus(a, integer(1)));
        Assignment name = f.assign("name", d);
        LogicalPlan plan = filter(gt(k.output(), integer(5)), project(scan, k, name));
        PhysicalPlan physical = Optimizer.withDefaults().optimize(plan, f.context(), OptimizerSettings.defaults()).plan();
        assertThat(Planning.shape(physical)).containsExactly(
                "Project [k#6 := a#0 + 1, name#7 := d#3]",
                "  Filter (a#0 + 1) > 5",
                "    TableScan t [a#0, d#3]");
        assertThat(physical.outputColumns()).isEqualTo(plan.outputColumns());

        PhysicalPlan notPushed = Optimizer.withDefaults().optimize(plan, f.context(),
                new OptimizerSettings(Set.of("PushFilterThroughProject"), true, 1000, 1000)).plan();
        assertThat(Planning.shape(notPushed)).containsExactly(
                "Filter k#6 > 5",
                "  Project [k#6 := a#0 + 1, name#7 := d#3]",
                "    TableScan t [a#0, d#3]");
    }

    @Test
    void stackedFiltersAndProjectionsCollapse() {
        PlanFixtures f = new PlanFixtures();
        LogicalPlan scan = f.scan("t");
        ColumnRef a = column(scan, "a");
        ColumnRef b = column(scan, "b");
        Assignment k = f.assign("k", plus(a, integer(1)));
        Assignment bb = f.assign("bb", b);
        Assignment out = f.assign("out", plus(k.output(), integer(2)));
        LogicalPlan plan = project(filter(lt(bb.output(), integer(9)),
                filter(gt(k.output(), integer(5)), project(scan, k, bb))), out);
        PhysicalPlan physical = Optimizer.withDefaults().optimize(plan, f.context(), OptimizerSettings.defaults()).plan();
        assertThat(Planning.shape(physical)).containsExactly(
                "Project [out#8 := (a#0 + 1) + 2]",
                "  Filter ((a#0 + 1) > 5) AND (b#1 < 9)",
                "    TableScan t [a#0, b#1]");
    }

    @Test
    void alwaysFalseFilterBecomesEmptyValues() {
        assertThat(plan("SELECT a FROM t WHERE a > 1 AND FALSE")).containsExactly(
                "Project [a#6 := a#0]",
                "  Values 0 rows [a#0]");
        assertThat(plan("SELECT a FROM t WHERE NULL")).containsExactly(
                "Project [a#6 := a#0]",
                "  Values 0 rows [a#0]");
        assertThat(plan("SELECT a FROM t WHERE TRUE AND a > 1").get(1)).isEqualTo("  Filter a#0 > 1");
    }

    @Test
    void constantsFoldWithTheExecutorsEvaluator() {
        var folded = planning.optimize("SELECT a FROM t WHERE 1 > 2", OptimizerSettings.defaults(), INTEGER_FOLDING);
        assertThat(Planning.shape(folded.plan())).containsExactly("Project [a#6 := a#0]", "  Values 0 rows [a#0]");
        var removed = planning.optimize("SELECT a + (2 * 3) FROM t WHERE 1 < 2", OptimizerSettings.defaults(), INTEGER_FOLDING);
        assertThat(Planning.shape(removed.plan())).containsExactly("Project [?column?#6 := a#0 + 6]", "  TableScan t [a#0]");
        var notFolded = planning.optimize("SELECT a FROM t WHERE 1 > 2", OptimizerSettings.defaults(), ConstantEvaluator.NONE);
        assertThat(Planning.shape(notFolded.plan()).get(1)).isEqualTo("  Filter 1 > 2");
    }

    @Test
    void tpchQ1Shape() {
        String q1 = """
                SELECT l_returnflag, sum(l_quantity) AS sum_qty, sum(l_extendedprice) AS sum_base_price,
                       sum(l_extendedprice * (1 - l_discount)) AS sum_disc_price,
                       sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) AS sum_charge,
                       avg(l_quantity) AS avg_qty, count(*) AS count_order
                FROM lineitem
                WHERE l_shipdate <= DATE '1998-12-01' - INTERVAL '90' DAY
                GROUP BY l_returnflag
                ORDER BY l_returnflag""";
        BoundQuery bound = planning.bind(q1);
        assertThat(bound.columnNames()).containsExactly("l_returnflag", "sum_qty", "sum_base_price", "sum_disc_price", "sum_charge",
                "avg_qty", "count_order");
        assertThat(bound.plan().outputColumns()).extracting(c -> c.type().toString()).containsExactly("VARCHAR(1)", "DECIMAL(38,2)",
                "DECIMAL(38,2)", "DECIMAL(38,4)", "DECIMAL(38,6)", "DOUBLE", "BIGINT");
        PhysicalPlan physical = planning.physical(q1);
        assertThat(operators(physical)).containsExactly(Sort.class, Project.class, HashAggregate.class, Project.class, Filter.class,
                TableScan.class);
        TableScan scan = (TableScan) leaf(physical).operator();
        assertThat(scan.columns()).extracting(ColumnRef::name).containsExactly("l_quantity", "l_extendedprice", "l_discount", "l_tax",
                "l_returnflag", "l_shipdate");
        assertThat(scan.ordinals()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    private static List<Class<?>> operators(PhysicalPlan plan) {
        List<Class<?>> out = new ArrayList<>();
        for (PhysicalPlan p = plan; ; p = p.input(0)) {
            out.add(p.operator().getClass());
            if (p.inputs().isEmpty()) {
                return out;
            }
        }
    }

    private static PhysicalPlan leaf(PhysicalPlan plan) {
        PhysicalPlan p = plan;
        while (!p.inputs().isEmpty()) {
            p = p.input(0);
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT a FROM t",
            "SELECT * FROM t WHERE a > 1",
            "SELECT a, b FROM t ORDER BY 2 DESC, 1 LIMIT 5 OFFSET 1",
            "SELECT a FROM t ORDER BY b + c LIMIT 3",
            "SELECT DISTINCT d FROM t",
            "SELECT a, count(*), sum(c * (1 - c)) FROM t WHERE e < '1999-01-01' GROUP BY a HAVING count(*) > 2 ORDER BY 3 DESC",
            "SELECT count(*) FROM t",
            "SELECT 1, 'x'",
            "VALUES (1, 'a'), (2, 'b') ORDER BY 2",
            "SELECT a FROM t WHERE FALSE",
            "SELECT a, a, a + 1 FROM t ORDER BY a",
            "SELECT sum(a) FROM t GROUP BY b, c",
    })
    void optimizedPlansProduceTheBoundColumnsFromWhatTheirInputsProduce(String sql) {
        BoundQuery bound = planning.bind(sql);
        PhysicalPlan physical = Optimizer.withDefaults().optimize(bound.plan(), new RuleContext(planning.ids(),
                ConstantEvaluator.NONE), OptimizerSettings.defaults()).plan();
        assertThat(physical.outputColumns()).as("the result columns are the bound ones, in order").isEqualTo(bound.plan().outputColumns());
        assertWellFormed(physical);
    }

    /** Every column an operator reads is produced by its input; outputs are what the operator says. */
    private static void assertWellFormed(PhysicalPlan plan) {
        for (PhysicalPlan input : plan.inputs()) {
            assertWellFormed(input);
        }
        Set<ColumnRef> available = new HashSet<>();
        plan.inputs().forEach(i -> available.addAll(i.outputColumns()));
        Set<ColumnRef> read = new HashSet<>();
        var op = plan.operator();
        if (op instanceof Filter filter) {
            read.addAll(Exprs.columns(filter.predicate()));
        } else if (op instanceof Project project) {
            project.assignments().forEach(a -> read.addAll(Exprs.columns(a.expression())));
        } else if (op instanceof HashAggregate aggregate) {
            read.addAll(aggregate.groupKeys());
            for (AggregateAssignment a : aggregate.aggregates()) {
                read.addAll(a.call().arguments());
            }
        } else if (op instanceof Sort sort) {
            sort.keys().stream().map(SortKey::column).forEach(read::add);
        } else if (op instanceof TopN topN) {
            topN.keys().stream().map(SortKey::column).forEach(read::add);
        } else if (op instanceof Values values) {
            values.rows().forEach(row -> row.forEach(e -> assertThat(Exprs.isConstant(e)).isTrue()));
        }
        assertThat(available).as("inputs of %s", op.describe()).containsAll(read);
        assertThat(plan.outputColumns()).isEqualTo(op.outputColumns(plan.inputs().stream().map(PhysicalPlan::outputColumns).toList()));
        assertThat(plan.cost().value()).isGreaterThanOrEqualTo(plan.inputs().stream().mapToDouble(i -> i.cost().value()).sum());
    }

    @Test
    void withoutImplementationRulesThereIsNoPlan() {
        Set<String> all = Set.of("ImplementScan", "ImplementValues", "ImplementFilter", "ImplementProject", "ImplementAggregate",
                "ImplementSort", "ImplementLimit", "ImplementTopN");
        QuiverException e = catchThrowableOfType(QuiverException.class, () -> planning.optimize("SELECT a FROM t", all));
        // Caused by the user's setting, so a user error that names the rules, not an internal one.
        assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE);
        assertThat(e.getMessage()).isEqualTo("no physical plan for the query: it needs an implementation rule that disabled_rules "
                + "switches off (ImplementScan, ImplementValues, ImplementFilter, ImplementProject, ImplementAggregate, ImplementSort, "
                + "ImplementLimit, ImplementTopN)");
        // One missing implementation anywhere in the tree is enough.
        QuiverException sort = catchThrowableOfType(QuiverException.class,
                () -> planning.optimize("SELECT a FROM t ORDER BY a", Set.of("ImplementSort")));
        assertThat(sort.sqlState()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE);
        assertThat(sort.getMessage()).endsWith("(ImplementSort)");
    }

    @Test
    void traceCountsRulesGroupsAndExpressions() {
        OptimizedPlan optimized = planning.optimize("SELECT a FROM t WHERE a > 1", Set.of());
        OptimizerTrace trace = optimized.trace();
        // Project, Filter, Scan: one group and one expression each.
        assertThat(trace.groupCount()).isEqualTo(3);
        assertThat(trace.expressionCount()).isEqualTo(3);
        assertThat(trace.budgetExceeded()).isFalse();
        assertThat(trace.firedRules()).containsEntry("ImplementScan", 1).containsEntry("ImplementFilter", 1)
                .containsEntry("ImplementProject", 1).containsEntry("PruneColumns", 1);
        assertThat(trace.elapsedNanos()).isPositive();
        assertThat(trace.toString()).startsWith("search: ").contains("3 groups, 3 expressions, budget not exceeded\n").contains("\n  ImplementScan: 1\n");
    }

    /** An exploration rule that swaps a two-term AND: its second application gives back the first form. */
    static final class SwapConjuncts implements TransformationRule {
        private final NormalizerTest.SwapConjuncts swap = new NormalizerTest.SwapConjuncts();

        @Override
        public Pattern pattern() {
            return swap.pattern();
        }

        @Override
        public Kind kind() {
            return Kind.EXPLORATION;
        }

        @Override
        public List<LogicalPlan> apply(LogicalPlan binding, RuleContext context) {
            return swap.apply(binding, context);
        }
    }

    private static Optimizer withExploration() {
        RuleRegistry defaults = RuleRegistry.defaults();
        RuleRegistry registry = new RuleRegistry(defaults.normalizationRules(), defaults.treeRules(), List.of(new SwapConjuncts()),
                defaults.implementationRules());
        return new Optimizer(registry, new CostModel(), new CardinalityEstimator());
    }

    @Test
    void explorationAddsAlternativesThatTheMemoInterns() {
        BoundQuery bound = planning.bind("SELECT a FROM t WHERE a > 1 AND b > 2");
        OptimizedPlan optimized = withExploration().optimize(bound.plan(), new RuleContext(planning.ids(),
                ConstantEvaluator.NONE), OptimizerSettings.defaults());
        // The swapped filter is a second expression in the filter's group; swapping it back finds the original.
        assertThat(optimized.trace().expressionCount()).isEqualTo(4);
        assertThat(optimized.trace().groupCount()).isEqualTo(3);
        assertThat(optimized.trace().firedRules()).containsEntry("SwapConjuncts", 1);
        assertThat(optimized.trace().budgetExceeded()).isFalse();
        // Both filters cost the same; the first found (the original) is kept.
        assertThat(Planning.shape(optimized.plan()).get(1)).isEqualTo("  Filter (a#0 > 1) AND (b#1 > 2)");
    }

    @Test
    void explorationStopsAtItsBudgetAndSaysSo() {
        BoundQuery bound = planning.bind("SELECT a FROM t WHERE a > 1 AND b > 2");
        OptimizedPlan optimized = withExploration().optimize(bound.plan(), new RuleContext(planning.ids(),
                ConstantEvaluator.NONE), settings(true, 1));
        assertThat(optimized.trace().budgetExceeded()).isTrue();
        assertThat(optimized.trace().toString()).contains(", budget exceeded (best plan found so far)\n");
        assertThat(optimized.plan().outputColumns()).isEqualTo(bound.plan().outputColumns());

        OptimizedPlan unexplored = withExploration().optimize(bound.plan(), new RuleContext(planning.ids(),
                ConstantEvaluator.NONE), settings(false, 1));
        assertThat(unexplored.trace().expressionCount()).isEqualTo(3);
        assertThat(unexplored.trace().budgetExceeded()).isFalse();
    }

    @Test
    void rulesMustBeRegisteredInTheirPhase() {
        RuleRegistry defaults = RuleRegistry.defaults();
        assertThatThrownBy(() -> new RuleRegistry(List.of(new SwapConjuncts()), List.of(), List.of(), defaults.implementationRules()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("SwapConjuncts is registered in the wrong phase");
        assertThatThrownBy(() -> new RuleRegistry(List.of(), List.of(), defaults.normalizationRules(), defaults.implementationRules()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("SimplifyFilter is registered in the wrong phase");
    }

    @Test
    void estimatesAndCostsAreCarriedOnThePlan() {
        PhysicalPlan physical = planning.physical("SELECT a FROM t WHERE a > 1");
        // Scan 1000 rows of one column: 100. Filter reads 1000 rows: +1000, keeps a third (a range on a column
        // without a known min/max). Project computes one column of 333.3 rows: +166.7.
        assertThat(physical.estimatedRows()).isEqualTo(1000.0 / 3, within(1e-9));
        assertThat(physical.cost().value()).isEqualTo(1100 + 1000.0 / 6, within(1e-9));
        assertThat(physical.input(0).cost().value()).isEqualTo(1100);
        assertThat(physical.input(0).input(0).estimatedRows()).isEqualTo(1000);
        assertThat(physical.input(0).input(0).cost().value()).isEqualTo(100, within(1e-9));
    }
}
