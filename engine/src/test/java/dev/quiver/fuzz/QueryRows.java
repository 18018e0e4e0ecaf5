package dev.quiver.fuzz;

import java.util.List;

/**
 * A query's result on one engine as plain Java values: Boolean, Byte, Short, Integer, Long,
 * BigInteger, BigDecimal, Float, Double, String, LocalDate, or null for NULL.
 *
 * @param columnNames the result's column names as the engine reports them
 * @param rows the rows in the order the engine returned them
 */
record QueryRows(List<String> columnNames, List<List<Object>> rows) {
    QueryRows {
        columnNames = List.copyOf(columnNames);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
    }

    int columnCount() {
        return columnNames.size();
    }
}
