package dev.quiver.engine.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An index recorded in the catalog: its name (unique among the database's tables, views and
 * indexes), its table and key columns, and whether it is UNIQUE. Queries do not use indexes; a
 * unique index is enforced by its table (see {@link dev.quiver.engine.storage.UniqueConstraint}).
 */
public record IndexDefinition(String name, String table, List<Key> keys, boolean unique) {
    /** A key column: its name, its ordinal in the table, and its order. */
    public record Key(String column, int ordinal, boolean descending) {
        public Key {
            requireNonNull(column, "column");
        }
    }

    public IndexDefinition {
        requireNonNull(name, "name");
        requireNonNull(table, "table");
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("index without columns");
        }
    }

    /** The key column ordinals, in key order. */
    public List<Integer> ordinals() {
        return keys.stream().map(Key::ordinal).toList();
    }
}
