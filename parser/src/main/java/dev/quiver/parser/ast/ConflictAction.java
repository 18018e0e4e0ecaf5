package dev.quiver.parser.ast;

/**
 * What an INSERT does with a new row whose key a PRIMARY KEY, UNIQUE constraint or unique index of
 * the table already holds (SQLite's conflict clause; NULL keys never conflict).
 */
public enum ConflictAction {
    /** {@code INSERT}: the statement fails with a unique violation (23505) and changes nothing. */
    ERROR,
    /** {@code INSERT OR REPLACE} and {@code REPLACE INTO}: the rows that hold the key are deleted, then the row is inserted. */
    REPLACE,
    /** {@code INSERT OR IGNORE}: the row is skipped. */
    IGNORE
}
