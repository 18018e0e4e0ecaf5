package dev.quiver.exec.pipeline;

import dev.quiver.exec.batch.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one pipeline: workers (up to the scheduler's parallelism, no more than there are morsels)
 * each take morsels from a shared counter and push them through their own driver; then one driver
 * flushes what its operators held back, the local sinks are combined in worker order and the sink
 * is finished. Cancellation is checked between batches; the first failure stops the other workers.
 * Between batches each worker also counts the growth of its local sink's Java heap against the
 * query's memory limit ({@link QueryContext#reserveHeap}); once the sink is finished, the locals'
 * count is replaced by what the sink keeps.
 */
public final class PipelineExecutor {
    private PipelineExecutor() {
    }

    public static void run(Pipeline pipeline, QueryContext context, DriverFactory factory) {
        long start = System.nanoTime();
        DriverFactory.PreparedPipeline prepared = factory.prepare(pipeline, context);
        int morsels = pipeline.source().morselCount(context);
        int workers = Math.max(1, Math.min(context.parallelism(), morsels));
        AtomicInteger next = new AtomicInteger();
        // Heap the workers' local sinks were counted for, given back once they are combined.
        AtomicLong localHeap = new AtomicLong();
        List<Callable<Driver>> tasks = new ArrayList<>();
        List<Driver> drivers = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            tasks.add(() -> {
                Driver driver = prepared.createDriver(context);
                synchronized (drivers) {
                    drivers.add(driver);
                }
                long[] counted = {0};
                int m;
                while ((m = next.getAndIncrement()) < morsels) {
                    context.checkCancelled();
                    if (!pipeline.sink().wantsMorsel(m)) {
                        continue;
                    }
                    int morsel = m;
                    pipeline.source().produce(morsel, context, (Batch b) -> {
                        context.checkCancelled();
                        driver.push(b, morsel);
                        driver.local().afterBatch();
                        long grown = driver.local().heapBytes() - counted[0];
                        if (grown > 0) {
                            context.reserveHeap(grown);
                            counted[0] += grown;
                            localHeap.addAndGet(grown);
                        }
                        return pipeline.sink().wantsMorsel(morsel);
                    });
                }
                return driver;
            });
        }
        List<Driver> finished;
        try {
            finished = context.scheduler().runAll(tasks, () -> context.cancel("canceling statement: another worker failed"));
        } catch (RuntimeException | Error e) {
            synchronized (drivers) {
                for (Driver d : drivers) {
                    d.close();
                    d.local().close();
                }
            }
            throw e;
        }
        long rowsIn = 0;
        long rowsOut = 0;
        long[] operatorRows = new long[pipeline.operators().size()];
        try {
            // Rows operators held back (a RIGHT/FULL join's unmatched build rows) go out once, through
            // one driver, as a morsel after all the real ones; the workers' writes are visible here.
            context.checkCancelled();
            finished.get(0).finish(morsels);
            for (Driver d : finished) {
                rowsIn += d.rowsIn();
                rowsOut += d.rowsOut();
                long[] rows = d.operatorRowsOut();
                for (int i = 0; i < operatorRows.length; i++) {
                    operatorRows[i] += rows[i];
                }
                pipeline.sink().combine(d.local(), context);
            }
            pipeline.sink().finish(context);
            // The locals' state is now the sink's (or garbage): count what the sink keeps instead.
            context.releaseHeap(localHeap.getAndSet(0));
            context.reserveHeap(pipeline.sink().heapBytes());
        } finally {
            for (Driver d : finished) {
                d.close();
                d.local().close();
            }
        }
        context.addStats(new PipelineStats(pipeline.id(), pipeline.description(), prepared.mode(), prepared.compileNanos(),
                prepared.janinoNanos(), rowsIn, rowsOut, System.nanoTime() - start,
                java.util.Arrays.stream(operatorRows).boxed().toList()));
    }
}
