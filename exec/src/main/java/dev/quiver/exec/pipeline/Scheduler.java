package dev.quiver.exec.pipeline;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The worker threads that run pipelines, one per core by default, shared by every query of a
 * database. Queries hand it one task per worker; tasks pull morsels themselves, so a slow morsel
 * never holds up the others (Leis et al., "Morsel-Driven Parallelism", SIGMOD 2014).
 */
public final class Scheduler implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();
    private final int parallelism;
    private final ExecutorService pool;

    public Scheduler(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        this.parallelism = parallelism;
        int id = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "quiver-" + id + "-worker-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public int parallelism() {
        return parallelism;
    }

    /**
     * Runs the tasks on the workers and waits for all of them; returns their results in task order
     * (null where a task returned null). If one fails, {@code onFailure} runs (it should make the
     * others stop soon) and the first failure is rethrown once all have ended. A single task runs on
     * the calling thread.
     */
    public <T> List<T> runAll(List<Callable<T>> tasks, Runnable onFailure) {
        if (tasks.size() == 1) {
            try {
                // A list that holds null: a task may have no result (a Callable<Void>).
                return Collections.singletonList(tasks.get(0).call());
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new QuiverException(SqlState.INTERNAL_ERROR, "task failed: " + e, e);
            }
        }
        List<Future<T>> futures = new ArrayList<>();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        for (Callable<T> task : tasks) {
            futures.add(pool.submit(() -> {
                try {
                    return task.call();
                } catch (Throwable t) {
                    // Stop the others as soon as one fails (not when the wait below reaches this task).
                    if (firstFailure.compareAndSet(null, t)) {
                        onFailure.run();
                    }
                    throw t;
                }
            }));
        }
        List<T> results = new ArrayList<>();
        Throwable first = null;
        for (Future<T> f : futures) {
            try {
                results.add(f.get());
            } catch (ExecutionException e) {
                if (first == null) {
                    Throwable recorded = firstFailure.get();
                    first = recorded != null ? recorded : e.getCause();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (first == null) {
                    first = new QuiverException(SqlState.QUERY_CANCELED, "canceling statement: the calling thread was interrupted");
                    onFailure.run();
                }
            }
        }
        if (first instanceof RuntimeException r) {
            throw r;
        }
        if (first instanceof Error e) {
            throw e;
        }
        if (first != null) {
            throw new QuiverException(SqlState.INTERNAL_ERROR, "task failed: " + first, first);
        }
        return results;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
