package dev.quiver;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
/**
 * How a database is set up: worker threads (default: one per core) and the limit on all Arrow
 * memory it may allocate (default: unlimited; each query also has its own limit, a session setting).
 */
public record DatabaseOptions(int threads, long memoryLimit) {
    public DatabaseOptions {
        if (threads < 1) {
            throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "threads must be at least 1, got " + threads);
        }
        if (memoryLimit <= 0) {
            throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "memoryLimit must be positive, got " + memoryLimit);
        }
    }

    public static DatabaseOptions defaults() {
        return new DatabaseOptions(Runtime.getRuntime().availableProcessors(), Long.MAX_VALUE);
    }

    public DatabaseOptions withThreads(int n) {
        return new DatabaseOptions(n, memoryLimit);
    }

    public DatabaseOptions withMemoryLimit(long bytes) {
        return new DatabaseOptions(threads, bytes);
    }
}
