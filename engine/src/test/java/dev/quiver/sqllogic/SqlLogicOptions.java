package dev.quiver.sqllogic;

import static java.util.Objects.requireNonNull;

import dev.quiver.ExecutionMode;
import java.time.Duration;

/**
 * How a {@link SqlLogicRunner} runs a file: its dialect, the session's execution mode, the
 * database's worker threads, and how long one record may run before it is cancelled.
 *
 * @param recordTimeout {@link Duration#ZERO} for no limit
 */
public record SqlLogicOptions(SqlLogicDialect dialect, ExecutionMode mode, int workerThreads, Duration recordTimeout) {
    /** Worker threads of each file's database: two, so parallel paths run even on one core. */
    public static final int DEFAULT_WORKER_THREADS = 2;

    public SqlLogicOptions {
        requireNonNull(dialect, "dialect");
        requireNonNull(mode, "mode");
        requireNonNull(recordTimeout, "recordTimeout");
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads < 1: " + workerThreads);
        }
        if (recordTimeout.isNegative()) {
            throw new IllegalArgumentException("negative recordTimeout: " + recordTimeout);
        }
    }

    /** Quiver's own suite: verify mode, two worker threads, no time limit. */
    public static SqlLogicOptions suite() {
        return new SqlLogicOptions(SqlLogicDialect.QUIVER, ExecutionMode.VERIFY, DEFAULT_WORKER_THREADS, Duration.ZERO);
    }

    /** The SQLite corpus with the suite's other defaults. */
    public static SqlLogicOptions corpus() {
        return suite().withDialect(SqlLogicDialect.SQLITE);
    }

    public SqlLogicOptions withDialect(SqlLogicDialect d) {
        return new SqlLogicOptions(d, mode, workerThreads, recordTimeout);
    }

    public SqlLogicOptions withMode(ExecutionMode m) {
        return new SqlLogicOptions(dialect, m, workerThreads, recordTimeout);
    }

    public SqlLogicOptions withWorkerThreads(int n) {
        return new SqlLogicOptions(dialect, mode, n, recordTimeout);
    }

    public SqlLogicOptions withRecordTimeout(Duration t) {
        return new SqlLogicOptions(dialect, mode, workerThreads, t);
    }
}
