package dev.quiver.planner.optimizer;

import static dev.quiver.planner.PlanFixtures.column;
import static dev.quiver.planner.PlanFixtures.filter;
import static dev.quiver.planner.PlanFixtures.gt;
import static dev.quiver.planner.PlanFixtures.integer;
import static dev.quiver.planner.PlanFixtures.lt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.planner.PlanFixtures;
import dev.quiver.planner.cost.CardinalityEstimator;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.logical.GroupRef;
import dev.quiver.planner.logical.LogicalFilter;
import dev.quiver.planner.logical.LogicalLimit;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalProject;
import dev.quiver.planner.logical.LogicalSort;
import dev.quiver.planner.memo.GroupExpression;
import dev.quiver.planner.memo.Memo;
import dev.quiver.planner.plan.SortKey;
import dev.quiver.planner.rule.Pattern;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BindingsTest {
    private final PlanFixtures f = new PlanFixtures();
    private final LogicalPlan scan = f.scan("t");
    private final ColumnRef a = column(scan, "a");
    private final Memo memo = new Memo(new CardinalityEstimator());

    private GroupExpression first(int group) {
        return memo.group(group).expressions().get(0);
    }

    @Test
    void inputsWithoutAPatternAreGroupReferences() {
        int root = memo.insert(filter(gt(a, integer(1)), scan));
        List<LogicalPlan> bindings = Bindings.of(memo, first(root), Pattern.of(LogicalFilter.class));
        assertThat(bindings).hasSize(1);
        int scanGroup = first(root).inputs().get(0);
        assertThat(bindings.get(0).input(0).operator()).isEqualTo(new GroupRef(scanGroup, scan.outputColumns()));
        assertThat(Bindings.of(memo, first(root), Pattern.of(LogicalProject.class))).isEmpty();
    }

    @Test
    void nestedPatternsEnumerateEveryMatchingExpressionOfTheInputGroup() {
        SortKey key = new SortKey(a, false, false);
        LogicalPlan sorted = LogicalPlan.of(new LogicalSort(List.of(key)), scan);
        int root = memo.insert(LogicalPlan.of(new LogicalLimit(OptionalLong.of(5), 0), sorted));
        int sortGroup = first(root).inputs().get(0);
        int scanGroup = first(sortGroup).inputs().get(0);
        Pattern limitOverSort = Pattern.of(LogicalLimit.class, Pattern.of(LogicalSort.class));
        assertThat(Bindings.of(memo, first(root), limitOverSort)).hasSize(1);

        // A second sort in the same group (as exploration might add): two bindings.
        SortKey descending = new SortKey(a, true, true);
        memo.insertInto(sortGroup, LogicalPlan.of(new LogicalSort(List.of(descending)), LogicalPlan.leaf(memo.reference(scanGroup))));
        List<LogicalPlan> bindings = Bindings.of(memo, first(root), limitOverSort);
        assertThat(bindings).extracting(b -> ((LogicalSort) b.input(0).operator()).keys().get(0)).containsExactly(key, descending);
        assertThat(bindings).allSatisfy(b -> assertThat(b.input(0).input(0).operator()).isInstanceOf(GroupRef.class));

        // A filter in the group matches neither.
        Pattern limitOverFilter = Pattern.of(LogicalLimit.class, Pattern.of(LogicalFilter.class));
        assertThat(Bindings.of(memo, first(root), limitOverFilter)).isEmpty();
        memo.insertInto(sortGroup, filter(lt(a, integer(3)), LogicalPlan.leaf(memo.reference(scanGroup))));
        assertThat(Bindings.of(memo, first(root), limitOverFilter)).hasSize(1);
        assertThat(Bindings.of(memo, first(root), limitOverSort)).hasSize(2);
    }
}
