package dev.quiver.engine.storage;

import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.catalog.ColumnMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The unique constraints of one table, each enforced by its {@link UniqueKeys}. A write checks new
 * rows against all of them before it publishes anything, and records their keys after. Not
 * thread-safe: the table uses it only while it holds its write lock.
 */
final class UniqueConstraints {
    /** The result of checking new rows against every constraint, to be committed once they are published. */
    record Checked(List<UniqueKeys.Checked> perConstraint) {
    }

    private final String table;
    private final List<ColumnMetadata> columns;
    private final List<UniqueKeys> constraints = new ArrayList<>();

    UniqueConstraints(String table, List<ColumnMetadata> columns) {
        this.table = table;
        this.columns = List.copyOf(columns);
    }

    /**
     * Checks that rows {@code [0, rows)} of {@code values} can join the rows of {@code base} (empty
     * for a rewrite of the whole table) without repeating a key; a 23505 error if not.
     */
    Checked check(TableData base, ValueVector[] values, int rows) {
        List<UniqueKeys.Checked> checked = new ArrayList<>();
        for (UniqueKeys keys : constraints) {
            checked.add(keys.check(base, values, rows, UniqueKeys.Purpose.WRITE));
        }
        return new Checked(checked);
    }

    /** Records the checked rows' keys: {@code published} holds them now. */
    void commit(TableData published, Checked checked) {
        for (int i = 0; i < constraints.size(); i++) {
            constraints.get(i).commit(published, checked.perConstraint().get(i));
        }
    }

    /** {@code replacement} holds the same rows as {@code replaced} (only its statistics differ): keep the indexed keys. */
    void sameRows(TableData replaced, TableData replacement) {
        constraints.forEach(k -> k.sameRows(replaced, replacement));
    }

    /** Adds a constraint that {@code current} (retained by the caller) must already satisfy. */
    void add(UniqueConstraint constraint, TableData current) {
        for (int ordinal : constraint.ordinals()) {
            Objects.checkIndex(ordinal, columns.size());
        }
        UniqueKeys keys = new UniqueKeys(constraint, table, columns);
        ValueVector[] values = new ValueVector[columns.size()];
        for (int ordinal : constraint.ordinals()) {
            values[ordinal] = current.readColumn(ordinal, columns.get(ordinal).type());
        }
        int rows = Math.toIntExact(current.rowCount());
        keys.commit(current, keys.check(TableData.EMPTY, values, rows, UniqueKeys.Purpose.CREATE));
        constraints.add(keys);
    }

    void remove(String name) {
        constraints.removeIf(k -> k.constraint().name().equals(name));
    }

    /** The constraints, in the order they were added. */
    List<UniqueConstraint> list() {
        return constraints.stream().map(UniqueKeys::constraint).toList();
    }
}
