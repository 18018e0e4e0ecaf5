package dev.quiver.planner.expr;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.type.DataType;

/**
 * A reference to a column produced somewhere in the plan, by its query-unique {@code id}. The name
 * is for display only (EXPLAIN, result headers); identity is the id.
 */
public record ColumnRef(int id, String name, DataType type) implements Expr {
    public ColumnRef {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnRef other && other.id == id;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(id);
    }

    @Override
    public String toString() {
        return name + "#" + id;
    }
}
