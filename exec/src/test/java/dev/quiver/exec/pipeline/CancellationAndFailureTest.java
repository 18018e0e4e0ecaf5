package dev.quiver.exec.pipeline;

import static dev.quiver.exec.testing.Errors.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.quiver.error.QuiverException;
import dev.quiver.exec.testing.MiniDb;
import dev.quiver.planner.catalog.ColumnMetadata;
import dev.quiver.planner.catalog.TableHandle;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.type.DataType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cancellation and failures while pipelines run on two workers: the query stops promptly with the
 * right SQLSTATE, the first failure is the one reported, and the query's allocator ends empty.
 */
class CancellationAndFailureTest {
    /** How long a stalled task waits to be stopped before it gives up and the test fails: far beyond any scheduling delay. */
    static final long STALL_SECONDS = 30;
    /** The chunk of table w whose x is 0, so that 10 / x fails there (see setUp). */
    static final int ZERO_CHUNK = 16;
    static MiniDb db;
    static MiniDb.FakeTable small;
    static MiniDb.FakeTable withZero;

    @BeforeAll
    static void load() {
        db = new MiniDb();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(new Object[] {(long) i + 1, "row " + i});
        }
        small = db.table("c", List.of(new ColumnMetadata("x", DataType.BIGINT, false), new ColumnMetadata("s", DataType.VARCHAR, false)),
                rows, 1000);
        // 64 chunks of 10 rows: 4 morsels of 16 chunks. x is 0 only in chunk 16, the first of morsel 1.
        List<Object[]> w = new ArrayList<>();
        for (int i = 0; i < 640; i++) {
            w.add(new Object[] {i / 10 == ZERO_CHUNK ? 0L : 1L, "w" + i});
        }
        withZero = db.table("w", List.of(new ColumnMetadata("x", DataType.BIGINT, false), new ColumnMetadata("s", DataType.VARCHAR, false)),
                w, 10);
    }

    @AfterAll
    static void unload() {
        db.close();
    }

    /** A snapshot that repeats the one chunk of {@code c} a million times, signalling when reading starts. */
    static TableSnapshot endless(TableHandle table, CountDownLatch started) {
        TableSnapshot real = ((MiniDb.FakeTable) table).snapshot();
        return new TableSnapshot() {
            @Override
            public int chunkCount() {
                return 1_000_000;
            }

            @Override
            public int rowCount(int chunk) {
                return real.rowCount(0);
            }

            @Override
            public FieldVector column(int chunk, int ordinal) {
                started.countDown();
                return real.column(0, ordinal);
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }

    static QueryOutput execute(PhysicalPlan plan, QueryContext context) {
        List<String> names = plan.outputColumns().stream().map(c -> c.name()).toList();
        return QueryExecutor.execute(plan, names, context, InterpretedDriverFactory.INSTANCE);
    }

    void cancelWhileRunning(String sql) throws Exception {
        PhysicalPlan plan = db.plan(sql);
        CountDownLatch started = new CountDownLatch(1);
        QueryContext context = db.context(t -> endless(t, started));
        Thread canceller = new Thread(() -> {
            try {
                if (started.await(10, TimeUnit.SECONDS)) {
                    Thread.sleep(30);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            context.cancel();
        });
        canceller.start();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            QuiverException e = assertSqlState("57014", () -> execute(plan, context).close());
            assertThat(e.getMessage()).contains("canceling statement");
        });
        canceller.join();
        assertThat(context.isCancelled()).isTrue();
        context.close(); // fails if any buffer of the query is still allocated
    }

    @Test
    void cancelStopsARunningAggregation() throws Exception {
        cancelWhileRunning("SELECT count(*), sum(x), max(s) FROM c");
    }

    @Test
    void cancelStopsAQueryThatIsCollectingResults() throws Exception {
        cancelWhileRunning("SELECT x + 1, s || '!' FROM c WHERE x > 1");
    }

    @Test
    void cancelStopsASort() throws Exception {
        cancelWhileRunning("SELECT x, s FROM c ORDER BY s DESC LIMIT 3");
    }

    @Test
    void aQueryCancelledBeforeItStartsDoesNotRun() {
        QueryContext context = db.context();
        context.cancel();
        assertSqlState("57014", () -> execute(db.plan("SELECT count(*) FROM c"), context).close());
        context.close();
    }

    /**
     * Morsel 0 stalls until the query is cancelled; morsel 1 divides by zero. The failure must stop
     * the stalled worker at once, and the division by zero (not the cancellation it caused) is what
     * the caller sees.
     */
    void failingWorkerStopsTheOther(String sql) {
        PhysicalPlan plan = db.plan(sql);
        AtomicReference<QueryContext> holder = new AtomicReference<>();
        AtomicInteger stalls = new AtomicInteger();
        AtomicInteger stallsTimedOut = new AtomicInteger();
        QueryContext context = db.context(t -> {
            TableSnapshot real = ((MiniDb.FakeTable) t).snapshot();
            return new TableSnapshot() {
                @Override
                public int chunkCount() {
                    return real.chunkCount();
                }

                @Override
                public int rowCount(int chunk) {
                    return real.rowCount(chunk);
                }

                @Override
                public FieldVector column(int chunk, int ordinal) {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STALL_SECONDS);
                    if (chunk == 0 && ordinal == 0) {
                        // Stall until the failure cancels the query: the other worker must stop this one.
                        stalls.incrementAndGet();
                        while (!holder.get().isCancelled() && System.nanoTime() < deadline) {
                            Thread.onSpinWait();
                        }
                        if (!holder.get().isCancelled()) {
                            stallsTimedOut.incrementAndGet();
                        }
                    }
                    else if (chunk == ZERO_CHUNK && ordinal == 0) {
                        // Fail only once the stall has begun, however the two workers are scheduled.
                        while (stalls.get() == 0 && System.nanoTime() < deadline) {
                            Thread.onSpinWait();
                        }
                    }
                    return real.column(chunk, ordinal);
                }

                @Override
                public void close() {
                    real.close();
                }
            };
        });
        holder.set(context);
        QuiverException e = assertSqlState("22012", () -> execute(plan, context).close());
        assertThat(stalls.get()).isEqualTo(1);
        assertThat(stallsTimedOut.get()).as("the stalled worker stopped when the other failed, not at its deadline").isZero();
        assertThat(e.position()).isPresent();
        assertThat(context.isCancelled()).isTrue();
        context.close();
    }

    @Test
    void aFailingWorkerStopsTheOthersAndItsErrorIsReported() {
        failingWorkerStopsTheOther("SELECT sum(10 / x) FROM w");
        failingWorkerStopsTheOther("SELECT s, 10 / x FROM w");
        failingWorkerStopsTheOther("SELECT s, 10 / x AS q FROM w ORDER BY q");
    }

    @Test
    void theSchedulerReportsTheFirstFailureAndStopsTheOthersAtOnce() {
        try (Scheduler scheduler = new Scheduler(3)) {
            for (int round = 0; round < 20; round++) {
                CountDownLatch stop = new CountDownLatch(1);
                AtomicInteger unstopped = new AtomicInteger();
                IllegalStateException boom = new IllegalStateException("boom");
                List<Callable<Integer>> tasks = new ArrayList<>();
                // The first two tasks run until told to stop, then fail with a consequence of the stop.
                for (int i = 0; i < 2; i++) {
                    tasks.add(() -> {
                        if (!stop.await(STALL_SECONDS, TimeUnit.SECONDS)) {
                            unstopped.incrementAndGet();
                            return -1;
                        }
                        throw new QuiverException("57014", "canceling statement: another worker failed");
                    });
                }
                tasks.add(() -> {
                    throw boom;
                });
                assertThatThrownBy(() -> scheduler.runAll(tasks, stop::countDown)).isSameAs(boom);
                assertThat(unstopped.get()).as("tasks that ran until their deadline instead of being stopped").isZero();
            }
            // Without failures every result comes back, in task order.
            List<Callable<Integer>> ok = List.of(() -> 1, () -> 2, () -> 3);
            assertThat(scheduler.runAll(ok, () -> {
                throw new AssertionError("no failure expected");
            })).containsExactly(1, 2, 3);
            // A single task runs on the calling thread.
            Thread caller = Thread.currentThread();
            assertThat(scheduler.runAll(List.of(() -> Thread.currentThread() == caller), () -> {
            })).containsExactly(true);
        }
    }

    @Test
    void theContextClosesRegisteredResourcesInReverseOrderAndReportsLeaks() {
        List<String> closed = new ArrayList<>();
        QueryContext context = db.context();
        context.register(() -> closed.add("first"));
        context.register(() -> closed.add("second"));
        context.close();
        assertThat(closed).containsExactly("second", "first");

        // A leak is reported by close. (Its own root allocator: one that saw a leaky child cannot close.)
        org.apache.arrow.memory.RootAllocator root = new org.apache.arrow.memory.RootAllocator();
        try (Scheduler scheduler = new Scheduler(1)) {
            QueryContext leaky = new QueryContext(root.newChildAllocator("leaky", 0, Long.MAX_VALUE), scheduler, t -> null, 1);
            org.apache.arrow.memory.ArrowBuf buffer = leaky.allocator().buffer(64);
            QuiverException e = assertSqlState("XX000", leaky::close);
            assertThat(e.getMessage()).contains("leaked");
            assertThat(buffer.capacity()).isEqualTo(64); // stays allocated in the throwaway root
        }
    }
}
