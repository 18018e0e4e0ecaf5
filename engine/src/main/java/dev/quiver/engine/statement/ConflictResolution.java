package dev.quiver.engine.statement;

import static java.util.Objects.requireNonNull;

import dev.quiver.engine.storage.Table;
import dev.quiver.engine.storage.UniqueConstraint;
import dev.quiver.exec.aggregate.GroupByHashTable;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.parser.ast.ConflictAction;
import dev.quiver.planner.catalog.ColumnMetadata;
import java.util.Arrays;
import java.util.List;

/**
 * {@code INSERT OR REPLACE} (also spelt {@code REPLACE INTO}) and {@code INSERT OR IGNORE}: SQLite's
 * resolution of conflicts on a table's unique keys (its PRIMARY KEY, UNIQUE constraints and unique
 * indexes), applied to the rows an INSERT produced. The new rows are taken in order, each as SQLite
 * inserts one:
 *
 * <ul>
 *   <li>REPLACE: every row that holds one of the new row's keys, whether stored or inserted earlier
 *       by the same statement, is deleted, then the new row is inserted. So of two new rows with one
 *       key the later wins, and a new row may delete several stored rows (one per key).</li>
 *   <li>IGNORE: a new row is skipped if a row stored or inserted earlier by the same statement holds
 *       one of its keys.</li>
 * </ul>
 *
 * A key with a NULL column never conflicts, as in UNIQUE. The new rows are first checked as any
 * write checks them (NOT NULL, VARCHAR lengths; a NULL primary key is a 23502 error, not a
 * conflict, as SQLite's REPLACE does without a column default), so keys are compared as stored. A
 * table without unique keys takes the rows as a plain INSERT does.
 *
 * <p>The statement is atomic as UPDATE and DELETE are: it holds the table's write lock
 * ({@link Table#whileWriting}) from reading the stored rows to publishing the result, which is an
 * append of the surviving new rows when no stored row goes, and otherwise a {@link Table#replace}
 * of all the table's rows by the survivors (so, like UPDATE, it then rewrites the whole table). The
 * table checks its unique constraints (23505) on either path, and a failure changes nothing.
 */
public final class ConflictResolution {
    /** Keys a fresh holder array has room for; it doubles as keys are added. */
    private static final int INITIAL_KEYS = 16;
    /** A key of a row with a NULL key column: it conflicts with nothing. */
    private static final int NO_KEY = -1;
    /** The holder of a key no row holds. */
    private static final int NO_ROW = -1;

    private ConflictResolution() {
    }

    /**
     * Inserts {@code rows} (one heap vector per table column, in table order, of the types INSERT
     * produces for the columns) into {@code table}, resolving conflicts by {@code action}, which is
     * REPLACE or IGNORE. Returns the number of rows inserted: for REPLACE every new row (as SQLite
     * counts them, although a later row of the statement may replace an earlier one), for IGNORE
     * the rows not skipped.
     */
    public static long insert(Table table, Table.Rows rows, ConflictAction action) {
        requireNonNull(table, "table");
        requireNonNull(rows, "rows");
        requireNonNull(action, "action");
        if (action == ConflictAction.ERROR) {
            throw new IllegalArgumentException("a plain INSERT appends its rows: Table.append");
        }
        return table.whileWriting(() -> {
            table.checkRows(rows.columns(), rows.count());
            List<UniqueConstraint> constraints = table.uniqueConstraints();
            if (constraints.isEmpty() || rows.count() == 0) {
                return table.append(rows.columns(), rows.count());
            }
            Table.Rows stored = table.currentRows();
            boolean[] alive = resolve(table.columns(), constraints, stored, rows, action);
            boolean storedRowsDeleted = false;
            int insertedCount = 0;
            for (int f = 0; f < alive.length; f++) {
                if (f < stored.count()) {
                    storedRowsDeleted |= !alive[f];
                } else if (alive[f]) {
                    insertedCount++;
                }
            }
            if (storedRowsDeleted) {
                Table.Rows all = survivors(alive, 0, List.of(stored, rows));
                table.replace(all.columns(), all.count());
            } else {
                Table.Rows inserted = survivors(alive, stored.count(), List.of(rows));
                table.append(inserted.columns(), inserted.count());
            }
            return (long) (action == ConflictAction.REPLACE ? rows.count() : insertedCount);
        });
    }

    /**
     * Which rows remain: flags {@code [0, m)} for the {@code m} stored rows, {@code [m, m + n)} for
     * the new rows, applying the new rows one after another.
     */
    private static boolean[] resolve(List<ColumnMetadata> columns, List<UniqueConstraint> constraints, Table.Rows stored,
            Table.Rows added, ConflictAction action) {
        int m = stored.count();
        boolean[] alive = new boolean[m + added.count()];
        Arrays.fill(alive, 0, m, true);
        List<KeyHolders> keys = constraints.stream().map(c -> new KeyHolders(c, columns)).toList();
        for (KeyHolders k : keys) {
            for (int s = 0; s < m; s++) {
                k.hold(k.key(stored.columns(), s), s);
            }
        }
        int[] rowKeys = new int[keys.size()];
        for (int r = 0; r < added.count(); r++) {
            boolean conflict = false;
            for (int i = 0; i < rowKeys.length; i++) {
                rowKeys[i] = keys.get(i).key(added.columns(), r);
                int holder = keys.get(i).holder(rowKeys[i]);
                if (holder != NO_ROW && alive[holder]) {
                    conflict = true;
                    if (action == ConflictAction.REPLACE) {
                        alive[holder] = false;
                    }
                }
            }
            if (conflict && action == ConflictAction.IGNORE) {
                continue;
            }
            for (int i = 0; i < rowKeys.length; i++) {
                keys.get(i).hold(rowKeys[i], m + r);
            }
            alive[m + r] = true;
        }
        return alive;
    }

    /**
     * The rows of {@code parts}, in order, whose flag is set: the flag of the first row of the first
     * part is {@code alive[firstFlag]}, and each part's flags follow those of the part before it.
     */
    private static Table.Rows survivors(boolean[] alive, int firstFlag, List<Table.Rows> parts) {
        int total = parts.stream().mapToInt(Table.Rows::count).sum();
        int kept = 0;
        for (int f = firstFlag; f < firstFlag + total; f++) {
            kept += alive[f] ? 1 : 0;
        }
        ValueVector[] first = parts.get(0).columns();
        ValueVector[] columns = new ValueVector[first.length];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = new ValueVector(first[c].type, kept);
        }
        int flag = firstFlag;
        int at = 0;
        for (Table.Rows part : parts) {
            for (int r = 0; r < part.count(); r++, flag++) {
                if (alive[flag]) {
                    for (int c = 0; c < columns.length; c++) {
                        columns[c].copyFrom(part.columns()[c], r, at);
                    }
                    at++;
                }
            }
        }
        return new Table.Rows(columns, at);
    }

    /**
     * The keys of one unique constraint, each with the row that holds it now: stored rows are
     * numbered {@code 0..m-1} and new rows {@code m + r}. A holder may have been deleted since (by a
     * REPLACE through another key); the caller checks that.
     */
    private static final class KeyHolders {
        private final List<Integer> ordinals;
        private final GroupByHashTable keys;
        /** The key columns of the rows being looked at, reused for every row. */
        private final ValueVector[] probe;
        /** By key id; {@link #NO_ROW} for a key no row holds. */
        private int[] holders = new int[INITIAL_KEYS];

        KeyHolders(UniqueConstraint constraint, List<ColumnMetadata> columns) {
            ordinals = constraint.ordinals();
            keys = new GroupByHashTable(ordinals.stream().map(o -> columns.get(o).type()).toList());
            probe = new ValueVector[ordinals.size()];
            Arrays.fill(holders, NO_ROW);
        }

        /** The id of the key of row {@code r} of {@code rows} (all table columns), or {@link #NO_KEY} if a key column is NULL. */
        int key(ValueVector[] rows, int r) {
            for (int k = 0; k < probe.length; k++) {
                probe[k] = rows[ordinals.get(k)];
                if (probe[k].nulls[r]) {
                    return NO_KEY;
                }
            }
            int id = keys.findOrInsert(probe, r, GroupByHashTable.hash(probe, r));
            if (id >= holders.length) {
                int old = holders.length;
                holders = Arrays.copyOf(holders, old * 2);
                Arrays.fill(holders, old, holders.length, NO_ROW);
            }
            return id;
        }

        int holder(int key) {
            return key == NO_KEY ? NO_ROW : holders[key];
        }

        void hold(int key, int row) {
            if (key != NO_KEY) {
                holders[key] = row;
            }
        }
    }
}
