package dev.quiver.tpch;

import dev.quiver.Result;
import dev.quiver.Row;
import dev.quiver.Session;
import dev.quiver.testing.JdbcRows;
import dev.quiver.testing.QueryRows;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * An in-process DuckDB database holding a copy of the TPC-H tables of a Quiver database, used as
 * the oracle of differential tests. The tables are created with the same DDL as in Quiver
 * ({@link TpchTableDefinition#createTableSql}: DECIMAL(15,2) stays DECIMAL(15,2), DATE stays DATE)
 * and filled through DuckDB's appender with the values Quiver returns, in Quiver's scan order.
 */
final class DuckDbOracle implements AutoCloseable {
    /** An in-memory database private to this connection. */
    static final String URL = "jdbc:duckdb:";

    private final DuckDBConnection connection;

    private DuckDbOracle(DuckDBConnection connection) {
        this.connection = connection;
    }

    static DuckDbOracle open() throws SQLException {
        Connection c = DriverManager.getConnection(URL);
        return new DuckDbOracle(c.unwrap(DuckDBConnection.class));
    }

    /** Creates every TPC-H table and copies its rows from {@code quiver}; returns the rows copied per table, in {@link TpchTables#ALL} order. */
    List<Long> copyFrom(Session quiver) throws SQLException {
        List<Long> counts = new ArrayList<>();
        for (TpchTableDefinition<?> table : TpchTables.ALL) {
            execute(table.createTableSql());
            long rows = 0;
            try (Result result = quiver.execute(selectAll(table)); DuckDBAppender appender = connection.createAppender(table.name())) {
                for (Row row : result.rows()) {
                    appender.beginRow();
                    for (Object value : row.values()) {
                        append(appender, value);
                    }
                    appender.endRow();
                    rows++;
                }
            }
            counts.add(rows);
        }
        return counts;
    }

    /** {@code SELECT} of every column of {@code table} in table order, without ORDER BY. */
    static String selectAll(TpchTableDefinition<?> table) {
        return "SELECT " + String.join(", ", table.columnNames()) + " FROM " + table.name();
    }

    private static void append(DuckDBAppender appender, Object value) throws SQLException {
        if (value instanceof Integer i) {
            appender.append(i.intValue());
        } else if (value instanceof Long l) {
            appender.append(l.longValue());
        } else if (value instanceof BigDecimal d) {
            appender.append(d);
        } else if (value instanceof String s) {
            appender.append(s);
        } else if (value instanceof LocalDate d) {
            appender.append(d);
        } else {
            throw new IllegalArgumentException("TPC-H tables hold no " + (value == null ? "NULL" : value.getClass().getSimpleName()));
        }
    }

    /** Runs a statement that returns no rows. */
    void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * Runs a query's statements and returns the rows of the last one that has any. When a
     * statement fails, the remaining DROP statements still run (so Q15's view goes away).
     */
    QueryRows run(List<String> statements) throws SQLException {
        Optional<QueryRows> rows = Optional.empty();
        for (int i = 0; i < statements.size(); i++) {
            try (Statement s = connection.createStatement()) {
                if (s.execute(statements.get(i))) {
                    try (ResultSet rs = s.getResultSet()) {
                        rows = Optional.of(JdbcRows.read(rs));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                for (String rest : statements.subList(i + 1, statements.size())) {
                    if (QuiverStatements.CLEANUP.matcher(rest).matches()) {
                        try {
                            execute(rest);
                        } catch (SQLException cleanup) {
                            e.addSuppressed(cleanup);
                        }
                    }
                }
                throw e;
            }
        }
        return rows.orElseThrow(() -> new IllegalStateException("no statement returned rows: " + statements));
    }

    /** The SQL type names of a table's columns as DuckDB reports them ({@code DECIMAL(15,2)}, {@code DATE}, ...). */
    List<String> columnTypes(String table) throws SQLException {
        List<String> types = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT data_type FROM information_schema.columns WHERE table_name = '" + table
                        + "' ORDER BY ordinal_position")) {
            while (rs.next()) {
                types.add(rs.getString(1));
            }
        }
        return types;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
