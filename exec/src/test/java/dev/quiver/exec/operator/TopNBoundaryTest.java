package dev.quiver.exec.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.expr.Layout;
import dev.quiver.exec.pipeline.LocalSink;
import dev.quiver.exec.pipeline.QueryContext;
import dev.quiver.exec.testing.MiniDb;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.plan.SortKey;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.Test;

/**
 * A top-N worker that has pruned compares later rows with its worst kept row and copies only
 * those ordered before it: a later row between the middle and the end of what it kept must still
 * enter, and one after the end need not.
 */
class TopNBoundaryTest {
    private static final ColumnRef KEY = new ColumnRef(1, "k", DataType.BIGINT);
    private static final ColumnRef ID = new ColumnRef(2, "id", DataType.INTEGER);

    @Test
    void rowsBetweenTheMiddleAndTheWorstKeptRowStillEnter() {
        int keep = 100;
        List<long[]> rows = new ArrayList<>();
        // More rows than a worker buffers before its first prune: even keys, kept 0, 2, ..., 198.
        for (int i = 0; i < SortSink.TOP_N_MIN_BUFFER + 1000; i++) {
            rows.add(new long[] {2L * i, i});
        }
        // Later: odd keys between the 50th kept row (100) and the 100th (198), then keys past it.
        for (int i = 0; i < 10; i++) {
            rows.add(new long[] {151 + 2L * i, 100_000 + i});
        }
        for (int i = 0; i < 500; i++) {
            rows.add(new long[] {1_000_000 + i, 200_000 + i});
        }
        List<Long> expected = rows.stream().map(r -> r[0]).sorted().limit(keep).toList();
        assertThat(expected).contains(151L, 169L);

        try (MiniDb db = new MiniDb(); BufferAllocator allocator = new RootAllocator()) {
            QueryContext context = db.context();
            SortSink sink = new SortSink(List.of(new SortKey(KEY, false, false)), new Layout(List.of(KEY, ID)), keep, 0);
            LocalSink local = sink.createLocal(context);
            int batchRows = 1000;
            for (int from = 0; from < rows.size(); from += batchRows) {
                List<long[]> part = rows.subList(from, Math.min(rows.size(), from + batchRows));
                try (BigIntVector k = new BigIntVector("k", allocator); IntVector id = new IntVector("id", allocator)) {
                    k.allocateNew(part.size());
                    id.allocateNew(part.size());
                    for (int r = 0; r < part.size(); r++) {
                        k.set(r, part.get(r)[0]);
                        id.set(r, (int) part.get(r)[1]);
                    }
                    k.setValueCount(part.size());
                    id.setValueCount(part.size());
                    local.consume(Batch.of(new FieldVector[] {k, id}, part.size()), 0);
                }
            }
            sink.combine(local, context);
            sink.finish(context);
            List<Long> keys = new ArrayList<>();
            for (Batch b : sink.output()) {
                for (int r = 0; r < b.rowCount(); r++) {
                    keys.add(((BigIntVector) b.column(0)).get(r));
                }
                for (int c = 0; c < b.columnCount(); c++) {
                    b.column(c).close();
                }
            }
            assertThat(keys).isEqualTo(expected);
            context.close();
        }
    }
}
