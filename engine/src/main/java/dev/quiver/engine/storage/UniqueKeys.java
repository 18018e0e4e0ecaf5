package dev.quiver.engine.storage;

import static java.util.Objects.requireNonNull;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.exec.expr.ValueText;
import dev.quiver.exec.vector.ArrowColumns;
import dev.quiver.exec.vector.ValueComparisons;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.catalog.ColumnMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * Enforces one {@link UniqueConstraint} of a table. It keeps the 64-bit hashes of the keys of the
 * rows it last saw ({@link #indexed}); a new key whose hash is not among them is new, and one whose
 * hash is there is compared with the stored rows, so a hash collision never rejects a row. After a
 * change it did not see (a DELETE), the hashes are rebuilt from the rows on the next check.
 *
 * <p>Not thread-safe: the table uses it only while it holds its write lock.
 */
final class UniqueKeys {
    /** What a duplicate means: a write that would break the constraint, or an index that cannot be created. */
    enum Purpose { WRITE, CREATE }

    /** Keys of new rows that passed the check against {@code base}, to be added once they are published. */
    record Checked(TableData base, long[] hashes, boolean[] hasNull) {
    }

    private final UniqueConstraint constraint;
    private final String table;
    private final List<ColumnMetadata> columns;
    /** The rows {@link #hashes} describes; null before the first check. */
    private TableData indexed;
    private LongHashSet hashes = new LongHashSet();

    UniqueKeys(UniqueConstraint constraint, String table, List<ColumnMetadata> columns) {
        this.constraint = requireNonNull(constraint, "constraint");
        this.table = requireNonNull(table, "table");
        this.columns = List.copyOf(columns);
    }

    UniqueConstraint constraint() {
        return constraint;
    }

    /**
     * Checks that rows {@code [0, rows)} of {@code values} (one vector per table column) repeat no
     * key of {@code base} and no key among themselves; throws a 23505 error naming the first
     * duplicate. The caller keeps {@code base}'s chunks alive while this reads them.
     */
    Checked check(TableData base, ValueVector[] values, int rows, Purpose purpose) {
        index(base);
        ValueVector[] keys = keyColumns(values);
        long[] batch = new long[rows];
        boolean[] hasNull = new boolean[rows];
        LongHashSet seen = new LongHashSet();
        for (int r = 0; r < rows; r++) {
            hasNull[r] = anyNull(keys, r);
            if (hasNull[r]) {
                continue;
            }
            long h = ValueComparisons.hashRow(keys, r);
            batch[r] = h;
            if (hashes.contains(h) && storedIn(base, keys, r, h)) {
                throw duplicate(keys, r, purpose);
            }
            if (!seen.add(h)) {
                for (int j = 0; j < r; j++) {
                    if (!hasNull[j] && batch[j] == h && ValueComparisons.rowsEqual(keys, j, keys, r)) {
                        throw duplicate(keys, r, purpose);
                    }
                }
            }
        }
        return new Checked(base, batch, hasNull);
    }

    /**
     * Records the keys of checked rows once the table holds them: {@code published} is the checked
     * base plus those rows.
     */
    void commit(TableData published, Checked checked) {
        if (indexed != checked.base()) {
            indexed = null; // another check ran in between: rebuild when next needed
            return;
        }
        for (int r = 0; r < checked.hashes().length; r++) {
            if (!checked.hasNull()[r]) {
                hashes.add(checked.hashes()[r]);
            }
        }
        indexed = published;
    }

    /** {@code replacement} holds the same rows as {@code replaced}: the keys indexed for one are the other's. */
    void sameRows(TableData replaced, TableData replacement) {
        if (indexed == replaced) {
            indexed = replacement;
        }
    }

    /** Makes {@link #hashes} describe {@code base}, whose keys are known to be unique. */
    private void index(TableData base) {
        if (indexed == base) {
            return;
        }
        hashes = new LongHashSet();
        forEachKey(base, (keys, r, h) -> hashes.add(h));
        indexed = base;
    }

    /** Whether a stored row of {@code base} with hash {@code h} has the key of row {@code r} of {@code keys}. */
    private boolean storedIn(TableData base, ValueVector[] keys, int r, long h) {
        boolean[] found = {false};
        forEachKey(base, (stored, s, hash) -> found[0] |= hash == h && ValueComparisons.rowsEqual(stored, s, keys, r));
        return found[0];
    }

    @FunctionalInterface
    private interface KeyVisitor {
        void visit(ValueVector[] keys, int row, long hash);
    }

    /** Calls {@code visitor} for each stored row of {@code data} whose key has no NULL. */
    private void forEachKey(TableData data, KeyVisitor visitor) {
        ValueVector[] keys = new ValueVector[constraint.ordinals().size()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = new ValueVector(columns.get(constraint.ordinals().get(k)).type(), TableData.CHUNK_ROWS);
        }
        for (Chunk chunk : data.chunks()) {
            int rows = chunk.rows();
            for (int k = 0; k < keys.length; k++) {
                int ordinal = constraint.ordinals().get(k);
                keys[k].ensureCapacity(rows);
                keys[k].resetArena();
                ArrowColumns.read(chunk.column(ordinal), columns.get(ordinal).type(), null, rows, keys[k], 0);
            }
            for (int r = 0; r < rows; r++) {
                if (!anyNull(keys, r)) {
                    visitor.visit(keys, r, ValueComparisons.hashRow(keys, r));
                }
            }
        }
    }

    private ValueVector[] keyColumns(ValueVector[] values) {
        ValueVector[] keys = new ValueVector[constraint.ordinals().size()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = values[constraint.ordinals().get(k)];
        }
        return keys;
    }

    private static boolean anyNull(ValueVector[] keys, int r) {
        for (ValueVector key : keys) {
            if (key.nulls[r]) {
                return true;
            }
        }
        return false;
    }

    /** PostgreSQL's message and detail in one: {@code Key (a, b)=(1, x) already exists}. */
    private QuiverException duplicate(ValueVector[] keys, int r, Purpose purpose) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int k = 0; k < keys.length; k++) {
            ColumnMetadata column = columns.get(constraint.ordinals().get(k));
            names.add(column.name());
            values.add(ValueText.of(keys[k].type, keys[k], r));
        }
        String key = "key (" + String.join(", ", names) + ")=(" + String.join(", ", values) + ")";
        return purpose == Purpose.CREATE
                ? new QuiverException(SqlState.UNIQUE_VIOLATION, "could not create unique index \"" + constraint.name()
                        + "\": " + key + " is duplicated")
                : new QuiverException(SqlState.UNIQUE_VIOLATION, "duplicate key value violates unique constraint \""
                        + constraint.name() + "\" of relation \"" + table + "\": " + key + " already exists");
    }
}
