package dev.quiver.fuzz;

import dev.quiver.testing.JdbcRows;
import dev.quiver.testing.QueryRows;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** An in-process, in-memory DuckDB database: the differential fuzzer's reference. */
final class DuckDbTarget implements FuzzTarget {
    /** An in-memory database private to this connection. */
    static final String URL = "jdbc:duckdb:";

    /** DuckDB's message after an internal failure it cannot recover from: the database must be reopened. */
    static final String FATAL = "FATAL Error";
    /** DuckDB's message for an internal error, after which it may invalidate the database. */
    static final String INTERNAL = "INTERNAL Error";

    private Connection connection;
    private boolean invalidated;

    DuckDbTarget() {
        this.connection = open();
    }

    private static Connection open() {
        try {
            return DriverManager.getConnection(URL);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open DuckDB", e);
        }
    }

    /**
     * Whether a fatal or internal DuckDB error (a DuckDB bug) may have invalidated the database;
     * {@link #reopen} then starts afresh, without tables.
     */
    boolean invalidated() {
        return invalidated;
    }

    /** Replaces the database with a new, empty one. */
    void reopen() {
        try {
            connection.close();
        } catch (SQLException e) {
            // The invalidated database may refuse even this; it is dropped either way.
        }
        connection = open();
        invalidated = false;
    }

    @Override
    public Outcome run(String sql) {
        try (Statement s = connection.createStatement()) {
            if (!s.execute(sql)) {
                return new Outcome.Rows(new QueryRows(List.of(), List.of()));
            }
            try (ResultSet rs = s.getResultSet()) {
                return new Outcome.Rows(JdbcRows.read(rs));
            }
        } catch (SQLException e) {
            invalidated |= String.valueOf(e.getMessage()).contains(FATAL) || String.valueOf(e.getMessage()).contains(INTERNAL);
            return new Outcome.Failed(e.getSQLState() == null ? "" : e.getSQLState(), String.valueOf(e.getMessage()), java.util.Optional.empty());
        } catch (RuntimeException e) {
            return new Outcome.Crashed(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close DuckDB", e);
        }
    }
}
