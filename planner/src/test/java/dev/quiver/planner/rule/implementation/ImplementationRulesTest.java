package dev.quiver.planner.rule.implementation;

import static dev.quiver.planner.PlanFixtures.gt;
import static dev.quiver.planner.PlanFixtures.integer;
import static dev.quiver.planner.PlanFixtures.plus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.planner.PlanFixtures;
import dev.quiver.planner.TestCatalog;
import dev.quiver.planner.expr.AggregateCall;
import dev.quiver.planner.expr.AggregateKind;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.logical.GroupRef;
import dev.quiver.planner.logical.LogicalAggregate;
import dev.quiver.planner.logical.LogicalFilter;
import dev.quiver.planner.logical.LogicalLimit;
import dev.quiver.planner.logical.LogicalOperator;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.logical.LogicalScan;
import dev.quiver.planner.logical.LogicalSort;
import dev.quiver.planner.logical.LogicalValues;
import dev.quiver.planner.physical.Filter;
import dev.quiver.planner.physical.HashAggregate;
import dev.quiver.planner.physical.Limit;
import dev.quiver.planner.physical.Project;
import dev.quiver.planner.physical.Sort;
import dev.quiver.planner.physical.TableScan;
import dev.quiver.planner.physical.TopN;
import dev.quiver.planner.physical.Values;
import dev.quiver.planner.plan.AggregateAssignment;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.plan.SortKey;
import dev.quiver.planner.rule.ImplementationRule;
import dev.quiver.planner.rule.PhysicalAlternative;
import dev.quiver.planner.rule.RuleRegistry;
import dev.quiver.planner.type.DataType;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Each implementation rule, given a binding whose inputs are group references (as the optimizer
 * passes them), proposes its physical operator over those groups; and it does not match other
 * operators, nor (ImplementTopN) where its guard forbids.
 */
class ImplementationRulesTest {
    private final PlanFixtures f = new PlanFixtures();
    private final ColumnRef a = f.ids.newColumn("a", DataType.INTEGER);
    private final ColumnRef b = f.ids.newColumn("b", DataType.BIGINT);
    private final GroupRef input = new GroupRef(7, List.of(a, b));
    private final LogicalPlan inputLeaf = LogicalPlan.leaf(input);

    private final LogicalOperator scan = new LogicalScan(f.catalog.get("t"), List.of(a, b), List.of(0, 1));
    private final LogicalOperator values = new LogicalValues(List.of(a), List.of(List.of(integer(1)), List.of(integer(2))));
    private final LogicalOperator filter = new LogicalFilter(gt(a, integer(3)));
    private final LogicalOperator project = new LogicalProject(List.of(new Assignment(f.ids.newColumn("x", DataType.INTEGER),
            plus(a, integer(1)))));
    private final AggregateAssignment sum = new AggregateAssignment(f.ids.newColumn("sum", DataType.decimal(38, 0)),
            new AggregateCall(AggregateKind.SUM, List.of(b), false, DataType.decimal(38, 0)));
    private final LogicalOperator aggregate = new LogicalAggregate(List.of(a), List.of(sum));
    private final List<SortKey> keys = List.of(new SortKey(a, true, true));
    private final LogicalOperator sort = new LogicalSort(keys);
    private final LogicalOperator limit = new LogicalLimit(OptionalLong.of(10), 5);

    private final List<LogicalOperator> all = List.of(scan, values, filter, project, aggregate, sort, limit);

    private LogicalPlan binding(LogicalOperator operator) {
        return operator.arity() == 0 ? LogicalPlan.leaf(operator) : LogicalPlan.of(operator, inputLeaf);
    }

    /** Implements the operator with the rule and returns the single alternative; checks no other operator matches. */
    private PhysicalAlternative implement(ImplementationRule rule, LogicalOperator operator) {
        for (LogicalOperator other : all) {
            assertThat(rule.pattern().matchesRoot(other)).as("%s on %s", rule.name(), other.describe()).isEqualTo(other == operator);
        }
        List<PhysicalAlternative> out = rule.implement(binding(operator), f.context());
        assertThat(out).hasSize(1);
        PhysicalAlternative alternative = out.get(0);
        List<List<ColumnRef>> inputColumns = alternative.inputs().stream().map(GroupRef::columns).toList();
        assertThat(alternative.operator().outputColumns(inputColumns)).as("same output columns")
                .isEqualTo(operator.outputColumns(inputColumns));
        return alternative;
    }

    @Test
    void scan() {
        PhysicalAlternative alternative = implement(new ImplementScan(), scan);
        assertThat(alternative.operator()).isEqualTo(new TableScan(f.catalog.get("t"), List.of(a, b), List.of(0, 1)));
        assertThat(alternative.inputs()).isEmpty();
    }

    @Test
    void tableScansOfDifferentHandlesDiffer() {
        TestCatalog other = TestCatalog.standard();
        assertThat(new TableScan(other.get("t"), List.of(a, b), List.of(0, 1)))
                .isNotEqualTo(new TableScan(f.catalog.get("t"), List.of(a, b), List.of(0, 1)));
    }

    @Test
    void values() {
        PhysicalAlternative alternative = implement(new ImplementValues(), values);
        assertThat(alternative.operator()).isEqualTo(new Values(List.of(a), List.<List<Expr>>of(List.of(integer(1)), List.of(integer(2)))));
        assertThat(alternative.inputs()).isEmpty();
    }

    @Test
    void filter() {
        PhysicalAlternative alternative = implement(new ImplementFilter(), filter);
        assertThat(alternative.operator()).isEqualTo(new Filter(gt(a, integer(3))));
        assertThat(alternative.inputs()).containsExactly(input);
    }

    @Test
    void project() {
        PhysicalAlternative alternative = implement(new ImplementProject(), project);
        assertThat(alternative.operator()).isEqualTo(new Project(((LogicalProject) project).assignments()));
        assertThat(alternative.inputs()).containsExactly(input);
    }

    @Test
    void aggregate() {
        PhysicalAlternative alternative = implement(new ImplementAggregate(), aggregate);
        assertThat(alternative.operator()).isEqualTo(new HashAggregate(List.of(a), List.of(sum)));
        assertThat(alternative.inputs()).containsExactly(input);
    }

    @Test
    void sort() {
        PhysicalAlternative alternative = implement(new ImplementSort(), sort);
        assertThat(alternative.operator()).isEqualTo(new Sort(keys));
        assertThat(alternative.inputs()).containsExactly(input);
    }

    @Test
    void limit() {
        PhysicalAlternative alternative = implement(new ImplementLimit(), limit);
        assertThat(alternative.operator()).isEqualTo(new Limit(OptionalLong.of(10), 5));
        assertThat(alternative.inputs()).containsExactly(input);
    }

    private static LogicalPlan limitOverSort(LogicalLimit limit, LogicalSort sort, LogicalPlan below) {
        return LogicalPlan.of(limit, LogicalPlan.of(sort, below));
    }

    @Test
    void topNReplacesLimitOverSort() {
        ImplementTopN rule = new ImplementTopN();
        LogicalPlan binding = limitOverSort((LogicalLimit) limit, (LogicalSort) sort, inputLeaf);
        assertThat(rule.pattern().matches(binding)).isTrue();
        List<PhysicalAlternative> out = rule.implement(binding, f.context());
        // The sort's input group becomes the TopN's input: the Sort itself is skipped.
        assertThat(out).containsExactly(new PhysicalAlternative(new TopN(keys, 10, 5), List.of(input)));
    }

    @Test
    void topNNeedsALimitOverASort() {
        ImplementTopN rule = new ImplementTopN();
        assertThat(rule.pattern().matches(binding(limit))).as("limit over something else").isFalse();
        assertThat(rule.pattern().matches(LogicalPlan.of(limit, LogicalPlan.of(filter, inputLeaf)))).isFalse();
        assertThat(rule.pattern().matches(binding(sort))).isFalse();
    }

    @Test
    void topNDoesNotFireWithoutALimit() {
        ImplementTopN rule = new ImplementTopN();
        // OFFSET 5 without LIMIT: every row after the fifth is needed, so the whole input is sorted.
        LogicalPlan offsetOnly = limitOverSort(new LogicalLimit(OptionalLong.empty(), 5), (LogicalSort) sort, inputLeaf);
        assertThat(rule.pattern().matches(offsetOnly)).isTrue();
        assertThat(rule.implement(offsetOnly, f.context())).isEmpty();
    }

    @Test
    void topNDoesNotFireForHugeLimitsOrOffsets() {
        ImplementTopN rule = new ImplementTopN();
        long max = ImplementTopN.MAX_TOP_N;
        assertThat(rule.implement(limitOverSort(new LogicalLimit(OptionalLong.of(max), 0), (LogicalSort) sort, inputLeaf), f.context()))
                .hasSize(1);
        assertThat(rule.implement(limitOverSort(new LogicalLimit(OptionalLong.of(max + 1), 0), (LogicalSort) sort, inputLeaf),
                f.context())).isEmpty();
        assertThat(rule.implement(limitOverSort(new LogicalLimit(OptionalLong.of(1), max + 1), (LogicalSort) sort, inputLeaf),
                f.context())).isEmpty();
        assertThat(rule.implement(limitOverSort(new LogicalLimit(OptionalLong.of(Long.MAX_VALUE), Long.MAX_VALUE),
                (LogicalSort) sort, inputLeaf), f.context())).as("no overflow of limit + offset").isEmpty();
        assertThat(rule.implement(limitOverSort(new LogicalLimit(OptionalLong.of(0), 0), (LogicalSort) sort, inputLeaf), f.context()))
                .containsExactly(new PhysicalAlternative(new TopN(keys, 0, 0), List.of(input)));
    }

    @Test
    void everyDefaultImplementationRuleIsRegisteredOnce() {
        RuleRegistry registry = RuleRegistry.defaults();
        assertThat(registry.implementationRules()).extracting(r -> r.getClass().getSimpleName()).containsExactly(
                "ImplementScan", "ImplementValues", "ImplementFilter", "ImplementProject", "ImplementAggregate", "ImplementSort",
                "ImplementLimit", "ImplementTopN", "ImplementHashJoin", "ImplementUnionAll");
        assertThat(registry.normalizationRules()).extracting(r -> r.name()).containsExactly(
                "SimplifyFilter", "MergeFilters", "InferFiltersFromDisjunctions", "PushFilterThroughProject", "SimplifyProject", "MergeProjects", "RemoveIdentityProject",
                "MarkJoinToSemiJoin", "SingleJoinToLeftJoin", "PushFilterIntoJoin", "PushJoinConditionIntoInputs");
        assertThat(registry.treeRules()).extracting(r -> r.name()).containsExactly("UnnestSubqueries", "ReorderJoins", "ReduceAggregateInputBySemiJoin", "EagerAggregation",
                "RollUpAggregate", "PruneColumns");
        assertThat(registry.explorationRules()).extracting(r -> r.name()).containsExactly("PushSemiJoinIntoJoinInput", "PushSemiJoinThroughProject");
        assertThat(registry.ruleNames()).doesNotHaveDuplicates().hasSize(29);
    }
}
