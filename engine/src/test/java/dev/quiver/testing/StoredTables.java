package dev.quiver.testing;

import dev.quiver.Database;
import dev.quiver.engine.catalog.MemoryCatalog;
import dev.quiver.engine.storage.Table;
import java.lang.reflect.Method;

/** Tests' access to a database's stored tables (the catalog is package-private in {@code dev.quiver}). */
public final class StoredTables {
    private StoredTables() {
    }

    /** The stored table behind a name; fails the test if there is none. */
    public static Table table(Database db, String name) {
        try {
            Method catalog = Database.class.getDeclaredMethod("catalog");
            catalog.setAccessible(true);
            return ((MemoryCatalog) catalog.invoke(db)).storedTable(name).orElseThrow(() -> new AssertionError("no table " + name));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
