package dev.quiver.planner.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.planner.Planning;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.physical.Filter;
import dev.quiver.planner.physical.HashAggregate;
import dev.quiver.planner.physical.HashJoin;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.physical.Project;
import dev.quiver.planner.plan.AggregateAssignment;
import dev.quiver.planner.plan.Assignment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Join outputs after the search: no column travels above a join unless something above reads it. */
class PruneJoinOutputsTest {
    private final Planning planning = Planning.standard();

    @Test
    void aColumnReadOnlyByAJoinKeyStopsAtThatJoin() {
        PhysicalPlan plan = planning.physical("SELECT t1.d, t3.y FROM t t1 JOIN t t2 ON t1.a = t2.a JOIN u t3 ON t2.b = t3.x");
        assertEveryColumnIsRead(plan);
        // Only the two selected columns leave the top join.
        assertThat(names(plan.outputColumns())).containsExactly("d", "y");
    }

    @Test
    void aBuildSideKeepsOnlyWhatTheJoinOrItsConsumerReads() {
        PhysicalPlan plan = planning.physical("SELECT count(*) FROM t JOIN u ON t.a = u.x WHERE u.y = 'x'");
        assertEveryColumnIsRead(plan);
        List<HashJoin> joins = new ArrayList<>();
        collectJoins(plan, joins, new ArrayList<>());
        assertThat(joins).hasSize(1);
    }

    @Test
    void joinsOfJoinsAreNarrowedAtEveryLevel() {
        PhysicalPlan plan = planning.physical("SELECT t1.c FROM t t1, t t2, t t3, u WHERE t1.a = t2.a AND t2.b = t3.b AND t3.a = u.x");
        assertEveryColumnIsRead(plan);
        List<HashJoin> joins = new ArrayList<>();
        List<PhysicalPlan> joinPlans = new ArrayList<>();
        collectJoins(plan, joins, joinPlans);
        assertThat(joins).hasSize(3);
        // Without pruning the top join would carry every column of the four scans; now no join outputs
        // more than its consumer's column plus the keys of the joins above it.
        for (PhysicalPlan j : joinPlans) {
            assertThat(j.input(1).outputColumns().size()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void theRootKeepsItsColumnsInOrder() {
        PhysicalPlan plan = planning.physical("SELECT u.y, t.a, t.d, u.x FROM t JOIN u ON t.a = u.x");
        assertThat(names(plan.outputColumns())).containsExactly("y", "a", "d", "x");
    }

    /**
     * Every column an operator outputs is read by some ancestor (or is the root's), checked by walking
     * down with the columns each consumer reads; scans are exempt (pruned before the search).
     */
    private static void assertEveryColumnIsRead(PhysicalPlan root) {
        check(root, new HashSet<>(root.outputColumns()));
    }

    private static void check(PhysicalPlan plan, Set<ColumnRef> readAbove) {
        Set<ColumnRef> read = new HashSet<>(readAbove);
        if (plan.operator() instanceof HashJoin join) {
            join.probeKeys().forEach(k -> read.addAll(Exprs.columns(k)));
            join.buildKeys().forEach(k -> read.addAll(Exprs.columns(k)));
            join.residual().ifPresent(r -> read.addAll(Exprs.columns(r)));
            // A join outputs its own keys too; the projection above it drops them.
            assertThat(read).as("columns read at or above %s", join.describe()).containsAll(plan.outputColumns());
        } else if (plan.operator() instanceof Project project) {
            if (!readAbove.isEmpty()) {
                assertThat(readAbove).as("columns read above %s", project.describe()).containsAll(plan.outputColumns());
            }
            read.clear();
            for (Assignment a : project.assignments()) {
                read.addAll(Exprs.columns(a.expression()));
            }
        } else if (plan.operator() instanceof Filter filter) {
            read.addAll(Exprs.columns(filter.predicate()));
        } else if (plan.operator() instanceof HashAggregate aggregate) {
            read.clear();
            read.addAll(aggregate.groupKeys());
            for (AggregateAssignment a : aggregate.aggregates()) {
                read.addAll(a.call().arguments());
            }
        }
        for (PhysicalPlan input : plan.inputs()) {
            check(input, read);
        }
    }

    private static void collectJoins(PhysicalPlan plan, List<HashJoin> joins, List<PhysicalPlan> plans) {
        if (plan.operator() instanceof HashJoin join) {
            joins.add(join);
            plans.add(plan);
        }
        plan.inputs().forEach(i -> collectJoins(i, joins, plans));
    }

    private static List<String> names(List<ColumnRef> columns) {
        return columns.stream().map(ColumnRef::name).toList();
    }
}
