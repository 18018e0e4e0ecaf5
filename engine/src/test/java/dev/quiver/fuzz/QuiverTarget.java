package dev.quiver.fuzz;

import dev.quiver.Database;
import dev.quiver.DatabaseOptions;
import dev.quiver.Quiver;
import dev.quiver.Result;
import dev.quiver.Row;
import dev.quiver.Session;
import dev.quiver.error.QuiverException;
import dev.quiver.testing.QueryRows;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Quiver in-memory database (two worker threads, as the SQL logic tests use) and one session in a
 * chosen execution mode, normally {@code verify}. Each statement runs on a separate thread so that
 * one that hangs is detected: after the time limit the session is cancelled, and a statement that
 * ignores cancellation too is abandoned with its database (a fresh one replaces it). After every
 * statement no query memory may remain: a leak is reported as a crash.
 */
final class QuiverTarget implements FuzzTarget {
    /** Worker threads of the database: more than one, so parallel plans run. */
    static final int THREADS = 2;
    /** How long a cancelled statement gets to stop before it counts as stuck. */
    static final long CANCEL_GRACE_MILLIS = 5_000;

    private final String executionMode;
    private final long timeoutMillis;
    private ExecutorService runner;
    private Database database;
    private Session session;
    private int generation;

    QuiverTarget(String executionMode, long timeoutMillis) {
        this.executionMode = executionMode;
        this.timeoutMillis = timeoutMillis;
        open();
    }

    private void open() {
        runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "quiver-fuzz-statement");
            t.setDaemon(true);
            return t;
        });
        database = Quiver.openInMemory(DatabaseOptions.defaults().withThreads(THREADS));
        session = database.connect();
        session.set("execution_mode", executionMode);
        generation++;
    }

    /** Changes whenever a fresh database replaces a stuck one (whose tables are then gone). */
    int generation() {
        return generation;
    }

    @Override
    public Outcome run(String sql) {
        long start = System.nanoTime();
        Future<Outcome> future = runner.submit(() -> execute(sql));
        try {
            return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            session.cancel();
            try {
                future.get(CANCEL_GRACE_MILLIS, TimeUnit.MILLISECONDS);
                return new Outcome.TimedOut(elapsedMillis(start), false);
            } catch (TimeoutException stuck) {
                restart();
                return new Outcome.TimedOut(elapsedMillis(start), true);
            } catch (InterruptedException | ExecutionException other) {
                return new Outcome.TimedOut(elapsedMillis(start), false);
            }
        } catch (ExecutionException e) {
            return new Outcome.Crashed(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + sql, e);
        }
    }

    private static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private Outcome execute(String sql) {
        Outcome outcome;
        try (Result result = session.execute(sql)) {
            if (!result.hasRows()) {
                outcome = new Outcome.Rows(new QueryRows(List.of(), List.of()));
            } else {
                List<List<Object>> rows = new ArrayList<>();
                for (Row row : result.rows()) {
                    rows.add(row.values());
                }
                outcome = new Outcome.Rows(new QueryRows(result.columnNames(), rows));
            }
        } catch (QuiverException e) {
            outcome = new Outcome.Failed(e.sqlState(), e.getMessage(), java.util.Optional.ofNullable(e.getCause()));
        } catch (Throwable e) { // NOPMD: every throwable (StackOverflowError included) is a finding, not a fuzzer failure
            return new Outcome.Crashed(e);
        }
        long leaked = queryBytes();
        if (leaked != 0) {
            return new Outcome.Crashed(new IllegalStateException(leaked + " bytes of query memory remain after the statement ("
                    + outcome.describe() + ")"));
        }
        return outcome;
    }

    /** Arrow memory held by queries and results (everything but table storage). */
    long queryBytes() {
        return database.allocatedBytes() - session.bufferAllocator().getAllocatedMemory();
    }

    /** All Arrow memory of the database, table storage included. */
    long allocatedBytes() {
        return database.allocatedBytes();
    }

    /**
     * Replaces the database with a fresh, empty one: after a statement that ignores cancellation
     * (its thread is left to itself) or a leak, either of which may keep the old one from closing.
     */
    void restart() {
        runner.shutdownNow();
        Database old = database;
        open();
        try {
            old.close();
        } catch (RuntimeException e) {
            // A stuck statement or leaked memory still holds it; it is unreachable now either way.
        }
    }

    @Override
    public void close() {
        runner.shutdownNow();
        database.close();
    }
}
