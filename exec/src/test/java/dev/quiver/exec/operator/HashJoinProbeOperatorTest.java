package dev.quiver.exec.operator;

import static dev.quiver.exec.testing.Errors.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.expr.Layout;
import dev.quiver.exec.pipeline.LocalSink;
import dev.quiver.exec.pipeline.QueryContext;
import dev.quiver.exec.pipeline.Scheduler;
import dev.quiver.exec.testing.TestPlans;
import dev.quiver.exec.vector.ArrowColumns;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.exec.vector.Values;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.physical.HashJoin;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongUnaryOperator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The probe operator on its own: bounded output batches, SEMI and MARK outputs that share the
 * input's vectors, the unmatched build rows of a RIGHT join at the end, and cancellation between
 * the output batches of one input batch.
 */
class HashJoinProbeOperatorTest {
    final ColumnRef probeId = TestPlans.column("pid", DataType.BIGINT);
    final ColumnRef probeKey = TestPlans.column("pk", DataType.BIGINT);
    final ColumnRef buildId = TestPlans.column("bid", DataType.BIGINT);
    final ColumnRef buildKey = TestPlans.column("bk", DataType.BIGINT);
    final Layout probeLayout = new Layout(List.of(probeId, probeKey));
    final Layout buildLayout = new Layout(List.of(buildId, buildKey));
    final List<FieldVector> vectors = new ArrayList<>();
    RootAllocator root;
    Scheduler scheduler;
    QueryContext context;

    @BeforeEach
    void open() {
        root = new RootAllocator();
        scheduler = new Scheduler(1);
        context = new QueryContext(root.newChildAllocator("query", 0, Long.MAX_VALUE), scheduler, t -> {
            throw new UnsupportedOperationException();
        }, 1);
    }

    @AfterEach
    void close() {
        vectors.forEach(FieldVector::close);
        context.close();
        scheduler.close();
        assertThat(root.getAllocatedMemory()).isZero();
        root.close();
    }

    /** A batch of {@code rows} rows: id = row, key = key(row). */
    Batch batch(int rows, LongUnaryOperator key) {
        ValueVector ids = new ValueVector(DataType.BIGINT, rows);
        ValueVector keys = new ValueVector(DataType.BIGINT, rows);
        for (int r = 0; r < rows; r++) {
            Values.set(ids, r, (long) r);
            Values.set(keys, r, key.applyAsLong(r));
        }
        FieldVector[] columns = {ArrowColumns.create("id", DataType.BIGINT, context.allocator(), false),
                ArrowColumns.create("k", DataType.BIGINT, context.allocator(), false)};
        ArrowColumns.write(ids, null, rows, columns[0]);
        ArrowColumns.write(keys, null, rows, columns[1]);
        vectors.addAll(List.of(columns));
        return Batch.of(columns, rows);
    }

    HashJoin join(JoinType type) {
        Optional<ColumnRef> mark = type == JoinType.MARK ? Optional.of(TestPlans.column("m", DataType.BOOLEAN)) : Optional.empty();
        return new HashJoin(type, List.<Expr>of(probeKey), List.<Expr>of(buildKey), List.of(false), Optional.empty(), mark);
    }

    HashJoinProbeOperator probe(HashJoin join, Batch build) {
        HashJoinBuildSink sink = new HashJoinBuildSink(join, buildLayout);
        LocalSink local = sink.createLocal(context);
        local.consume(build, 0);
        sink.combine(local, context);
        sink.finish(context);
        return new HashJoinProbeOperator(join, sink.table(), probeLayout, buildLayout, context);
    }

    /** Records each pushed batch's row count and first column's first selected value. */
    static final class Recorder implements Downstream {
        final List<Integer> sizes = new ArrayList<>();
        final List<Batch> batches = new ArrayList<>();

        @Override
        public void push(Batch batch) {
            sizes.add(batch.selectedCount());
            batches.add(batch);
        }

        long rows() {
            return sizes.stream().mapToLong(Integer::longValue).sum();
        }
    }

    @Test
    void manyMatchesLeaveInBoundedBatches() {
        try (HashJoinProbeOperator op = probe(join(JoinType.INNER), batch(200, r -> 1))) {
            Recorder out = new Recorder();
            op.process(batch(100, r -> 1), out);
            assertThat(out.rows()).isEqualTo(100 * 200);
            assertThat(out.sizes).allSatisfy(n -> assertThat(n).isBetween(1, HashJoinProbeOperator.OUTPUT_ROWS));
            assertThat(out.sizes).hasSize((100 * 200 + HashJoinProbeOperator.OUTPUT_ROWS - 1) / HashJoinProbeOperator.OUTPUT_ROWS);
        }
    }

    @Test
    void semiNarrowsTheInputsSelectionWithoutCopying() {
        try (HashJoinProbeOperator op = probe(join(JoinType.SEMI), batch(10, r -> r * 2))) {
            Batch input = batch(20, r -> r);
            Recorder out = new Recorder();
            op.process(input, out);
            assertThat(out.batches).hasSize(1);
            Batch result = out.batches.get(0);
            assertThat(result.column(0)).isSameAs(input.column(0));
            assertThat(result.column(1)).isSameAs(input.column(1));
            int[] kept = Arrays.copyOf(result.positions(), result.selectedCount());
            assertThat(kept).containsExactly(0, 2, 4, 6, 8, 10, 12, 14, 16, 18);
        }
    }

    @Test
    void markAddsOneVectorAlignedWithTheInputsRows() {
        try (HashJoinProbeOperator op = probe(join(JoinType.MARK), batch(3, r -> r))) {
            Batch input = batch(6, r -> r).withSelection(new int[] {1, 3, 5}, 3);
            Recorder out = new Recorder();
            op.process(input, out);
            Batch result = out.batches.get(0);
            assertThat(result.columnCount()).isEqualTo(3);
            assertThat(result.column(0)).isSameAs(input.column(0));
            assertThat(result.positions()).isSameAs(input.positions());
            assertThat(result.selectedCount()).isEqualTo(3);
            FieldVector mark = result.column(2);
            assertThat(ArrowColumns.getObject(mark, DataType.BOOLEAN, 1)).isEqualTo(true);
            assertThat(ArrowColumns.getObject(mark, DataType.BOOLEAN, 3)).isEqualTo(false);
            assertThat(ArrowColumns.getObject(mark, DataType.BOOLEAN, 5)).isEqualTo(false);
        }
    }

    @Test
    void rightJoinEmitsUnmatchedBuildRowsAtTheEndInBoundedBatches() {
        try (HashJoinProbeOperator op = probe(join(JoinType.RIGHT), batch(10_000, r -> r))) {
            Recorder matched = new Recorder();
            op.process(batch(100, r -> r), matched);
            assertThat(matched.rows()).isEqualTo(100);
            List<Long> unmatchedIds = new ArrayList<>();
            op.finish(batch -> {
                assertThat(batch.selectedCount()).isBetween(1, HashJoinProbeOperator.OUTPUT_ROWS);
                for (int i = 0; i < batch.selectedCount(); i++) {
                    assertThat(batch.column(0).isNull(i)).isTrue();
                    unmatchedIds.add((Long) ArrowColumns.getObject(batch.column(2), DataType.BIGINT, i));
                }
            });
            assertThat(unmatchedIds).hasSize(9_900);
            assertThat(unmatchedIds.get(0)).isEqualTo(100L);
            assertThat(unmatchedIds.get(9_899)).isEqualTo(9_999L);
        }
    }

    @Test
    void cancellationStopsTheOutputOfOneInputBatch() {
        try (HashJoinProbeOperator op = probe(join(JoinType.INNER), batch(200, r -> 1))) {
            List<Integer> pushes = new ArrayList<>();
            assertSqlState("57014", () -> op.process(batch(100, r -> 1), b -> {
                pushes.add(b.selectedCount());
                context.cancel();
            }));
            assertThat(pushes).hasSize(1);
        }
    }
}
