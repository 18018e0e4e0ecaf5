package dev.quiver.fuzz;

import dev.quiver.testing.RowOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A generated top-level query and what its text fixes about its result's order (for comparing results).
 *
 * @param query the query
 * @param order its ORDER BY keys as result column positions, and whether a LIMIT or OFFSET cut the result
 */
record GeneratedQuery(QueryNode query, RowOrder order) {
    GeneratedQuery {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(order, "order");
    }

    /** A query and the order its own ORDER BY/LIMIT fix. */
    static GeneratedQuery of(QueryNode query) {
        QueryNode.Tail tail = QueryNode.tailOf(query);
        List<QueryNode.OutputColumn> columns = query.columns();
        List<RowOrder.Key> keys = new ArrayList<>();
        for (QueryNode.OrderKey key : tail.orderBy()) {
            int index = -1;
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).name().equals(key.column())) {
                    index = c;
                }
            }
            if (index < 0) {
                throw new IllegalArgumentException("ORDER BY " + key.column() + " is not a result column");
            }
            RowOrder.NullPlacement nulls = key.nullsFirst() ? RowOrder.NullPlacement.FIRST : RowOrder.NullPlacement.LAST;
            keys.add(new RowOrder.Key(index, key.descending(), nulls));
        }
        // Either clause counts as cutting both ends: conservative where only one is present.
        boolean cut = tail.limit().isPresent() || tail.offset().isPresent();
        return new GeneratedQuery(query, new RowOrder(keys, cut, cut));
    }

    String sql(Dialect dialect) {
        return query.sql(dialect);
    }
}
