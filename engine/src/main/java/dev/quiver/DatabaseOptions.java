package dev.quiver;

/**
 * How a database is set up: worker threads (default: one per core) and the limit on all Arrow
 * memory it may allocate (default: unlimited; each query also has its own limit, a session setting).
 */
public record DatabaseOptions(int threads, long memoryLimit) {
    public DatabaseOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        if (memoryLimit <= 0) {
            throw new IllegalArgumentException("memoryLimit must be positive");
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
