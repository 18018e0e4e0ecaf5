package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quiver.Database;
import dev.quiver.DatabaseOptions;
import dev.quiver.Quiver;
import dev.quiver.Result;
import dev.quiver.Row;
import dev.quiver.Session;
import dev.quiver.TestAccess;
import dev.quiver.engine.storage.Table;
import dev.quiver.error.QuiverException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh database (two worker threads) and session per test, in {@code verify} mode unless a
 * test says otherwise. After each test every table is dropped and the database must hold no Arrow
 * memory at all: a result, snapshot or batch left open is a test failure, not noise.
 */
abstract class ApiTestSupport {
    static final int THREADS = 2;

    Database db;
    Session session;

    @BeforeEach
    void openDatabase() {
        db = Quiver.openInMemory(DatabaseOptions.defaults().withThreads(THREADS));
        session = db.connect();
        session.set("execution_mode", "verify");
    }

    @AfterEach
    void closeDatabase() {
        try {
            if (!isClosed(db)) {
                Session cleanup = db.connect();
                for (String table : TestAccess.tableNames(db)) {
                    cleanup.execute("DROP TABLE " + table).close();
                }
                assertThat(db.allocatedBytes()).as("Arrow memory left after dropping every table").isZero();
            }
        } finally {
            db.close();
        }
    }

    private static boolean isClosed(Database db) {
        try {
            db.connect().close();
            return false;
        } catch (QuiverException e) {
            return true;
        }
    }

    /** Runs a statement and closes its result; returns its status. */
    String exec(String sql) {
        try (Result r = session.execute(sql)) {
            return r.status();
        }
    }

    /** Runs later statements in {@code mode}, every pipeline compiled however small (compile and verify modes). */
    void executionMode(String mode) {
        exec("SET execution_mode = '" + mode + "'");
        exec("SET compile_min_rows = 0");
    }

    /** The rows of a query as lists of Java values. */
    List<List<Object>> rows(String sql) {
        return rows(session, sql);
    }

    static List<List<Object>> rows(Session s, String sql) {
        try (Result r = s.execute(sql)) {
            List<List<Object>> out = new ArrayList<>();
            for (Row row : r.rows()) {
                out.add(new ArrayList<>(row.values()));
            }
            return out;
        }
    }

    /** The single value of a one-row, one-column query. */
    Object value(String sql) {
        List<List<Object>> rows = rows(sql);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).hasSize(1);
        return rows.get(0).get(0);
    }

    QuiverException error(String sql) {
        return assertThrows(QuiverException.class, () -> session.execute(sql).close(), sql);
    }

    /** Bytes held by table storage only (everything else belongs to queries and results). */
    long storageBytes() {
        return session.bufferAllocator().getAllocatedMemory();
    }

    /** The stored table behind a name (the catalog is package-private in dev.quiver). */
    Table table(String name) {
        return table(db, name);
    }

    static Table table(Database db, String name) {
        return dev.quiver.testing.StoredTables.table(db, name);
    }

    static List<Object> row(Object... values) {
        List<Object> row = new ArrayList<>();
        for (Object v : values) {
            row.add(v);
        }
        return row;
    }
}
