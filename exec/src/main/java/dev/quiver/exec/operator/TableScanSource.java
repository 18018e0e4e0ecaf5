package dev.quiver.exec.operator;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.pipeline.BatchConsumer;
import dev.quiver.exec.pipeline.QueryContext;
import dev.quiver.exec.pipeline.Source;
import dev.quiver.exec.pipeline.TableSnapshot;
import dev.quiver.exec.vector.ArrowColumns;
import dev.quiver.planner.catalog.TableHandle;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.FieldVector;

/**
 * Scans a table snapshot. A morsel is a run of consecutive storage chunks; each chunk becomes one
 * batch of the requested columns, handed out without copying.
 */
public final class TableScanSource implements Source {
    /** Chunks per morsel: 16 chunks of 4096 rows ≈ 64K rows, the morsel size Leis et al. found to balance load and overhead. */
    public static final int CHUNKS_PER_MORSEL = 16;

    private final TableHandle table;
    private final int[] ordinals;

    public TableScanSource(TableHandle table, List<Integer> ordinals) {
        this.table = table;
        this.ordinals = ordinals.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public int morselCount(QueryContext context) {
        int chunks = context.snapshot(table).chunkCount();
        return (chunks + CHUNKS_PER_MORSEL - 1) / CHUNKS_PER_MORSEL;
    }

    /** The snapshot's rows, exactly. */
    @Override
    public long estimatedRows(QueryContext context) {
        TableSnapshot snapshot = context.snapshot(table);
        long rows = 0;
        for (int chunk = 0; chunk < snapshot.chunkCount(); chunk++) {
            rows += snapshot.rowCount(chunk);
        }
        return rows;
    }

    @Override
    public void produce(int morsel, QueryContext context, BatchConsumer consumer) {
        TableSnapshot snapshot = context.snapshot(table);
        int end = Math.min(snapshot.chunkCount(), (morsel + 1) * CHUNKS_PER_MORSEL);
        for (int chunk = morsel * CHUNKS_PER_MORSEL; chunk < end; chunk++) {
            context.checkCancelled();
            FieldVector[] columns = new FieldVector[ordinals.length];
            boolean[] hasNulls = new boolean[ordinals.length];
            for (int c = 0; c < ordinals.length; c++) {
                columns[c] = snapshot.column(chunk, ordinals[c]);
            }
            int rows = snapshot.rowCount(chunk);
            for (int c = 0; c < ordinals.length; c++) {
                Optional<Boolean> known = snapshot.hasNulls(chunk, ordinals[c]);
                hasNulls[c] = known.isPresent() ? known.get() : ArrowColumns.hasNulls(columns[c], rows);
            }
            if (rows > 0 && !consumer.accept(Batch.of(columns, rows, hasNulls))) {
                return;
            }
        }
    }
}
