package dev.quiver.exec.expr;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.planner.expr.ColumnRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where each plan column sits in a batch: the order of an operator's input columns. */
public final class Layout {
    private final List<ColumnRef> columns;
    private final Map<Integer, Integer> index = new HashMap<>();

    public Layout(List<ColumnRef> columns) {
        this.columns = List.copyOf(columns);
        for (int i = 0; i < this.columns.size(); i++) {
            index.putIfAbsent(this.columns.get(i).id(), i);
        }
    }

    public List<ColumnRef> columns() {
        return columns;
    }

    public int size() {
        return columns.size();
    }

    public int indexOf(ColumnRef column) {
        Integer i = index.get(column.id());
        if (i == null) {
            throw new QuiverException(SqlState.INTERNAL_ERROR, "column " + column + " is not produced by the input " + columns);
        }
        return i;
    }
}
