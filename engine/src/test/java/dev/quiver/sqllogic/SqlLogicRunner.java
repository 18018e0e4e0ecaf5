package dev.quiver.sqllogic;

import dev.quiver.Database;
import dev.quiver.DatabaseOptions;
import dev.quiver.Quiver;
import dev.quiver.Result;
import dev.quiver.Row;
import dev.quiver.Session;
import dev.quiver.TestAccess;
import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.sqllogic.SqlLogicRecord.SortMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the records of one sqllogictest file, in order, against a fresh in-memory database with one
 * session in {@code verify} mode. After every record no query memory may remain allocated (only
 * table storage); {@link #finish()} drops every table, requires zero allocated bytes and closes the
 * database (which fails on any leak).
 */
public final class SqlLogicRunner implements AutoCloseable {
    /** Worker threads of each file's database: two, so parallel paths run even on one core. */
    public static final int THREADS = 2;
    /** Relative tolerance for values of type letter R. */
    public static final double REAL_TOLERANCE = 1e-9;

    /** {@code statement error [42601] fragment}: the SQLSTATE must match too. */
    private static final Pattern WITH_STATE = Pattern.compile("^\\[([0-9A-Z]{5})\\]\\s*(.*)$", Pattern.DOTALL);

    private final String file;
    private Database db;
    private Session session;
    private int hashThreshold = 0;
    private final Map<String, String> labels = new HashMap<>();
    private boolean finished;

    public SqlLogicRunner(String file) {
        this.file = file;
    }

    private Session session() {
        if (session == null) {
            db = Quiver.openInMemory(DatabaseOptions.defaults().withThreads(THREADS));
            session = db.connect();
            session.set("execution_mode", "verify");
        }
        return session;
    }

    /** Runs one record; throws {@link AssertionError} describing the difference on failure. */
    public void run(SqlLogicRecord record) {
        if (record instanceof SqlLogicRecord.HashThreshold h) {
            hashThreshold = h.threshold();
            return;
        }
        Session s = session();
        Throwable failure = null;
        try {
            if (record instanceof SqlLogicRecord.Statement st) {
                statement(s, st);
            } else {
                query(s, (SqlLogicRecord.Query) record);
            }
        } catch (AssertionError e) {
            failure = e;
            throw e;
        } catch (RuntimeException e) {
            // Not a QuiverException: the engine let an internal exception escape.
            failure = new AssertionError(where(record) + ": unexpected " + e + "\nSQL: " + sqlOf(record), e);
            throw (AssertionError) failure;
        } finally {
            long queryBytes = db.allocatedBytes() - s.bufferAllocator().getAllocatedMemory();
            if (queryBytes != 0) {
                AssertionError leak = new AssertionError(where(record) + ": " + queryBytes
                        + " bytes of query memory still allocated after the record (a leak)\nSQL: " + sqlOf(record));
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
                throw new AssertionError(where(st) + ": statement failed\nSQL: " + st.sql() + "\nerror [" + e.sqlState() + "]: "
                        + e.getMessage(), e);
            }
        }
        try (Result r = s.execute(st.sql())) {
            throw new AssertionError(where(st) + ": statement succeeded but an error was expected"
                    + st.errorFragment().map(f -> " containing \"" + f + "\"").orElse("") + "\nSQL: " + st.sql()
                    + (r.hasRows() ? "\nit returned " + r.rowCount() + " rows" : "\nstatus: " + r.status()));
        } catch (QuiverException e) {
            if (SqlState.INTERNAL_ERROR.equals(e.sqlState())) {
                throw new AssertionError(where(st) + ": an internal error is never the right answer to bad input\nSQL: "
                        + st.sql() + "\nerror [" + e.sqlState() + "]: " + e.getMessage(), e);
            }
            if (st.errorFragment().isPresent()) {
                String fragment = st.errorFragment().get();
                Matcher m = WITH_STATE.matcher(fragment);
                if (m.matches()) {
                    if (!m.group(1).equals(e.sqlState())) {
                        throw new AssertionError(where(st) + ": wrong SQLSTATE: expected " + m.group(1) + ", actual "
                                + e.sqlState() + "\nSQL: " + st.sql() + "\nerror: " + e.getMessage(), e);
                    }
                    fragment = m.group(2);
                }
                if (!e.getMessage().contains(fragment) && !fragment.equals(e.sqlState())) {
                    throw new AssertionError(where(st) + ": error message does not contain the expected text\nSQL: " + st.sql()
                            + "\nexpected fragment: " + fragment + "\nactual [" + e.sqlState() + "]: " + e.getMessage(), e);
                }
            }
        }
    }

    private void query(Session s, SqlLogicRecord.Query q) {
        List<List<String>> rows = new ArrayList<>();
        try (Result r = s.execute(q.sql())) {
            if (!r.hasRows()) {
                throw new AssertionError(where(q) + ": query returned no result set (status " + r.status() + ")\nSQL: " + q.sql());
            }
            int columns = r.columnTypes().size();
            if (columns != q.columns()) {
                throw new AssertionError(where(q) + ": query returned " + columns + " columns " + r.columnTypes()
                        + " but the header has " + q.columns() + " type letters (" + q.types() + ")\nSQL: " + q.sql());
            }
            for (Row row : r.rows()) {
                List<String> values = new ArrayList<>(columns);
                for (int c = 0; c < columns; c++) {
                    values.add(ValueRenderer.render(row.get(c)));
                }
                rows.add(values);
            }
        } catch (QuiverException e) {
            throw new AssertionError(where(q) + ": query failed\nSQL: " + q.sql() + "\nerror [" + e.sqlState() + "]: "
                    + e.getMessage(), e);
        }
        List<String> actual = sorted(rows, q.sort());
        String actualHash = md5(actual);
        if (q.values().isPresent()) {
            List<String> expected = q.values().get();
            List<List<String>> expectedRows = new ArrayList<>();
            for (int i = 0; i + q.columns() <= expected.size(); i += q.columns()) {
                expectedRows.add(expected.subList(i, i + q.columns()));
            }
            List<String> expectedSorted = sorted(expectedRows, q.sort());
            if (!same(expectedSorted, actual, q.types())) {
                throw new AssertionError(where(q) + ": wrong result\nSQL: " + q.sql() + "\n" + describe("expected", expectedSorted, q)
                        + describe("actual", actual, q) + firstDifference(expectedSorted, actual, q));
            }
        } else if (actual.size() != q.hashedCount() || !actualHash.equals(q.hash().get())) {
            throw new AssertionError(where(q) + ": wrong result\nSQL: " + q.sql() + "\nexpected: " + q.hashedCount()
                    + " values hashing to " + q.hash().get() + "\nactual:   " + actual.size() + " values hashing to " + actualHash
                    + "\n" + describe("actual", actual, q));
        }
        if (q.label().isPresent()) {
            String previous = labels.putIfAbsent(q.label().get(), actualHash);
            if (previous != null && !previous.equals(actualHash)) {
                throw new AssertionError(where(q) + ": result differs from the earlier query labelled \"" + q.label().get()
                        + "\"\nSQL: " + q.sql() + "\n" + describe("actual", actual, q));
            }
        }
    }

    /** Flattens rows into values in sqllogictest order: as returned, rows sorted, or all values sorted. */
    static List<String> sorted(List<List<String>> rows, SortMode mode) {
        List<List<String>> copy = new ArrayList<>(rows);
        if (mode == SortMode.ROWSORT) {
            copy.sort(ROW_ORDER);
        }
        List<String> values = new ArrayList<>();
        copy.forEach(values::addAll);
        if (mode == SortMode.VALUESORT) {
            values.sort(Comparator.naturalOrder());
        }
        return values;
    }

    private static final Comparator<List<String>> ROW_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    /** MD5 of the values, each followed by a newline, as sqllogictest computes it. */
    static String md5(List<String> values) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            for (String v : values) {
                md.update(v.getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean same(List<String> expected, List<String> actual, String types) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!sameValue(expected.get(i), actual.get(i), types.charAt(i % types.length()))) {
                return false;
            }
        }
        return true;
    }

    static boolean sameValue(String expected, String actual, char type) {
        if (expected.equals(actual)) {
            return true;
        }
        if (type != 'R') {
            return false;
        }
        try {
            double e = Double.parseDouble(expected);
            double a = Double.parseDouble(actual);
            if (Double.compare(e, a) == 0) {
                return true;
            }
            return Math.abs(e - a) <= REAL_TOLERANCE * Math.max(Math.abs(e), Math.abs(a));
        } catch (NumberFormatException ex) {
            return false;
        }
    }

    private String describe(String what, List<String> values, SqlLogicRecord.Query q) {
        int columns = q.columns();
        StringBuilder s = new StringBuilder(what).append(" (").append(values.size() / Math.max(1, columns)).append(" rows)");
        if (hashThreshold > 0 && values.size() > hashThreshold) {
            return s.append(": ").append(values.size()).append(" values hashing to ").append(md5(values)).append('\n').toString();
        }
        s.append(":\n");
        int shown = Math.min(values.size(), 200 * columns);
        for (int i = 0; i < shown; i += columns) {
            s.append("  ").append(String.join("\t", values.subList(i, Math.min(values.size(), i + columns)))).append('\n');
        }
        if (shown < values.size()) {
            s.append("  ... ").append((values.size() - shown) / columns).append(" more rows\n");
        }
        return s.toString();
    }

    private static String firstDifference(List<String> expected, List<String> actual, SqlLogicRecord.Query q) {
        int columns = q.columns();
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!sameValue(expected.get(i), actual.get(i), q.types().charAt(i % columns))) {
                return "first difference: row " + (i / columns + 1) + ", column " + (i % columns + 1) + ": expected "
                        + expected.get(i) + ", actual " + actual.get(i);
            }
        }
        return "row counts differ: expected " + expected.size() / columns + ", actual " + actual.size() / columns;
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
     * Ends the file: drops every table (which must free all storage), requires that the database
     * holds zero bytes, and closes it (Arrow's allocator fails on any leak). Returns the bytes held
     * just before closing (always 0 when this returns normally).
     */
    public long finish() {
        finished = true;
        if (db == null) {
            return 0;
        }
        try {
            Set<String> failed = new HashSet<>();
            for (String view : TestAccess.viewNames(db)) {
                try (Result r = session.execute("DROP VIEW \"" + view.replace("\"", "\"\"") + "\"")) {
                    // dropped
                } catch (QuiverException e) {
                    failed.add(view + ": " + e.getMessage());
                }
            }
            for (String table : TestAccess.tableNames(db)) {
                try (Result r = session.execute("DROP TABLE \"" + table.replace("\"", "\"\"") + "\"")) {
                    // dropped
                } catch (QuiverException e) {
                    failed.add(table + ": " + e.getMessage());
                }
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

    @Override
    public void close() {
        if (!finished && db != null) {
            Database d = db;
            db = null;
            d.close();
        }
    }
}
