package dev.quiver;

import dev.quiver.engine.catalog.MemoryCatalog;
import dev.quiver.engine.storage.Table;
import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.exec.pipeline.Scheduler;
import dev.quiver.extension.Procedure;
import dev.quiver.extension.QuiverExtension;
import dev.quiver.planner.catalog.TableStatistics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.AllocationListener;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.rounding.SegmentRoundingPolicy;

/**
 * A database: its tables, its memory (one Arrow root allocator: a child for table storage and
 * one per running query) and its worker threads. Thread-safe; open any number of sessions.
 * Closing it frees everything and fails if any Arrow memory is still held (a leak).
 */
public final class Database implements AutoCloseable {
    /**
     * Buffers are rounded up to a multiple of this, not to a power of two as Arrow's default does:
     * a 4,096-row BIGINT column needs 33,280 bytes with its validity, which the default rounds to
     * 65,536, nearly doubling what stored tables take. Arrow's smallest segment; at most 1 KiB per
     * buffer goes unused.
     */
    static final long BUFFER_ROUNDING_BYTES = SegmentRoundingPolicy.MIN_SEGMENT_SIZE;

    private final DatabaseOptions options;
    private final RootAllocator root;
    private final BufferAllocator storage;
    private final Scheduler scheduler;
    private final MemoryCatalog catalog = new MemoryCatalog();
    private final Map<String, Procedure> procedures;
    private final AtomicLong queries = new AtomicLong();
    private volatile boolean closed;
    private boolean released;

    Database(DatabaseOptions options) {
        this.options = options;
        this.root = new RootAllocator(AllocationListener.NOOP, options.memoryLimit(), new SegmentRoundingPolicy(BUFFER_ROUNDING_BYTES));
        this.storage = root.newChildAllocator("storage", 0, Long.MAX_VALUE);
        this.scheduler = new Scheduler(options.threads());
        Map<String, Procedure> found = new HashMap<>();
        for (QuiverExtension extension : ServiceLoader.load(QuiverExtension.class)) {
            for (Procedure p : extension.procedures()) {
                found.put(p.name(), p);
            }
        }
        this.procedures = Collections.unmodifiableMap(found);
    }

    /** A new session with default settings. */
    public Session connect() {
        checkOpen();
        return new Session(this);
    }

    public DatabaseOptions options() {
        return options;
    }

    /** Arrow memory currently allocated by the database (tables and running queries). */
    public long allocatedBytes() {
        return root.getAllocatedMemory();
    }

    /**
     * Makes the planner see {@code statistics} for the table instead of its own until the table's
     * next write: for plan tests and planning benchmarks at a scale whose data is not loaded (as
     * CockroachDB's INJECT STATISTICS). The statistics describe every column in table order, or
     * none. A {@link dev.quiver.error.QuiverException} (42P01) if there is no such table.
     */
    public void injectStatistics(String table, TableStatistics statistics) {
        storedTable(table).injectStatistics(statistics);
        catalog.statisticsChanged();
    }

    /** The statistics the planner sees for the table (its own, or injected ones). */
    public TableStatistics statistics(String table) {
        return storedTable(table).statistics();
    }

    private Table storedTable(String name) {
        checkOpen();
        return catalog.storedTable(name)
                .orElseThrow(() -> new QuiverException(SqlState.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist"));
    }

    MemoryCatalog catalog() {
        return catalog;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    BufferAllocator storageAllocator() {
        return storage;
    }

    Map<String, Procedure> procedures() {
        return procedures;
    }

    /** A fresh allocator for one query, limited to {@code limit} bytes. */
    BufferAllocator newQueryAllocator(long limit) {
        checkOpen();
        return root.newChildAllocator("query-" + queries.incrementAndGet(), 0, limit);
    }

    void checkOpen() {
        if (closed) {
            throw new QuiverException(SqlState.OBJECT_IN_USE, "database is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            catalog.clear();
            scheduler.close();
        }
        if (released) {
            return;
        }
        // Check before closing the allocators: Arrow fails every later release into a closed allocator, so
        // closing them under an open Result would make that Result impossible to close. After the Result is
        // closed, close() may be called again.
        List<String> holders = new ArrayList<>();
        for (BufferAllocator child : root.getChildAllocators()) {
            if (child != storage || child.getAllocatedMemory() > 0) {
                holders.add(child.getName() + " (" + child.getAllocatedMemory() + " bytes)");
            }
        }
        if (!holders.isEmpty()) {
            throw new QuiverException(SqlState.INTERNAL_ERROR, "Arrow memory still allocated when the database closed (close every Result "
                    + "first): " + root.getAllocatedMemory() + " bytes held by " + String.join(", ", holders));
        }
        released = true;
        try {
            storage.close();
            root.close();
        } catch (IllegalStateException e) {
            throw new QuiverException(SqlState.INTERNAL_ERROR,
                    "Arrow memory still allocated when the database closed (close every Result first): " + e.getMessage(), e);
        }
    }
}
