package dev.quiver;

import java.util.Collection;

/** Test-only access to package-private parts of the engine (the catalog's table names). */
public final class TestAccess {
    private TestAccess() {
    }

    /** Names of the tables the database currently holds. */
    public static Collection<String> tableNames(Database db) {
        return db.catalog().tableNames();
    }
}
