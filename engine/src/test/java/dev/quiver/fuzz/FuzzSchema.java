package dev.quiver.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The random tables one round of fuzzing queries: their columns and rows, and the statements that
 * create them (the same text for Quiver, PostgreSQL and DuckDB).
 *
 * @param tables the tables, named {@code t0}, {@code t1}, ...
 */
record FuzzSchema(List<Table> tables) {
    FuzzSchema {
        tables = List.copyOf(tables);
    }

    /** A column: its name starts with its kind's letter, so equally named columns are comparable (NATURAL joins, USING). */
    record Column(String name, FuzzType type) {
        Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * A table: its rows (Java values as {@link Expr.Literal} holds them; null for NULL), or the
     * query that computes them when it is created.
     *
     * @param name the table's name
     * @param columns its columns
     * @param rows its rows when {@code query} is empty
     * @param query a query computing the rows (CREATE TABLE ... AS), for tables too large to insert literally
     */
    record Table(String name, List<Column> columns, List<List<Object>> rows, Optional<String> query) {
        Table {
            Objects.requireNonNull(name, "name");
            columns = List.copyOf(columns);
            rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new ArrayList<>(r))).toList();
            Objects.requireNonNull(query, "query");
            if (query.isPresent() && !rows.isEmpty()) {
                throw new IllegalArgumentException("a table computed by a query has no literal rows");
            }
        }

        Table(String name, List<Column> columns, List<List<Object>> rows) {
            this(name, columns, rows, Optional.empty());
        }

        /** Whether the table is computed (large: its scans span several morsels); queries use it sparingly. */
        boolean isLarge() {
            return query.isPresent();
        }

        String createSql() {
            if (query.isPresent()) {
                return "CREATE TABLE " + name + " AS " + query.get();
            }
            StringBuilder sql = new StringBuilder("CREATE TABLE " + name + " (");
            for (int c = 0; c < columns.size(); c++) {
                sql.append(c == 0 ? "" : ", ").append(columns.get(c).name()).append(" ").append(columns.get(c).type().sqlName());
            }
            return sql.append(")").toString();
        }

        /**
         * A value as INSERT writes it: the column's type converts it, so numbers need no CAST
         * (which makes INSERT statements shorter to read and quicker to parse).
         */
        private static String value(Object v) {
            if (v == null) {
                return "NULL";
            }
            if (v instanceof Double d) {
                return java.math.BigDecimal.valueOf(d).toPlainString();
            }
            if (v instanceof java.math.BigDecimal d) {
                return d.toPlainString();
            }
            if (v instanceof String text) {
                return Expr.Literal.quote(text);
            }
            if (v instanceof java.time.LocalDate d) {
                return "DATE '" + d + "'";
            }
            return v instanceof Boolean b ? (b ? "TRUE" : "FALSE") : v.toString();
        }

        /** INSERT statements holding all rows, at most {@code rowsPerStatement} each; none for an empty table. */
        List<String> insertSql(int rowsPerStatement) {
            List<String> statements = new ArrayList<>();
            for (int start = 0; start < rows.size(); start += rowsPerStatement) {
                StringBuilder sql = new StringBuilder("INSERT INTO " + name + " VALUES ");
                for (int r = start; r < Math.min(rows.size(), start + rowsPerStatement); r++) {
                    sql.append(r == start ? "(" : ", (");
                    for (int c = 0; c < columns.size(); c++) {
                        sql.append(c == 0 ? "" : ", ").append(value(rows.get(r).get(c)));
                    }
                    sql.append(")");
                }
                statements.add(sql.toString());
            }
            return statements;
        }
    }

    /** Rows per INSERT statement of a small table: short statements keep failure reports readable. */
    static final int ROWS_PER_INSERT = 10;

    /** CREATE TABLE and INSERT statements for every table, in order. */
    List<String> setupSql() {
        List<String> statements = new ArrayList<>();
        for (Table t : tables) {
            statements.add(t.createSql());
            statements.addAll(t.insertSql(ROWS_PER_INSERT));
        }
        return statements;
    }

    /** DROP TABLE statements for every table. */
    List<String> dropSql() {
        return tables.stream().map(t -> "DROP TABLE " + t.name()).toList();
    }
}
