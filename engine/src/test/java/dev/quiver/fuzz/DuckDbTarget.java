package dev.quiver.fuzz;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
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
                return new Outcome.Rows(read(rs));
            }
        } catch (SQLException e) {
            invalidated |= String.valueOf(e.getMessage()).contains(FATAL) || String.valueOf(e.getMessage()).contains(INTERNAL);
            return new Outcome.Failed(e.getSQLState() == null ? "" : e.getSQLState(), String.valueOf(e.getMessage()), java.util.Optional.empty());
        } catch (RuntimeException e) {
            return new Outcome.Crashed(e);
        }
    }

    private static QueryRows read(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int columns = meta.getColumnCount();
        List<String> names = new ArrayList<>(columns);
        for (int c = 1; c <= columns; c++) {
            names.add(meta.getColumnLabel(c));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
            List<Object> row = new ArrayList<>(columns);
            for (int c = 1; c <= columns; c++) {
                row.add(meta.getColumnType(c) == Types.DATE ? rs.getObject(c, LocalDate.class) : rs.getObject(c));
            }
            rows.add(row);
        }
        return new QueryRows(names, rows);
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
