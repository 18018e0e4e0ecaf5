package dev.quiver.testing;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JDBC result (a reference engine's, such as DuckDB's) into {@link QueryRows} of the plain
 * Java values Quiver's own results hold, so that {@link ResultComparator} can compare the two.
 */
public final class JdbcRows {
    private JdbcRows() {
    }

    /**
     * All remaining rows of {@code rs}, with its column labels. Dates become LocalDate (DuckDB's
     * driver returns java.sql.Date); numbers stay as the driver returns them (DuckDB: BIGINT as Long,
     * HUGEINT as BigInteger, DECIMAL as BigDecimal, DOUBLE as Double); NULL is null.
     */
    public static QueryRows read(ResultSet rs) throws SQLException {
        requireNonNull(rs, "rs");
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
                row.add(value(rs, meta, c));
            }
            rows.add(row);
        }
        return new QueryRows(names, rows);
    }

    /** A column value of the current row as a plain Java value (see {@link #read}). */
    private static Object value(ResultSet rs, ResultSetMetaData meta, int column) throws SQLException {
        if (meta.getColumnType(column) == Types.DATE) {
            return rs.getObject(column, LocalDate.class);
        }
        Object v = rs.getObject(column);
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return v;
    }
}
