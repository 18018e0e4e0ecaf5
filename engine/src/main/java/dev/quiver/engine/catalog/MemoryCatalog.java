package dev.quiver.engine.catalog;

import dev.quiver.engine.storage.Table;
import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.planner.catalog.Catalog;
import dev.quiver.planner.catalog.TableHandle;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The tables of an in-memory database, by name. Safe for concurrent sessions. */
public final class MemoryCatalog implements Catalog {
    private final ConcurrentMap<String, Table> tables = new ConcurrentHashMap<>();

    @Override
    public Optional<TableHandle> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    public Optional<Table> storedTable(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    @Override
    public Collection<String> tableNames() {
        return List.copyOf(tables.keySet());
    }

    /** Adds a table; false if one with that name exists and {@code ifNotExists} allows skipping. */
    public boolean create(Table table, boolean ifNotExists, int position) {
        Table existing = tables.putIfAbsent(table.name(), table);
        if (existing == null) {
            return true;
        }
        if (ifNotExists) {
            return false;
        }
        throw new QuiverException(SqlState.DUPLICATE_TABLE, "relation \"" + table.name() + "\" already exists")
                .attachPosition(position);
    }

    /** Removes a table; false if absent and {@code ifExists} allows it. */
    public boolean drop(String name, boolean ifExists, int position) {
        Table removed = tables.remove(name);
        if (removed == null) {
            if (ifExists) {
                return false;
            }
            throw new QuiverException(SqlState.UNDEFINED_TABLE, "table \"" + name + "\" does not exist").attachPosition(position);
        }
        removed.drop();
        return true;
    }

    /** Drops every table (database close). */
    public void clear() {
        tables.values().forEach(Table::drop);
        tables.clear();
    }
}
