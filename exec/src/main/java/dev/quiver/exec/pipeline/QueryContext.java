package dev.quiver.exec.pipeline;

import static java.util.Objects.requireNonNull;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.planner.catalog.TableHandle;
import dev.quiver.planner.physical.PhysicalPlan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;

/**
 * Everything one query's execution shares: its own child allocator (with the query's memory
 * limit, which the Java heap its sinks hold counts against too: {@link #reserveHeap}), the scheduler, table snapshots, the cancellation flag, and the resources to release at
 * the end. Closing the context closes them all and then the allocator, which fails loudly if any
 * buffer was not released (a leak is a bug, never silently ignored).
 */
public final class QueryContext implements AutoCloseable {
    private final BufferAllocator allocator;
    private final Scheduler scheduler;
    private final SnapshotProvider snapshots;
    private final int parallelism;
    private final Map<TableHandle, TableSnapshot> openSnapshots = Collections.synchronizedMap(new IdentityHashMap<>());
    /** Resources to close, in registration order: a lock-free queue, as a copy-on-write list made registering thousands (one vector per column of a wide result) quadratic. */
    private final Queue<AutoCloseable> resources = new ConcurrentLinkedQueue<>();
    private final List<PipelineStats> stats = new CopyOnWriteArrayList<>();
    /** The query's memory limit: its Arrow allocator's limit when the query started, shared with {@link #heapBytes}. */
    private final long memoryLimit;
    /** Java heap the query's sinks hold (hash tables, buffered rows), counted against {@link #memoryLimit}. */
    private final AtomicLong heapBytes = new AtomicLong();
    /** The most Arrow memory and heap the query held together, as far as the reservations saw. */
    private final AtomicLong peakBytes = new AtomicLong();
    private volatile boolean cancelled;
    private volatile String cancelReason = "canceling statement due to user request";

    public QueryContext(BufferAllocator allocator, Scheduler scheduler, SnapshotProvider snapshots, int parallelism) {
        this.allocator = requireNonNull(allocator, "allocator");
        this.scheduler = requireNonNull(scheduler, "scheduler");
        this.snapshots = requireNonNull(snapshots, "snapshots");
        this.parallelism = Math.max(1, Math.min(parallelism, scheduler.parallelism()));
        this.memoryLimit = allocator.getLimit();
    }

    /**
     * Counts {@code bytes} more of Java heap held by the query against its memory limit, which
     * Arrow memory and heap share: the allocator's limit shrinks by as much. Throws Arrow's
     * {@link OutOfMemoryException} (reported as the memory_limit error) when the two together
     * would exceed the limit; nothing is counted then.
     */
    public void reserveHeap(long bytes) {
        if (bytes <= 0) {
            return;
        }
        long heap = heapBytes.addAndGet(bytes);
        long total = heap + allocator.getAllocatedMemory();
        if (heap > memoryLimit || total > memoryLimit) {
            heapBytes.addAndGet(-bytes);
            throw new OutOfMemoryException("the query's hash tables and buffered rows (" + heap + " bytes of Java heap) and its "
                    + allocator.getAllocatedMemory() + " bytes of Arrow memory exceed its memory limit (" + memoryLimit + " bytes)");
        }
        peakBytes.accumulateAndGet(total, Math::max);
        allocator.setLimit(memoryLimit - heap);
    }

    /** Stops counting {@code bytes} of Java heap the query no longer holds (as {@link #reserveHeap} counted them). */
    public void releaseHeap(long bytes) {
        if (bytes <= 0) {
            return;
        }
        long heap = heapBytes.addAndGet(-bytes);
        allocator.setLimit(memoryLimit - Math.max(0, heap));
    }

    /** Java heap counted against the memory limit now (see {@link #reserveHeap}). */
    public long heapBytes() {
        return heapBytes.get();
    }

    /** The most memory the query held at once: its Arrow memory's peak, or Arrow memory and heap together if more. */
    public long peakMemoryBytes() {
        return Math.max(peakBytes.get(), allocator.getPeakMemoryAllocation());
    }

    /** Workers this query may use at once (the session's setting, at most the scheduler's size). */
    public int parallelism() {
        return parallelism;
    }

    public BufferAllocator allocator() {
        return allocator;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** The query's snapshot of a table (opened on first use, closed with the query). */
    public TableSnapshot snapshot(TableHandle table) {
        return openSnapshots.computeIfAbsent(table, snapshots::snapshot);
    }

    /** Closes the resource when the query ends (in reverse order of registration). */
    public <T extends AutoCloseable> T register(T resource) {
        resources.add(resource);
        return resource;
    }

    public void cancel() {
        cancelled = true;
    }

    /** Stops the query with a specific reason (used when a worker fails and the others must stop). */
    public void cancel(String reason) {
        cancelReason = reason;
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Called between batches: throws if the query was cancelled. */
    public void checkCancelled() {
        if (cancelled) {
            throw new QuiverException(SqlState.QUERY_CANCELED, cancelReason);
        }
    }

    public void addStats(PipelineStats s) {
        stats.add(s);
    }

    public List<PipelineStats> stats() {
        return List.copyOf(stats);
    }

    private volatile Map<PhysicalPlan, PlanObservation> observations = Map.of();

    /** Records where each node of the running plan has its output rows counted (by node identity). */
    public void observe(Map<PhysicalPlan, PlanObservation> nodes) {
        observations = nodes;
    }

    /** Where each node of the plan that ran has its output rows counted, by node identity; empty before it runs. */
    public Map<PhysicalPlan, PlanObservation> observations() {
        return observations;
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>(resources);
        Collections.reverse(all);
        RuntimeException failure = null;
        for (AutoCloseable r : all) {
            try {
                r.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new QuiverException(SqlState.INTERNAL_ERROR, "releasing query resources failed: " + e, e);
                }
            }
        }
        resources.clear();
        synchronized (openSnapshots) {
            openSnapshots.values().forEach(TableSnapshot::close);
            openSnapshots.clear();
        }
        try {
            allocator.close();
        } catch (IllegalStateException e) {
            if (failure == null) {
                failure = new QuiverException(SqlState.INTERNAL_ERROR, "query leaked Arrow memory: " + e.getMessage(), e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
