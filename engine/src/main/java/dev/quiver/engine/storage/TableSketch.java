package dev.quiver.engine.storage;

import dev.quiver.exec.vector.ArrowColumns;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.catalog.ColumnStatistics;
import dev.quiver.planner.catalog.TableStatistics;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * The statistics of a table's rows at one moment, one {@link ColumnSketch} per column, published
 * with the {@link TableData} they describe. An append extends a copy by the new rows only; a
 * rewrite (DELETE, UPDATE) computes them afresh from the rows it writes, as sketches cannot forget
 * values. Immutable once built.
 */
final class TableSketch {
    private final List<DataType> types;
    private final ColumnSketch[] columns;
    /** Computed on first use: the distinct-value estimate is a pass over each sketch's registers. */
    private volatile List<ColumnStatistics> statistics;

    private TableSketch(List<DataType> types, ColumnSketch[] columns) {
        this.types = types;
        this.columns = columns;
    }

    /** The sketch of no rows. */
    static TableSketch empty(List<DataType> types) {
        ColumnSketch[] columns = new ColumnSketch[types.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = new ColumnSketch(types.get(c));
        }
        return new TableSketch(List.copyOf(types), columns);
    }

    /** A sketch of these rows and the rows of {@code values} (entries 0..rows-1 of each column). */
    TableSketch plus(ValueVector[] values, int rows) {
        ColumnSketch[] extended = new ColumnSketch[columns.length];
        for (int c = 0; c < columns.length; c++) {
            extended[c] = columns[c].copy();
            extended[c].add(values[c], 0, rows);
        }
        return new TableSketch(types, extended);
    }

    /**
     * A sketch computed afresh from the rows of {@code chunks} (ANALYZE): column by column, through
     * one reused vector, so neither the sketch nor the rows are copied per chunk.
     */
    static TableSketch of(List<DataType> types, List<Chunk> chunks) {
        ColumnSketch[] columns = new ColumnSketch[types.size()];
        for (int c = 0; c < columns.length; c++) {
            DataType type = types.get(c);
            columns[c] = new ColumnSketch(type);
            ValueVector values = new ValueVector(type, TableData.CHUNK_ROWS);
            for (Chunk chunk : chunks) {
                values.ensureCapacity(chunk.rows());
                values.resetArena();
                ArrowColumns.read(chunk.column(c), type, null, chunk.rows(), values, 0);
                columns[c].add(values, 0, chunk.rows());
            }
        }
        return new TableSketch(List.copyOf(types), columns);
    }

    TableStatistics statistics(long rowCount) {
        List<ColumnStatistics> known = statistics;
        if (known == null) {
            List<ColumnStatistics> computed = new ArrayList<>(columns.length);
            for (ColumnSketch c : columns) {
                computed.add(c.statistics());
            }
            known = List.copyOf(computed);
            statistics = known;
        }
        return new TableStatistics(rowCount, known);
    }
}
