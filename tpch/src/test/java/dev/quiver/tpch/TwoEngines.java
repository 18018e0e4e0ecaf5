package dev.quiver.tpch;

import dev.quiver.Database;
import dev.quiver.Quiver;
import dev.quiver.Session;
import java.sql.SQLException;
import java.util.Map;

/**
 * The two engines the tests compare: an in-memory Quiver database holding the TPC-H tables at a
 * scale factor, and an in-process DuckDB holding a copy of them ({@link DuckDbTpch}).
 *
 * @param copiedRows the rows copied into DuckDB per table, in {@link TpchTables#ALL} order
 */
record TwoEngines(Database database, Session quiver, DuckDbTpch duckdb, Map<String, Long> copiedRows) implements AutoCloseable {
    /** Loads the tables into Quiver at {@code scaleFactor} and copies them into DuckDB in slices of about {@code sliceRows} rows. */
    static TwoEngines load(double scaleFactor, long sliceRows) throws SQLException {
        Database database = Quiver.openInMemory();
        Session quiver = null;
        DuckDbTpch duckdb = null;
        try {
            quiver = database.connect();
            TpchDataGenerator.load(quiver, scaleFactor);
            duckdb = DuckDbTpch.open();
            return new TwoEngines(database, quiver, duckdb, duckdb.copyFrom(quiver, 2, sliceRows));
        } catch (SQLException | RuntimeException | Error e) {
            try {
                new TwoEngines(database, quiver, duckdb, Map.of()).close();
            } catch (SQLException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            if (duckdb != null) {
                duckdb.close();
            }
        } finally {
            try {
                if (quiver != null) {
                    quiver.close();
                }
            } finally {
                database.close();
            }
        }
    }
}
