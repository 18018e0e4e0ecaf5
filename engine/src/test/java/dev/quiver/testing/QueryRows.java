package dev.quiver.testing;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A query's result on one engine as plain Java values: Boolean, Byte, Short, Integer, Long,
 * BigInteger, BigDecimal, Float, Double, String, LocalDate, or null for NULL. Immutable: the rows
 * are copied (NULLs kept).
 *
 * @param columnNames the result's column names as the engine reports them
 * @param rows the rows in the order the engine returned them
 */
public record QueryRows(List<String> columnNames, List<List<Object>> rows) {
    public QueryRows {
        columnNames = List.copyOf(requireNonNull(columnNames, "columnNames"));
        rows = requireNonNull(rows, "rows").stream().map(r -> Collections.unmodifiableList(new ArrayList<>(r))).toList();
    }

    /** The number of columns the engine reported. */
    public int columnCount() {
        return columnNames.size();
    }
}
