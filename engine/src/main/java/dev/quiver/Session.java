package dev.quiver;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.exec.vector.ArrowColumns;
import dev.quiver.engine.storage.Table;
import dev.quiver.parser.SqlParser;
import dev.quiver.parser.ast.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A connection to a database: runs SQL statements one at a time with its own settings. Not
 * thread-safe, except {@link #cancel()}, which another thread may call to stop the running
 * statement.
 */
public final class Session implements AutoCloseable {
    private final Database database;
    private final SessionSettings settings;
    private final StatementRunner runner;
    private final StatementCache statements = new StatementCache();
    private volatile boolean closed;

    Session(Database database) {
        this.database = database;
        this.settings = new SessionSettings(database.options().threads());
        this.runner = new StatementRunner(database, this);
    }

    public SessionSettings settings() {
        return settings;
    }

    /** Changes a setting, as {@code SET name = value} does. */
    public void set(String name, String value) {
        checkOpen();
        settings.set(name, value, database.options().threads());
    }

    /** Parses and runs one statement. Every failure is a {@link QuiverException} carrying the SQL text. */
    public Result execute(String sql) {
        checkOpen();
        Statement statement = statements.parse(sql);
        return runner.run(statement, sql);
    }

    /** Runs statements separated by semicolons; stops at the first failure. Results must be closed. */
    public List<Result> executeScript(String sql) {
        checkOpen();
        List<Result> results = new ArrayList<>();
        try {
            for (Statement statement : SqlParser.parseScript(sql)) {
                results.add(runner.run(statement, sql));
            }
        } catch (RuntimeException e) {
            for (Result r : results) {
                try {
                    r.close();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        return results;
    }

    /**
     * Appends a batch of rows to a table: one vector per table column in table order, each the
     * column's natural Arrow type (the types a query returns). All rows or none are added.
     */
    public long append(String table, VectorSchemaRoot batch) {
        checkOpen();
        Table t = database.catalog().storedTable(table).orElseThrow(() ->
                new QuiverException(SqlState.UNDEFINED_TABLE, "relation \"" + table + "\" does not exist"));
        List<FieldVector> vectors = batch.getFieldVectors();
        return t.append(vectors, batch.getRowCount());
    }

    /** The Arrow field of each column of a table, for building batches to {@link #append}. */
    public org.apache.arrow.vector.types.pojo.Schema tableSchema(String table) {
        Table t = database.catalog().storedTable(table).orElseThrow(() ->
                new QuiverException(SqlState.UNDEFINED_TABLE, "relation \"" + table + "\" does not exist"));
        return new org.apache.arrow.vector.types.pojo.Schema(t.columns().stream()
                .map(c -> ArrowColumns.field(c.name(), c.type(), true)).toList());
    }

    /** Allocator for building batches to append (a child of the database's). */
    public org.apache.arrow.memory.BufferAllocator bufferAllocator() {
        return database.storageAllocator();
    }

    /** Stops the statement running in this session (from another thread); it fails with SQLSTATE 57014. */
    public void cancel() {
        runner.cancel();
    }

    private void checkOpen() {
        if (closed) {
            throw new QuiverException(SqlState.OBJECT_IN_USE, "session is closed");
        }
        database.checkOpen();
    }

    @Override
    public void close() {
        closed = true;
    }
}
