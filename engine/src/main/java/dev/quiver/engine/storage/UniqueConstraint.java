package dev.quiver.engine.storage;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A set of columns whose values no two rows of a table may share: a unique index, a PRIMARY KEY or
 * a UNIQUE constraint. Rows with NULL in any of the columns never conflict (as in PostgreSQL).
 *
 * @param name the index or constraint name errors report
 * @param ordinals the key columns, as ordinals of the table's columns, in key order
 */
public record UniqueConstraint(String name, List<Integer> ordinals) {
    public UniqueConstraint {
        requireNonNull(name, "name");
        ordinals = List.copyOf(ordinals);
        if (ordinals.isEmpty()) {
            throw new IllegalArgumentException("unique constraint without columns");
        }
    }
}
