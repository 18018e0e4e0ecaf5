package dev.quiver.sqllogic;

/**
 * The conventions a sqllogictest file follows. One parser and one runner serve both; only what
 * this enum decides differs.
 *
 * <ul>
 *   <li>{@link #QUIVER}: Quiver's own files under {@code sql/}. Expected results are rows (values
 *       separated by tabs, or by spaces when no value holds one) or one value per line; values are
 *       Quiver's (PostgreSQL's) text forms whatever the type letter; type letter R compares within a
 *       relative {@link SqlLogicResults#REAL_TOLERANCE}.
 *   <li>{@link #SQLITE}: the public SQLite corpus ({@code net.hydromatic:sql-logic-test}). Exactly
 *       one value per line; each value rendered by its column's type letter ({@link SqliteValues})
 *       and compared as text, exactly, as SQLite's own runner does.
 * </ul>
 *
 * Both use {@code NULL}, {@code (empty)}, {@code nosort}/{@code rowsort}/{@code valuesort} on the
 * rendered text, MD5 hashes of the rendered values, labels, {@code hash-threshold} and
 * {@code skipif}/{@code onlyif} with the names in {@link SqlLogicParser#IDENTITIES}.
 */
public enum SqlLogicDialect {
    QUIVER,
    SQLITE;

    /** The text a result value is compared as, for a column of type letter {@code type} (I, T or R). */
    public String render(Object value, char type) {
        return this == QUIVER ? ValueRenderer.render(value) : SqliteValues.render(value, type);
    }

    /** Whether an actual rendered value matches the expected one. */
    public boolean sameValue(String expected, String actual, char type) {
        if (expected.equals(actual)) {
            return true;
        }
        return this == QUIVER && type == 'R' && SqlLogicResults.withinTolerance(expected, actual);
    }

    /** Whether an expected line may hold a whole row (several values); if not, every line is one value. */
    boolean rowsPerLine() {
        return this == QUIVER;
    }
}
