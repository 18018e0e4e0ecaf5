package dev.quiver;

import java.util.Collection;

/** Test-only access to package-private parts of the engine (the catalog's table and view names). */
public final class TestAccess {
    private TestAccess() {
    }

    /** Names of the tables the database currently holds (not views). */
    public static Collection<String> tableNames(Database db) {
        return db.catalog().storedTableNames();
    }

    /** Names of the views the database currently holds. */
    public static Collection<String> viewNames(Database db) {
        return db.catalog().viewNames();
    }
}
