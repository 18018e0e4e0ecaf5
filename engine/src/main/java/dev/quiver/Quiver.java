package dev.quiver;

/**
 * Entry point: open a database, then sessions on it.
 *
 * <pre>{@code
 * try (Database db = Quiver.openInMemory(); Session s = db.connect()) {
 *     s.execute("CREATE TABLE t (a INTEGER, b VARCHAR)");
 *     s.execute("INSERT INTO t VALUES (1, 'x'), (2, 'y')");
 *     try (Result r = s.execute("SELECT b, a * 10 FROM t ORDER BY a")) {
 *         for (Row row : r.rows()) {
 *             System.out.println(row.getString(0) + " " + row.getLong(1));
 *         }
 *     }
 * }
 * }</pre>
 */
public final class Quiver {
    private Quiver() {
    }

    /** A new, empty in-memory database with default options. */
    public static Database openInMemory() {
        return new Database(DatabaseOptions.defaults());
    }

    public static Database openInMemory(DatabaseOptions options) {
        return new Database(options);
    }
}
