package dev.quiver.tpch;

import static java.util.Objects.requireNonNull;

import dev.quiver.Session;
import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import io.trino.tpch.TpchEntity;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Creates the eight TPC-H tables in a session's database and fills them with the official data
 * for a scale factor, through the public bulk-load API ({@link Session#tableSchema},
 * {@link Session#append}).
 *
 * <p>Each table is cut into parts that worker threads generate in parallel into Arrow batches and
 * append in part order ({@link PartAppender}), so a table's rows are always in the generator's
 * order (the same as dbgen's files) however many threads ran. At most a few parts per thread are
 * in flight, which bounds the memory held besides the tables.
 */
public final class TpchDataGenerator {
    /** Rows per appended batch: 16 storage chunks of 4,096 rows, so most appends fill whole chunks; about 9 MB of lineitem. */
    static final int BATCH_ROWS = 65_536;
    /** Rows per generation task: large enough that a part's set-up is negligible, small enough that SF 1's lineitem makes 25 parts to spread over the threads. */
    static final long ROWS_PER_PART = 250_000;
    /** Parts generated or waiting to be appended, per worker thread: enough that workers rarely wait for an earlier part, about 150 MB of lineitem per thread at most. */
    static final int PARTS_IN_FLIGHT_PER_THREAD = 4;
    /** How often the submitting thread, waiting for a free slot, checks whether a part failed. */
    static final long FAILURE_CHECK_MILLIS = 100;
    /** Largest scale factor accepted: order keys stay within BIGINT and customer/part keys within INTEGER up to here. */
    static final double MAX_SCALE_FACTOR = 10_000;

    private TpchDataGenerator() {
    }

    /**
     * Creates and fills the TPC-H tables at {@code scaleFactor}, using the session's {@code threads}
     * setting; fails if any of the tables already exists.
     */
    public static LoadReport load(Session session, double scaleFactor) {
        return load(session, scaleFactor, session.settings().threads(), false);
    }

    /**
     * Creates and fills the TPC-H tables at {@code scaleFactor} with {@code threads} generator
     * threads. With {@code replace}, existing tables of the same names are dropped first;
     * without it, an existing table is an error (SQLSTATE 42P07) and nothing is changed. If loading
     * fails, the tables this call created are dropped again.
     */
    public static LoadReport load(Session session, double scaleFactor, int threads, boolean replace) {
        requireNonNull(session, "session");
        checkScaleFactor(scaleFactor);
        if (threads < 1) {
            throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "threads must be at least 1, got " + threads);
        }
        long start = System.nanoTime();
        prepareTables(session, replace);
        try {
            Map<String, Long> rows = generate(session, scaleFactor, threads);
            return new LoadReport(scaleFactor, rows, Duration.ofNanos(System.nanoTime() - start));
        } catch (RuntimeException | Error e) {
            dropQuietly(session, e);
            throw e;
        }
    }

    /** Rejects scale factors dbgen does not define: not positive, not finite, or absurdly large. */
    static void checkScaleFactor(double scaleFactor) {
        if (!(scaleFactor > 0) || Double.isInfinite(scaleFactor) || scaleFactor > MAX_SCALE_FACTOR) {
            throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "TPC-H scale factor must be a number greater than 0 and at most "
                    + formatScaleFactor(MAX_SCALE_FACTOR) + ", got " + scaleFactor + "; for example sf => 0.1");
        }
    }

    /** A scale factor as the answer directories and reports write it: {@code 0.01}, {@code 0.1}, {@code 1}. */
    public static String formatScaleFactor(double scaleFactor) {
        return BigDecimal.valueOf(scaleFactor).stripTrailingZeros().toPlainString();
    }

    private static void prepareTables(Session session, boolean replace) {
        List<String> existing = TpchTables.ALL.stream().map(TpchTableDefinition::name).filter(name -> exists(session, name)).toList();
        if (!existing.isEmpty() && !replace) {
            throw new QuiverException(SqlState.DUPLICATE_TABLE, "TPC-H table" + (existing.size() > 1 ? "s " : " ")
                    + String.join(", ", existing) + (existing.size() > 1 ? " already exist" : " already exists")
                    + "; drop " + (existing.size() > 1 ? "them" : "it") + " first or pass replace => true");
        }
        for (String name : existing) {
            run(session, "DROP TABLE " + name);
        }
        for (TpchTableDefinition<?> table : TpchTables.ALL) {
            run(session, table.createTableSql());
        }
    }

    private static boolean exists(Session session, String table) {
        try {
            session.tableSchema(table);
            return true;
        } catch (QuiverException e) {
            if (SqlState.UNDEFINED_TABLE.equals(e.sqlState())) {
                return false;
            }
            throw e;
        }
    }

    /** Runs a statement the loader wrote; its failure is reported without the loader's SQL text as context. */
    private static void run(Session session, String sql) {
        try {
            session.execute(sql).close();
        } catch (QuiverException e) {
            throw new QuiverException(e.sqlState(), e.rawMessage(), e);
        }
    }

    private static void dropQuietly(Session session, Throwable failure) {
        for (TpchTableDefinition<?> table : TpchTables.ALL) {
            try {
                run(session, "DROP TABLE IF EXISTS " + table.name());
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** One unit of work: part {@code part} of {@code partCount} of a table. */
    private record Task(TpchTableDefinition<?> table, Schema schema, int part, int partCount, PartAppender appender) {
    }

    private static Map<String, Long> generate(Session session, double scaleFactor, int threads) {
        Semaphore permits = new Semaphore(threads * PARTS_IN_FLIGHT_PER_THREAD);
        Map<String, PartAppender> appenders = new LinkedHashMap<>();
        List<Task> tasks = new ArrayList<>();
        for (TpchTableDefinition<?> table : TpchTables.GENERATION_ORDER) {
            Schema schema = session.tableSchema(table.name());
            int parts = table.splittable() ? (int) Math.max(1, Math.min(Integer.MAX_VALUE,
                    (table.approximateRows(scaleFactor) + ROWS_PER_PART - 1) / ROWS_PER_PART)) : 1;
            PartAppender appender = new PartAppender(session, table.name(), permits);
            appenders.put(table.name(), appender);
            for (int part = 1; part <= parts; part++) {
                tasks.add(new Task(table, schema, part, parts, appender));
            }
        }

        BufferAllocator allocator = session.bufferAllocator().newChildAllocator("tpch-dbgen", 0, Long.MAX_VALUE);
        ExecutorService pool = Executors.newFixedThreadPool(threads, new WorkerThreads());
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        List<Future<?>> futures = new ArrayList<>();
        Throwable failure = null;
        try {
            for (Task task : tasks) {
                if (!acquire(permits, firstFailure)) {
                    break;
                }
                futures.add(pool.submit(() -> runTask(task, scaleFactor, allocator, permits, firstFailure)));
            }
            for (Future<?> future : futures) {
                await(future);
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            shutDown(pool, futures);
            appenders.values().forEach(PartAppender::discard);
            closeAllocator(allocator, failure);
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        for (TpchTableDefinition<?> table : TpchTables.ALL) {
            rows.put(table.name(), appenders.get(table.name()).rows());
        }
        return rows;
    }

    /** Waits for a permit to start another part; false if a part failed meanwhile (then no more are started). */
    private static boolean acquire(Semaphore permits, AtomicReference<Throwable> firstFailure) {
        try {
            while (!permits.tryAcquire(FAILURE_CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
                if (firstFailure.get() != null) {
                    return false;
                }
            }
            return firstFailure.get() == null || releaseAndStop(permits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuiverException(SqlState.QUERY_CANCELED, "TPC-H data generation was interrupted", e);
        }
    }

    private static boolean releaseAndStop(Semaphore permits) {
        permits.release();
        return false;
    }

    /** Generates one part and hands it to its table's appender (which may append it and the parts waiting behind it). */
    private static void runTask(Task task, double scaleFactor, BufferAllocator allocator, Semaphore permits,
            AtomicReference<Throwable> firstFailure) {
        List<VectorSchemaRoot> batches;
        try {
            if (firstFailure.get() != null) {
                permits.release();
                return;
            }
            batches = generatePart(task.table(), task.schema(), scaleFactor, task.part(), task.partCount(), allocator);
        } catch (RuntimeException | Error e) {
            permits.release();
            firstFailure.compareAndSet(null, e);
            throw e;
        }
        try {
            task.appender().complete(task.part(), batches);
        } catch (RuntimeException | Error e) {
            firstFailure.compareAndSet(null, e);
            throw e;
        }
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuiverException(SqlState.QUERY_CANCELED, "TPC-H data generation was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof QuiverException q) {
                throw new QuiverException(q.sqlState(), q.rawMessage(), q);
            }
            if (cause instanceof org.apache.arrow.memory.OutOfMemoryException) {
                throw new QuiverException(SqlState.OUT_OF_MEMORY, "out of memory generating TPC-H data: " + cause.getMessage(), cause);
            }
            throw new QuiverException(SqlState.INTERNAL_ERROR, "TPC-H data generation failed: " + cause, cause);
        }
    }

    /** Stops the workers, waiting for running parts to finish so that no batch outlives its allocator. */
    private static void shutDown(ExecutorService pool, List<Future<?>> futures) {
        futures.forEach(f -> f.cancel(false));
        pool.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeAllocator(BufferAllocator allocator, Throwable failure) {
        try {
            allocator.close();
        } catch (IllegalStateException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            } else {
                throw new QuiverException(SqlState.INTERNAL_ERROR, "TPC-H generator leaked Arrow memory: " + e.getMessage(), e);
            }
        }
    }

    /** Generates one part of a table into batches of at most {@link #BATCH_ROWS} rows. */
    private static <E extends TpchEntity> List<VectorSchemaRoot> generatePart(TpchTableDefinition<E> table, Schema schema,
            double scaleFactor, int part, int partCount, BufferAllocator allocator) {
        List<VectorSchemaRoot> batches = new ArrayList<>();
        try {
            List<E> rows = new ArrayList<>(BATCH_ROWS);
            for (E row : table.generate(scaleFactor, part, partCount)) {
                rows.add(row);
                if (rows.size() == BATCH_ROWS) {
                    batches.add(toBatch(table, schema, rows, allocator));
                    rows.clear();
                }
            }
            if (!rows.isEmpty()) {
                batches.add(toBatch(table, schema, rows, allocator));
            }
            return batches;
        } catch (RuntimeException | Error e) {
            batches.forEach(VectorSchemaRoot::close);
            throw e;
        }
    }

    /** Copies generated rows into a new batch with the table's Arrow schema. */
    static <E extends TpchEntity> VectorSchemaRoot toBatch(TpchTableDefinition<E> table, Schema schema, List<E> rows,
            BufferAllocator allocator) {
        List<TpchColumn<E>> columns = table.columns();
        if (schema.getFields().size() != columns.size()) {
            throw new QuiverException(SqlState.DATATYPE_MISMATCH, "table " + table.name() + " has " + schema.getFields().size()
                    + " columns, but TPC-H defines " + columns.size() + "; drop it and load again");
        }
        VectorSchemaRoot batch = VectorSchemaRoot.create(schema, allocator);
        try {
            int n = rows.size();
            for (int c = 0; c < columns.size(); c++) {
                columns.get(c).fill(batch.getVector(c), rows);
            }
            batch.setRowCount(n);
            return batch;
        } catch (RuntimeException | Error e) {
            batch.close();
            throw e;
        }
    }

    /** Daemon worker threads, named for thread dumps. */
    private static final class WorkerThreads implements ThreadFactory {
        private static final AtomicInteger POOLS = new AtomicInteger();
        private final int pool = POOLS.incrementAndGet();
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "quiver-dbgen-" + pool + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
