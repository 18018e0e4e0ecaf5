package dev.quiver.sqllogic;

import static java.util.Objects.requireNonNull;

import dev.quiver.Database;
import dev.quiver.DatabaseOptions;
import dev.quiver.Quiver;
import dev.quiver.Result;
import dev.quiver.Row;
import dev.quiver.Session;
import dev.quiver.TestAccess;
import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the records of one sqllogictest file, in order, against a fresh in-memory database with one
 * session in the options' execution mode ({@code verify} by default). After every record no query
 * memory may remain allocated (only table storage); {@link #finish()} drops every table, requires
 * zero allocated bytes and closes the database (which fails on any leak). A failing record throws
 * {@link SqlLogicFailure}. Not thread-safe: one thread runs a file.
 */
public final class SqlLogicRunner implements AutoCloseable {
    /** {@code statement error [42601] fragment}: the SQLSTATE must match too. */
    private static final Pattern WITH_STATE = Pattern.compile("^\\[([0-9A-Z]{5})\\]\\s*(.*)$", Pattern.DOTALL);

    /** Cancels records that run past the options' time limit; one daemon thread for every runner. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sqllogic-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final String file;
    private final SqlLogicOptions options;
    private Database db;
    private Session session;
    private int hashThreshold = 0;
    private final Map<String, String> labels = new HashMap<>();
    private boolean finished;

    /** A runner of one of Quiver's own files ({@link SqlLogicOptions#suite()}). */
    public SqlLogicRunner(String file) {
        this(file, SqlLogicOptions.suite());
    }

    public SqlLogicRunner(String file, SqlLogicOptions options) {
        this.file = requireNonNull(file, "file");
        this.options = requireNonNull(options, "options");
    }

    private Session session() {
        if (session == null) {
            db = Quiver.openInMemory(DatabaseOptions.defaults().withThreads(options.workerThreads()));
            session = db.connect();
            session.set("execution_mode", options.mode().name().toLowerCase(Locale.ROOT));
        }
        return session;
    }

    /** Runs one record; throws {@link SqlLogicFailure} describing the difference on failure. */
    public void run(SqlLogicRecord record) {
        if (record instanceof SqlLogicRecord.HashThreshold h) {
            hashThreshold = h.threshold();
            return;
        }
        Session s = session();
        ScheduledFuture<?> timer = options.recordTimeout().isZero() ? null
                : WATCHDOG.schedule(s::cancel, options.recordTimeout().toNanos(), TimeUnit.NANOSECONDS);
        SqlLogicFailure failure = null;
        try {
            if (record instanceof SqlLogicRecord.Statement st) {
                statement(s, st);
            } else {
                query(s, (SqlLogicRecord.Query) record);
            }
        } catch (SqlLogicFailure e) {
            failure = e;
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // Not a QuiverException: the engine let an internal exception escape.
            failure = new SqlLogicFailure("unexpected " + e.getClass().getName() + ": " + SqlLogicFailure.firstLine(e.getMessage()),
                    where(record) + ": unexpected " + e + "\nSQL: " + sqlOf(record), e);
            throw failure;
        } finally {
            if (timer != null) {
                timer.cancel(false);
            }
            long queryBytes = db.allocatedBytes() - s.bufferAllocator().getAllocatedMemory();
            if (queryBytes != 0) {
                SqlLogicFailure leak = new SqlLogicFailure("query memory still allocated after the record", where(record) + ": "
                        + queryBytes + " bytes of query memory still allocated after the record (a leak)\nSQL: " + sqlOf(record));
                if (failure == null) {
                    throw leak;
                }
                failure.addSuppressed(leak);
            }
        }
    }

    private void statement(Session s, SqlLogicRecord.Statement st) {
        if (!st.expectError()) {
            try (Result r = s.execute(st.sql())) {
                return;
            } catch (QuiverException e) {
                throw engineFailure("statement failed", st, e);
            }
        }
        try (Result r = s.execute(st.sql())) {
            throw new SqlLogicFailure("statement succeeded but an error was expected", where(st)
                    + ": statement succeeded but an error was expected"
                    + st.errorFragment().map(f -> " containing \"" + f + "\"").orElse("") + "\nSQL: " + st.sql()
                    + (r.hasRows() ? "\nit returned " + r.rowCount() + " rows" : "\nstatus: " + r.status()));
        } catch (QuiverException e) {
            if (SqlState.INTERNAL_ERROR.equals(e.sqlState())) {
                throw engineFailure("internal error instead of an error for bad input", st, e);
            }
            if (st.errorFragment().isPresent()) {
                String fragment = st.errorFragment().get();
                Matcher m = WITH_STATE.matcher(fragment);
                if (m.matches()) {
                    if (!m.group(1).equals(e.sqlState())) {
                        throw new SqlLogicFailure("wrong SQLSTATE", where(st) + ": wrong SQLSTATE: expected " + m.group(1)
                                + ", actual " + e.sqlState() + "\nSQL: " + st.sql() + "\nerror: " + e.getMessage(), e);
                    }
                    fragment = m.group(2);
                }
                if (!e.getMessage().contains(fragment) && !fragment.equals(e.sqlState())) {
                    throw new SqlLogicFailure("error message does not contain the expected text", where(st)
                            + ": error message does not contain the expected text\nSQL: " + st.sql() + "\nexpected fragment: "
                            + fragment + "\nactual [" + e.sqlState() + "]: " + e.getMessage(), e);
                }
            }
        }
    }

    private void query(Session s, SqlLogicRecord.Query q) {
        List<List<String>> rows = new ArrayList<>();
        try (Result r = s.execute(q.sql())) {
            if (!r.hasRows()) {
                throw new SqlLogicFailure("query returned no result set", where(q) + ": query returned no result set (status "
                        + r.status() + ")\nSQL: " + q.sql());
            }
            int columns = r.columnTypes().size();
            if (columns != q.columns()) {
                throw new SqlLogicFailure("wrong number of columns", where(q) + ": query returned " + columns + " columns "
                        + r.columnTypes() + " but the header has " + q.columns() + " type letters (" + q.types() + ")\nSQL: "
                        + q.sql());
            }
            for (Row row : r.rows()) {
                List<String> values = new ArrayList<>(columns);
                for (int c = 0; c < columns; c++) {
                    values.add(options.dialect().render(row.get(c), q.types().charAt(c)));
                }
                rows.add(values);
            }
        } catch (QuiverException e) {
            throw engineFailure("query failed", q, e);
        }
        List<String> actual = SqlLogicResults.sorted(rows, q.sort());
        String actualHash = SqlLogicResults.md5(actual);
        if (q.values().isPresent()) {
            List<String> expected = SqlLogicResults.sorted(SqlLogicResults.rows(q.values().get(), q.columns()), q.sort());
            if (!SqlLogicResults.same(expected, actual, q.types(), options.dialect())) {
                throw new SqlLogicFailure("wrong result", where(q) + ": wrong result\nSQL: " + q.sql() + "\n"
                        + SqlLogicResults.describe("expected", expected, q.columns(), hashThreshold)
                        + SqlLogicResults.describe("actual", actual, q.columns(), hashThreshold)
                        + SqlLogicResults.firstDifference(expected, actual, q.types(), options.dialect()));
            }
        } else if (actual.size() != q.hashedCount() || !actualHash.equals(q.hash().get())) {
            throw new SqlLogicFailure("wrong result", where(q) + ": wrong result\nSQL: " + q.sql() + "\nexpected: "
                    + q.hashedCount() + " values hashing to " + q.hash().get() + "\nactual:   " + actual.size()
                    + " values hashing to " + actualHash + "\n" + SqlLogicResults.describe("actual", actual, q.columns(), 0));
        }
        if (q.label().isPresent()) {
            String previous = labels.putIfAbsent(q.label().get(), actualHash);
            if (previous != null && !previous.equals(actualHash)) {
                throw new SqlLogicFailure("result differs from an earlier query with the same label", where(q)
                        + ": result differs from the earlier query labelled \"" + q.label().get() + "\"\nSQL: " + q.sql() + "\n"
                        + SqlLogicResults.describe("actual", actual, q.columns(), hashThreshold));
            }
        }
    }

    private SqlLogicFailure engineFailure(String what, SqlLogicRecord r, QuiverException e) {
        return new SqlLogicFailure(what + ": [" + e.sqlState() + "] " + SqlLogicFailure.firstLine(e.getMessage()),
                where(r) + ": " + what + "\nSQL: " + sqlOf(r) + "\nerror [" + e.sqlState() + "]: " + e.getMessage(), e);
    }

    private String where(SqlLogicRecord r) {
        return file + ":" + r.line();
    }

    private static String sqlOf(SqlLogicRecord r) {
        if (r instanceof SqlLogicRecord.Statement s) {
            return s.sql();
        }
        if (r instanceof SqlLogicRecord.Query q) {
            return q.sql();
        }
        return "";
    }

    /**
     * Ends the file: drops every view and table (which must free all storage), requires that the
     * database holds zero bytes, and closes it (Arrow's allocator fails on any leak). Returns the
     * bytes held just before closing (always 0 when this returns normally).
     */
    public long finish() {
        finished = true;
        if (db == null) {
            return 0;
        }
        try {
            Set<String> failed = new HashSet<>();
            for (String view : TestAccess.viewNames(db)) {
                drop("VIEW", view, failed);
            }
            for (String table : TestAccess.tableNames(db)) {
                drop("TABLE", table, failed);
            }
            if (!failed.isEmpty()) {
                throw new AssertionError(file + ": could not drop tables and views at the end: " + failed);
            }
            long left = db.allocatedBytes();
            if (left != 0) {
                throw new AssertionError(file + ": " + left + " bytes of Arrow memory still allocated after dropping every table");
            }
            return left;
        } finally {
            Database d = db;
            db = null;
            session = null;
            d.close(); // throws QuiverException if the allocator still holds memory
        }
    }

    private void drop(String kind, String name, Set<String> failed) {
        try (Result r = session.execute("DROP " + kind + " \"" + name.replace("\"", "\"\"") + "\"")) {
            // dropped
        } catch (QuiverException e) {
            failed.add(name + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (!finished && db != null) {
            Database d = db;
            db = null;
            d.close();
        }
    }
}
