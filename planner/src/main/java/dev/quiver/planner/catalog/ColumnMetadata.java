package dev.quiver.planner.catalog;

import static java.util.Objects.requireNonNull;

import dev.quiver.planner.type.DataType;

/** A stored column: its name, type and whether it may hold NULL. */
public record ColumnMetadata(String name, DataType type, boolean nullable) {
    public ColumnMetadata {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
    }
}
