package dev.quiver.tpch;

import java.util.List;

/**
 * The result of a query on one engine, as Java values: Integer, Long, BigInteger, BigDecimal,
 * Double, String, LocalDate, Boolean, or null for NULL.
 *
 * @param columnNames the result's column names, as the engine reports them
 * @param rows the rows in the order the engine returned them
 */
record QueryRows(List<String> columnNames, List<List<Object>> rows) {
    QueryRows {
        columnNames = List.copyOf(columnNames);
        rows = List.copyOf(rows);
    }

    int columnCount() {
        return columnNames.size();
    }
}
