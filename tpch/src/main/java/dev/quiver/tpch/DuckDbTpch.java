package dev.quiver.tpch;

import static java.util.Objects.requireNonNull;

import dev.quiver.Result;
import dev.quiver.Session;
import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * An in-process DuckDB database holding a copy of the TPC-H tables of a Quiver database: the
 * peer of {@code quiver tpch --compare duckdb} ({@link DuckDbComparison}) and the oracle of the
 * differential tests. The tables are created with the same DDL as in Quiver
 * ({@link TpchTableDefinition#createTableSql}: DECIMAL(15,2) stays DECIMAL(15,2), DATE stays DATE)
 * and filled through DuckDB's appender with typed values read straight from the Arrow batches
 * Quiver returns (unscaled decimals, epoch days, UTF-8 bytes), so the two engines hold the same
 * rows.
 *
 * <p>A table is read from Quiver in slices of about {@value #SLICE_ROWS} rows, ranges of its first
 * column (its key), so that only a few slices, never a whole table, are in memory besides the two
 * databases. The calling thread reads the slices; worker threads, each with its own connection to
 * the same DuckDB database (an appender belongs to one connection and one thread), append them
 * meanwhile, so a table's slices land in DuckDB in no fixed order.
 */
public final class DuckDbTpch implements AutoCloseable {
    /**
     * Rows per slice read from Quiver: at SF 10 lineitem makes 120 slices of about 85 MB of Arrow
     * data each, and at most five are in memory at a time with two workers. Every slice scans the
     * whole table (Quiver has no zone maps), but filtering SF 1's lineitem takes about 10 ms, while
     * materializing a slice takes about 0.3 µs a row and appending it to DuckDB about 1.5 µs.
     */
    static final long SLICE_ROWS = 500_000;
    /** Slices read ahead of the appenders, per worker: enough that a worker rarely waits for Quiver. */
    static final int SLICES_QUEUED_PER_WORKER = 1;
    /**
     * The catalog holding the tables: an in-memory database that DuckDB compresses as it would a
     * database file, so SF 1 takes about 0.3 GB instead of 1.1 GB (appending costs about half as
     * much again), and SF 10 fits next to Quiver's tables.
     */
    static final String CATALOG = "tpch";

    /**
     * Queries kept prepared, by text: more than the 22 TPC-H queries, few enough for a differential
     * run's thousands of queries to evict.
     */
    static final int MAX_PREPARED = 64;

    private final DuckDBConnection connection;
    /**
     * Each query's prepared statement, so that running it again executes the plan DuckDB made for it
     * (DuckDB plans anew only when the catalog changed), as a Quiver session reuses its plans.
     */
    private final Map<String, PreparedStatement> prepared = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= MAX_PREPARED) {
                return false;
            }
            closeQuietly(eldest.getValue());
            return true;
        }
    };
    private final Path tempDirectory;
    /** Deletes what DuckDB spilled when the JVM stops before {@link #close} (Ctrl-C in a long run): gigabytes at SF 10. */
    private final Thread deleteOnExit;

    private DuckDbTpch(DuckDBConnection connection, Path tempDirectory) {
        this.connection = connection;
        this.tempDirectory = tempDirectory;
        this.deleteOnExit = new Thread(() -> deleteQuietly(tempDirectory), "quiver-duckdb-cleanup");
        Runtime.getRuntime().addShutdownHook(deleteOnExit);
    }

    /** Opens an empty in-process database with DuckDB's defaults: as many threads as cores, 80% of RAM. */
    public static DuckDbTpch open() throws SQLException {
        return open(Optional.empty(), Optional.empty());
    }

    /**
     * Opens an empty in-process database using {@code threads} worker threads and at most
     * {@code memoryLimitBytes} of memory (tables included); where absent, DuckDB's defaults. What
     * DuckDB spills goes to a temporary directory that {@link #close} deletes.
     */
    public static DuckDbTpch open(Optional<Integer> threads, Optional<Long> memoryLimitBytes) throws SQLException {
        requireNonNull(threads, "threads");
        requireNonNull(memoryLimitBytes, "memoryLimitBytes");
        Path temp;
        try {
            temp = Files.createTempDirectory("quiver-duckdb-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for DuckDB", e);
        }
        DuckDBConnection c;
        try {
            c = DriverManager.getConnection("jdbc:duckdb:").unwrap(DuckDBConnection.class);
        } catch (SQLException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
        DuckDbTpch db = new DuckDbTpch(c, temp);
        try {
            db.execute("SET temp_directory = '" + temp.resolve("spill").toString().replace("'", "''") + "'");
            if (threads.isPresent()) {
                db.execute("SET threads = " + threads.get());
            }
            if (memoryLimitBytes.isPresent()) {
                db.execute("SET memory_limit = '" + memoryLimitBytes.get() + "B'");
            }
            db.execute("ATTACH ':memory:' AS " + CATALOG + " (COMPRESS)");
            db.execute("USE " + CATALOG);
        } catch (SQLException | RuntimeException e) {
            try {
                db.close();
            } catch (SQLException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return db;
    }

    /** DuckDB's version, e.g. {@code v2.0.0}. */
    public String version() throws SQLException {
        return run(List.of("SELECT version()"), rs -> {
            rs.next();
            return rs.getString(1);
        });
    }

    /**
     * Creates every TPC-H table and copies its rows from {@code quiver} using {@code threads}
     * appending threads; returns the rows copied per table, in {@link TpchTables#ALL} order.
     */
    public Map<String, Long> copyFrom(Session quiver, int threads) throws SQLException {
        return copyFrom(quiver, threads, SLICE_ROWS);
    }

    /** {@link #copyFrom(Session, int)} reading slices of about {@code sliceRows} rows. */
    Map<String, Long> copyFrom(Session quiver, int threads, long sliceRows) throws SQLException {
        requireNonNull(quiver, "quiver");
        if (threads < 1 || sliceRows < 1) {
            throw new IllegalArgumentException("threads and slice rows must be at least 1, got " + threads + " and " + sliceRows);
        }
        for (TpchTableDefinition<?> table : TpchTables.ALL) {
            execute(table.createTableSql());
        }
        Map<String, AtomicLong> copied = new ConcurrentHashMap<>();
        TpchTables.ALL.forEach(t -> copied.put(t.name(), new AtomicLong()));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        BlockingQueue<Slice> queue = new ArrayBlockingQueue<>(threads * SLICES_QUEUED_PER_WORKER);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            Thread t = new Thread(() -> appendSlices(queue, copied, failure), "quiver-duckdb-copy-" + (w + 1));
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
        try {
            produce: for (TpchTableDefinition<?> table : TpchTables.GENERATION_ORDER) {
                for (String select : slices(quiver, table, sliceRows)) {
                    if (failure.get() != null) {
                        break produce;
                    }
                    put(queue, new Slice(table.name(), quiver.execute(select)));
                }
            }
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
        } finally {
            for (int w = 0; w < workers.size(); w++) {
                put(queue, Slice.END);
            }
            for (Thread t : workers) {
                join(t);
            }
        }
        Throwable f = failure.get();
        if (f instanceof SQLException e) {
            throw new SQLException("copying the TPC-H tables into DuckDB failed: " + e.getMessage(), e.getSQLState(), e);
        } else if (f instanceof RuntimeException e) {
            throw e;
        } else if (f instanceof Error e) {
            throw e;
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        TpchTables.ALL.forEach(t -> rows.put(t.name(), copied.get(t.name()).get()));
        return rows;
    }

    /** A slice of a table read from Quiver, to be appended; {@link #END} tells a worker to stop. */
    private record Slice(String table, Result rows) {
        static final Slice END = new Slice("", null);
    }

    /**
     * The SELECTs that read {@code table} from Quiver in slices of about {@code sliceRows} rows:
     * ranges of its first column, whose values TPC-H spreads evenly; one SELECT of everything for a
     * small table.
     */
    static List<String> slices(Session quiver, TpchTableDefinition<?> table, long sliceRows) {
        String all = selectAll(table);
        String key = table.columnNames().get(0);
        long min;
        long max;
        long count;
        try (Result r = quiver.execute("SELECT min(" + key + "), max(" + key + "), count(*) FROM " + table.name())) {
            List<Object> values = r.rows().get(0).values();
            count = ((Number) values.get(2)).longValue();
            if (count <= sliceRows) {
                return List.of(all);
            }
            min = ((Number) values.get(0)).longValue();
            max = ((Number) values.get(1)).longValue();
        }
        long parts = (count + sliceRows - 1) / sliceRows;
        long width = (max - min) / parts + 1;
        List<String> selects = new ArrayList<>();
        for (long from = min; from <= max; from += width) {
            selects.add(all + " WHERE " + key + " BETWEEN " + from + " AND " + Math.min(max, from + width - 1));
        }
        return selects;
    }

    /** {@code SELECT} of every column of {@code table} in table order, without ORDER BY. */
    public static String selectAll(TpchTableDefinition<?> table) {
        return "SELECT " + String.join(", ", table.columnNames()) + " FROM " + table.name();
    }

    /**
     * A worker: appends the slices it takes from {@code queue} through its own connection and one
     * appender per table, until {@link Slice#END}. After a failure anywhere it only closes what it
     * takes.
     */
    private void appendSlices(BlockingQueue<Slice> queue, Map<String, AtomicLong> copied, AtomicReference<Throwable> failure) {
        Map<String, DuckDBAppender> appenders = new HashMap<>();
        try (DuckDBConnection own = connection.duplicate()) {
            // One transaction: DuckDB's Java appender flushes every 2,048 rows, which would otherwise commit each time.
            own.setAutoCommit(false);
            try {
                for (Slice slice = take(queue); slice != Slice.END; slice = take(queue)) {
                    try (Result rows = slice.rows()) {
                        if (failure.get() == null) {
                            DuckDBAppender appender = appenders.get(slice.table());
                            if (appender == null) {
                                appender = own.createAppender(CATALOG, "main", slice.table());
                                appenders.put(slice.table(), appender);
                            }
                            copied.get(slice.table()).addAndGet(append(appender, rows));
                        }
                    } catch (SQLException | RuntimeException | Error e) {
                        failure.compareAndSet(null, e);
                    }
                }
            } finally {
                for (DuckDBAppender appender : appenders.values()) {
                    try {
                        appender.close();
                    } catch (SQLException | RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }
            if (failure.get() == null) {
                own.commit();
            }
        } catch (SQLException | RuntimeException | Error e) {
            failure.compareAndSet(null, e);
        }
    }

    /** Appends a Quiver result's rows; returns how many. */
    private static long append(DuckDBAppender appender, Result result) throws SQLException {
        long rows = 0;
        for (VectorSchemaRoot batch : result.batches()) {
            List<FieldVector> vectors = batch.getFieldVectors();
            ColumnAppender[] columns = new ColumnAppender[vectors.size()];
            // TPC-H columns are NOT NULL: a vector without NULLs is appended without asking, value by value.
            FieldVector[] nullable = new FieldVector[vectors.size()];
            for (int c = 0; c < columns.length; c++) {
                columns[c] = columnAppender(vectors.get(c));
                nullable[c] = vectors.get(c).getNullCount() > 0 ? vectors.get(c) : null;
            }
            int n = batch.getRowCount();
            for (int i = 0; i < n; i++) {
                appender.beginRow();
                for (int c = 0; c < columns.length; c++) {
                    if (nullable[c] != null && nullable[c].isNull(i)) {
                        appender.appendNull();
                    } else {
                        columns[c].append(appender, i);
                    }
                }
                appender.endRow();
            }
            rows += n;
        }
        return rows;
    }

    /** Appends the value at a row of one Arrow vector (not null). */
    @FunctionalInterface
    private interface ColumnAppender {
        void append(DuckDBAppender appender, int row) throws SQLException;
    }

    /** How to append a vector's values: the TPC-H types as Quiver returns them. */
    private static ColumnAppender columnAppender(FieldVector vector) {
        if (vector instanceof IntVector v) {
            return (a, i) -> a.append(v.get(i));
        } else if (vector instanceof BigIntVector v) {
            return (a, i) -> a.append(v.get(i));
        } else if (vector instanceof DecimalVector v && v.getPrecision() <= 18) {
            // A DECIMAL of at most 18 digits is a long in DuckDB: the low 8 bytes of Arrow's 16 (little-endian).
            return (a, i) -> a.appendDecimal(v.getDataBuffer().getLong((long) i * DecimalVector.TYPE_WIDTH));
        } else if (vector instanceof DateDayVector v) {
            return (a, i) -> a.appendEpochDays(v.get(i));
        } else if (vector instanceof VarCharVector v) {
            return (a, i) -> a.append(v.get(i));
        }
        throw new IllegalArgumentException("TPC-H tables hold no " + vector.getField());
    }

    private static void put(BlockingQueue<Slice> queue, Slice slice) {
        try {
            queue.put(slice);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (slice.rows() != null) {
                slice.rows().close();
            }
            throw new QuiverException(SqlState.QUERY_CANCELED, "copying the TPC-H tables into DuckDB was interrupted", e);
        }
    }

    private static Slice take(BlockingQueue<Slice> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuiverException(SqlState.QUERY_CANCELED, "copying the TPC-H tables into DuckDB was interrupted", e);
        }
    }

    private static void join(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs a statement that returns no rows. */
    public void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /** Reads a query's result. */
    @FunctionalInterface
    public interface ResultReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs a query's statements and returns what {@code reader} reads from the last one that has
     * rows. When a statement fails, the remaining DROP statements still run (so Q15's view goes away).
     */
    public <T> T run(List<String> statements, ResultReader<T> reader) throws SQLException {
        requireNonNull(reader, "reader");
        Optional<T> rows = Optional.empty();
        for (int i = 0; i < statements.size(); i++) {
            String sql = statements.get(i);
            try {
                if (isQuery(sql)) {
                    try (ResultSet rs = prepare(sql).executeQuery()) {
                        rows = Optional.of(reader.read(rs));
                    }
                } else {
                    try (Statement s = connection.createStatement()) {
                        s.execute(sql);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                PreparedStatement failed = prepared.remove(sql);
                if (failed != null) {
                    closeQuietly(failed);
                }
                for (String rest : statements.subList(i + 1, statements.size())) {
                    if (QueryRuns.CLEANUP.matcher(rest).matches()) {
                        try {
                            execute(rest);
                        } catch (SQLException cleanup) {
                            e.addSuppressed(cleanup);
                        }
                    }
                }
                throw e;
            }
        }
        return rows.orElseThrow(() -> new IllegalStateException("no statement returned rows: " + statements));
    }

    /** Whether a statement is a query (SELECT or WITH after any comments), which {@link #run} runs prepared. */
    static boolean isQuery(String sql) {
        String s = sql.stripLeading();
        while (s.startsWith("--") || s.startsWith("/*")) {
            int end = s.startsWith("--") ? s.indexOf('\n') : s.indexOf("*/");
            if (end < 0) {
                return false;
            }
            s = s.substring(end + (s.startsWith("--") ? 1 : 2)).stripLeading();
        }
        return s.regionMatches(true, 0, "select", 0, 6) || s.regionMatches(true, 0, "with", 0, 4);
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            prepared.put(sql, statement);
        }
        return statement;
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            // Closing a statement DuckDB already gave up on: nothing left to release.
        }
    }

    @Override
    public void close() throws SQLException {
        prepared.values().forEach(DuckDbTpch::closeQuietly);
        prepared.clear();
        try {
            connection.close();
        } finally {
            deleteQuietly(tempDirectory);
            try {
                Runtime.getRuntime().removeShutdownHook(deleteOnExit);
            } catch (IllegalStateException e) {
                // Closed while the JVM shuts down: the hook runs anyway, and finds nothing left to delete.
            }
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A temporary directory left behind is no reason to fail.
        }
    }
}
