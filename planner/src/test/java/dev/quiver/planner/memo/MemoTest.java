package dev.quiver.planner.memo;

import static dev.quiver.planner.PlanFixtures.column;
import static dev.quiver.planner.PlanFixtures.filter;
import static dev.quiver.planner.PlanFixtures.gt;
import static dev.quiver.planner.PlanFixtures.integer;
import static dev.quiver.planner.PlanFixtures.lt;
import static dev.quiver.planner.PlanFixtures.pass;
import static dev.quiver.planner.PlanFixtures.project;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.planner.PlanFixtures;
import dev.quiver.planner.TestCatalog;
import dev.quiver.planner.cost.CardinalityEstimator;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.logical.GroupRef;
import dev.quiver.planner.logical.LogicalFilter;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.LogicalScan;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoTest {
    private final PlanFixtures f = new PlanFixtures();
    private final LogicalPlan scan = f.scan("t");
    private final ColumnRef a = column(scan, "a");
    private final ColumnRef b = column(scan, "b");
    private final Memo memo = new Memo(new CardinalityEstimator());

    @Test
    void insertingTheSameTreeTwiceYieldsTheSameGroup() {
        LogicalPlan plan = project(filter(gt(a, integer(1)), scan), pass(a));
        int first = memo.insert(plan);
        int groups = memo.groups().size();
        int expressions = memo.expressionCount();
        assertThat(groups).isEqualTo(3);
        assertThat(expressions).isEqualTo(3);
        // An equal tree built separately (new objects, same operators) is found by hash.
        LogicalPlan again = project(filter(gt(a, integer(1)), LogicalPlan.leaf(scan.operator())), pass(a));
        assertThat(again).isNotSameAs(plan);
        assertThat(memo.insert(again)).isEqualTo(first);
        assertThat(memo.groups()).hasSize(groups);
        assertThat(memo.expressionCount()).isEqualTo(expressions);
    }

    @Test
    void sharedSubtreesShareAGroup() {
        int filtered = memo.insert(filter(gt(a, integer(1)), scan));
        int projected = memo.insert(project(scan, pass(b)));
        assertThat(filtered).isNotEqualTo(projected);
        int scanGroup = memo.group(filtered).expressions().get(0).inputs().get(0);
        assertThat(memo.group(projected).expressions().get(0).inputs()).containsExactly(scanGroup);
        assertThat(memo.groups()).hasSize(3);
        assertThat(memo.group(scanGroup).expressions()).hasSize(1);
    }

    @Test
    void differentTablesOfTheSameShapeAreDifferentGroups() {
        // Table handles are compared by identity: another catalog's "t" is another table.
        TestCatalog other = TestCatalog.standard();
        LogicalScan sameColumnsOtherTable = new LogicalScan(other.get("t"), scan.outputColumns(), List.of(0, 1, 2, 3, 4, 5));
        assertThat(memo.insert(scan)).isNotEqualTo(memo.insert(LogicalPlan.leaf(sameColumnsOtherTable)));
    }

    @Test
    void alternativesOverGroupReferences() {
        int root = memo.insert(filter(gt(a, integer(1)), scan));
        int scanGroup = memo.group(root).expressions().get(0).inputs().get(0);
        GroupRef reference = memo.reference(scanGroup);
        assertThat(reference.columns()).isEqualTo(scan.outputColumns());
        // A different predicate over the same input group: a new expression in the root group.
        LogicalPlan alternative = filter(lt(integer(1), a), LogicalPlan.leaf(reference));
        assertThat(memo.insertInto(root, alternative)).isTrue();
        assertThat(memo.group(root).expressions()).hasSize(2);
        assertThat(memo.group(root).expressions().get(1).inputs()).containsExactly(scanGroup);
        assertThat(memo.group(root).expressions().get(1).group()).isEqualTo(root);
        // The same alternative again changes nothing.
        assertThat(memo.insertInto(root, alternative)).isFalse();
        assertThat(memo.group(root).expressions()).hasSize(2);
        // A bare group reference is that group.
        assertThat(memo.insert(LogicalPlan.leaf(reference))).isEqualTo(scanGroup);
    }

    @Test
    void groupPropertiesComeFromTheFirstExpression() {
        int root = memo.insert(filter(gt(a, integer(1)), scan));
        int scanGroup = memo.group(root).expressions().get(0).inputs().get(0);
        assertThat(memo.group(scanGroup).properties().rowCount()).isEqualTo(1000);
        assertThat(memo.group(root).properties().rowCount()).as("a range without statistics keeps a third")
                .isEqualTo(1000.0 / 3, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(memo.group(root).properties().outputColumns()).isEqualTo(scan.outputColumns());
        assertThat(memo.group(root).winner()).isEmpty();
        assertThat(memo.group(root).expressions().get(0).operator()).isEqualTo(new LogicalFilter(gt(a, integer(1))));
    }

    @Test
    void expressionsRememberWhichRulesTheyHaveBeenThrough() {
        int root = memo.insert(scan);
        GroupExpression expression = memo.group(root).expressions().get(0);
        assertThat(expression.markApplied(3)).isTrue();
        assertThat(expression.markApplied(3)).isFalse();
        assertThat(expression.markApplied(4)).isTrue();
    }
}
