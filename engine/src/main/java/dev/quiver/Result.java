package dev.quiver;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.exec.pipeline.QueryContext;
import dev.quiver.exec.pipeline.QueryOutput;
import dev.quiver.exec.vector.ArrowColumns;
import dev.quiver.planner.type.DataType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The outcome of one statement. A query's result holds its rows as Arrow record batches, readable
 * as {@link #batches()}, through an {@link ArrowReader}, or as {@link #rows()}; other statements
 * have a status (PostgreSQL's command tag, e.g. {@code INSERT 0 5}) and an affected-row count.
 * Close it to release the memory of its batches.
 */
public final class Result implements AutoCloseable {
    private final String status;
    private final long affectedRows;
    private final Optional<QueryOutput> output;
    private final Optional<QueryContext> context;
    private boolean closed;
    private final List<ResultReader> readers = new ArrayList<>();

    private Result(String status, long affectedRows, Optional<QueryOutput> output, Optional<QueryContext> context) {
        this.status = status;
        this.affectedRows = affectedRows;
        this.output = output;
        this.context = context;
    }

    static Result status(String status, long affectedRows) {
        return new Result(status, affectedRows, Optional.empty(), Optional.empty());
    }

    static Result query(QueryOutput output, QueryContext context) {
        return new Result("SELECT " + output.rowCount(), output.rowCount(), Optional.of(output), Optional.of(context));
    }

    /** Whether the statement returned rows (a query, EXPLAIN). */
    public boolean hasRows() {
        return output.isPresent();
    }

    /** PostgreSQL-style command tag: {@code SELECT 4}, {@code INSERT 0 5}, {@code CREATE TABLE}. */
    public String status() {
        return status;
    }

    /** Rows returned (queries) or affected (INSERT, CREATE TABLE AS). */
    public long rowCount() {
        return affectedRows;
    }

    public List<String> columnNames() {
        return output.map(QueryOutput::names).orElse(List.of());
    }

    public List<DataType> columnTypes() {
        return output.map(QueryOutput::types).orElse(List.of());
    }

    /** The Arrow schema of the rows: every SQL type as its natural Arrow type. */
    public Schema schema() {
        List<Field> fields = new ArrayList<>();
        for (int c = 0; c < columnNames().size(); c++) {
            fields.add(ArrowColumns.field(columnNames().get(c), columnTypes().get(c), true));
        }
        return new Schema(fields);
    }

    /** The record batches, in order; owned by this result (valid until {@link #close()}). */
    public List<VectorSchemaRoot> batches() {
        checkOpen();
        return output.map(QueryOutput::batches).orElse(List.of());
    }

    /** An Arrow reader over the batches; closing the result also closes the readers it handed out. */
    public ArrowReader reader() {
        checkOpen();
        QueryContext ctx = context.orElseThrow(() -> new QuiverException(SqlState.FEATURE_NOT_SUPPORTED,
                "statement \"" + status + "\" returned no rows"));
        ResultReader reader = new ResultReader(ctx.allocator(), schema(), batches());
        readers.add(reader);
        return reader;
    }

    /** All rows as Java values (convenient for small results). */
    public List<Row> rows() {
        checkOpen();
        List<Row> rows = new ArrayList<>();
        List<DataType> types = columnTypes();
        for (VectorSchemaRoot batch : batches()) {
            for (int r = 0; r < batch.getRowCount(); r++) {
                List<Object> values = new ArrayList<>(types.size());
                for (int c = 0; c < types.size(); c++) {
                    values.add(javaValue(batch.getVector(c), types.get(c), r));
                }
                rows.add(new Row(Collections.unmodifiableList(values)));
            }
        }
        return rows;
    }

    static Object javaValue(FieldVector vector, DataType type, int row) {
        Object v = ArrowColumns.getObject(vector, type, row);
        if (v == null) {
            return null;
        }
        return switch (type.id()) {
            case TINYINT -> (byte) (long) (Long) v;
            case SMALLINT -> (short) (long) (Long) v;
            case INTEGER, UNKNOWN -> (int) (long) (Long) v;
            case REAL -> (float) (double) (Double) v;
            case DATE -> LocalDate.ofEpochDay((Integer) v);
            case TIMESTAMP -> dev.quiver.planner.type.DateTimes.toLocalDateTime((Long) v);
            default -> v;
        };
    }

    private void checkOpen() {
        if (closed) {
            throw new QuiverException(SqlState.OBJECT_IN_USE, "result is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ResultReader reader : readers) {
            // A reader shares the result's memory: it goes first, whether or not its user closed it.
            try {
                reader.close();
            } catch (java.io.IOException | RuntimeException e) {
                // Closing twice or after a failed load is harmless; the memory check below still runs.
            }
        }
        readers.clear();
        try {
            output.ifPresent(QueryOutput::close);
        } finally {
            context.ifPresent(QueryContext::close);
        }
    }
}
