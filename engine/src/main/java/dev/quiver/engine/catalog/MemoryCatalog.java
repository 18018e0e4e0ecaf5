package dev.quiver.engine.catalog;

import dev.quiver.engine.storage.Table;
import dev.quiver.engine.storage.UniqueConstraint;
import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.planner.catalog.Catalog;
import dev.quiver.planner.catalog.TableHandle;
import dev.quiver.planner.catalog.ViewDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tables, views and indexes of an in-memory database, by name (one namespace for all three, as
 * in PostgreSQL). Safe for concurrent sessions: lookups never lock; creating and dropping are
 * serialized so a name is never taken twice. Dropping a table drops its indexes. Every change of
 * what a name means moves the catalog's {@link #version()} on.
 */
public final class MemoryCatalog implements Catalog {
    private final ConcurrentMap<String, Table> tables = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ViewDefinition> views = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, IndexDefinition> indexes = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();

    /**
     * A number that changes whenever a table, view or index is created or dropped (so whenever a
     * statement could bind differently) and when statistics are analyzed or injected; data changes
     * leave it alone.
     */
    public long version() {
        return version.get();
    }

    /** Moves {@link #version()} on without a change of names: statistics changed, so kept plans should be made again. */
    public void statisticsChanged() {
        version.incrementAndGet();
    }

    @Override
    public Optional<TableHandle> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    @Override
    public Optional<ViewDefinition> view(String name) {
        return Optional.ofNullable(views.get(name));
    }

    public Optional<Table> storedTable(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    @Override
    public Collection<String> tableNames() {
        List<String> names = new ArrayList<>(tables.keySet());
        names.addAll(views.keySet());
        return names;
    }

    /** Names of the stored tables (not views). */
    public Collection<String> storedTableNames() {
        return List.copyOf(tables.keySet());
    }

    /** Names of the views. */
    public Collection<String> viewNames() {
        return List.copyOf(views.keySet());
    }

    public Optional<IndexDefinition> index(String name) {
        return Optional.ofNullable(indexes.get(name));
    }

    /** Names of the indexes. */
    public Collection<String> indexNames() {
        return List.copyOf(indexes.keySet());
    }

    private boolean taken(String name) {
        return tables.containsKey(name) || views.containsKey(name) || indexes.containsKey(name);
    }

    /** Refuses to drop an index with DROP TABLE or DROP VIEW. */
    private void requireNotIndex(String name, String kind, int position) {
        if (indexes.containsKey(name)) {
            throw new QuiverException(SqlState.WRONG_OBJECT_TYPE, "\"" + name + "\" is not a " + kind + "; use DROP INDEX")
                    .attachPosition(position);
        }
    }

    /**
     * Adds an index on {@code table}, which must still be the catalog's table of that name; a unique
     * index first checks the table's rows (a 23505 error if two share a key) and is then enforced by
     * the table. False if the name is taken and {@code ifNotExists} allows skipping.
     */
    public synchronized boolean createIndex(IndexDefinition index, Table table, boolean ifNotExists, int position) {
        if (taken(index.name())) {
            if (ifNotExists) {
                return false;
            }
            throw new QuiverException(SqlState.DUPLICATE_TABLE, "relation \"" + index.name() + "\" already exists")
                    .attachPosition(position);
        }
        if (tables.get(index.table()) != table) {
            throw new QuiverException(SqlState.UNDEFINED_TABLE, "relation \"" + index.table() + "\" does not exist");
        }
        if (index.unique()) {
            table.addUniqueConstraint(new UniqueConstraint(index.name(), index.ordinals()));
        }
        indexes.put(index.name(), index);
        version.incrementAndGet();
        return true;
    }

    /** Removes an index; false if absent and {@code ifExists} allows it. */
    public synchronized boolean dropIndex(String name, boolean ifExists, int position) {
        if (tables.containsKey(name) || views.containsKey(name)) {
            String kind = tables.containsKey(name) ? "TABLE" : "VIEW";
            throw new QuiverException(SqlState.WRONG_OBJECT_TYPE, "\"" + name + "\" is not an index; use DROP " + kind)
                    .attachPosition(position);
        }
        IndexDefinition removed = indexes.remove(name);
        if (removed == null) {
            if (ifExists) {
                return false;
            }
            throw new QuiverException(SqlState.UNDEFINED_OBJECT, "index \"" + name + "\" does not exist").attachPosition(position);
        }
        if (removed.unique()) {
            tables.get(removed.table()).removeUniqueConstraint(name);
        }
        version.incrementAndGet();
        return true;
    }

    /** Adds a table; false if one with that name exists and {@code ifNotExists} allows skipping. */
    public synchronized boolean create(Table table, boolean ifNotExists, int position) {
        if (!taken(table.name())) {
            tables.put(table.name(), table);
            version.incrementAndGet();
            return true;
        }
        if (ifNotExists) {
            return false;
        }
        throw new QuiverException(SqlState.DUPLICATE_TABLE, "relation \"" + table.name() + "\" already exists")
                .attachPosition(position);
    }

    /** Removes a table; false if absent and {@code ifExists} allows it. */
    public synchronized boolean drop(String name, boolean ifExists, int position) {
        if (views.containsKey(name)) {
            throw new QuiverException(SqlState.WRONG_OBJECT_TYPE, "\"" + name + "\" is not a table; use DROP VIEW")
                    .attachPosition(position);
        }
        requireNotIndex(name, "table", position);
        Table removed = tables.remove(name);
        if (removed == null) {
            if (ifExists) {
                return false;
            }
            throw new QuiverException(SqlState.UNDEFINED_TABLE, "table \"" + name + "\" does not exist").attachPosition(position);
        }
        indexes.values().removeIf(index -> index.table().equals(name));
        removed.drop();
        version.incrementAndGet();
        return true;
    }

    /** Adds a view, or replaces one of that name if {@code orReplace}. */
    public synchronized void createView(ViewDefinition view, boolean orReplace, int position) {
        if (tables.containsKey(view.name()) || indexes.containsKey(view.name())) {
            throw orReplace
                    ? new QuiverException(SqlState.WRONG_OBJECT_TYPE, "\"" + view.name() + "\" is not a view").attachPosition(position)
                    : new QuiverException(SqlState.DUPLICATE_TABLE, "relation \"" + view.name() + "\" already exists")
                            .attachPosition(position);
        }
        if (views.containsKey(view.name()) && !orReplace) {
            throw new QuiverException(SqlState.DUPLICATE_TABLE, "relation \"" + view.name() + "\" already exists; "
                    + "use CREATE OR REPLACE VIEW to change it").attachPosition(position);
        }
        views.put(view.name(), view);
        version.incrementAndGet();
    }

    /** Removes a view; false if absent and {@code ifExists} allows it. */
    public synchronized boolean dropView(String name, boolean ifExists, int position) {
        if (tables.containsKey(name)) {
            throw new QuiverException(SqlState.WRONG_OBJECT_TYPE, "\"" + name + "\" is not a view; use DROP TABLE")
                    .attachPosition(position);
        }
        requireNotIndex(name, "view", position);
        if (views.remove(name) == null) {
            if (ifExists) {
                return false;
            }
            throw new QuiverException(SqlState.UNDEFINED_TABLE, "view \"" + name + "\" does not exist").attachPosition(position);
        }
        version.incrementAndGet();
        return true;
    }

    /** Drops every table (database close). */
    public synchronized void clear() {
        tables.values().forEach(Table::drop);
        tables.clear();
        views.clear();
        indexes.clear();
        version.incrementAndGet();
    }
}
