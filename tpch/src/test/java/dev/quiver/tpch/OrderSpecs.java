package dev.quiver.tpch;

import dev.quiver.testing.RowOrder;
import java.util.ArrayList;
import java.util.List;

/** The shared result comparison's {@link RowOrder} of a query's {@link OrderSpec}. */
final class OrderSpecs {
    private OrderSpecs() {
    }

    /**
     * The order a result of {@code rowCount} rows with columns {@code columnNames} must have: the keys
     * by result column position, NULLs wherever the engine puts them (TPC-H's ORDER BY keys are never
     * NULL, and engines' defaults differ), and the last run of tied rows cut when the LIMIT is
     * exactly the number of rows (with fewer rows, nothing was cut). TPC-H has no OFFSET.
     *
     * @throws IllegalArgumentException when a key is not a result column
     */
    static RowOrder rowOrder(OrderSpec spec, List<String> columnNames, int rowCount) {
        int[] indexes = spec.columnIndexes(columnNames);
        List<RowOrder.Key> rowKeys = new ArrayList<>(spec.keys().size());
        for (int k = 0; k < spec.keys().size(); k++) {
            rowKeys.add(new RowOrder.Key(indexes[k], spec.keys().get(k).descending(), RowOrder.NullPlacement.UNSPECIFIED));
        }
        return new RowOrder(rowKeys, false, spec.limit().isPresent() && rowCount == spec.limit().getAsInt());
    }
}
