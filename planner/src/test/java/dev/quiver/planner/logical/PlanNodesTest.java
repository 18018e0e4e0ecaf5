package dev.quiver.planner.logical;

import static dev.quiver.planner.PlanFixtures.integer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.planner.PlanFixtures;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.physical.TopN;
import dev.quiver.planner.plan.SortKey;
import dev.quiver.planner.type.DataType;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The invariants plan nodes check when built. */
class PlanNodesTest {
    private final PlanFixtures f = new PlanFixtures();
    private final ColumnRef a = new ColumnRef(0, "a", DataType.INTEGER);

    @Test
    void arityIsChecked() {
        LogicalPlan scan = f.scan("t");
        assertThatThrownBy(() -> LogicalPlan.of(new LogicalFilter(integer(1)), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LogicalPlan(new LogicalFilter(integer(1)), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Filter 1 takes 1 inputs, got 0");
        assertThatThrownBy(() -> LogicalPlan.of(scan.operator(), List.of(scan))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void operatorArgumentsAreChecked() {
        assertThatThrownBy(() -> new LogicalLimit(OptionalLong.of(-1), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LogicalLimit(OptionalLong.empty(), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LogicalSort(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LogicalValues(List.of(a), List.of(List.of()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("VALUES row has 0 values for 1 columns");
        assertThatThrownBy(() -> new LogicalScan(f.catalog.get("t"), List.of(a), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TopN(List.of(new SortKey(a, false, false)), -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void outputColumnsAreComputedOnceFromTheInputs() {
        LogicalPlan scan = f.scan("u");
        LogicalPlan limited = LogicalPlan.of(new LogicalLimit(OptionalLong.of(3), 0), scan);
        assertThat(limited.outputColumns()).isEqualTo(scan.outputColumns());
        assertThat(limited.toString()).isEqualTo("Limit 3\n  Scan u [x#0, y#1, z#2, w#3, s#4, r#5]\n");
        assertThat(new GroupRef(4, List.of(a)).describe()).isEqualTo("Group #4");
    }
}
