package dev.quiver.tpch;

import static java.util.Objects.requireNonNull;

import dev.quiver.Session;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Appends the generated parts of one table in part order, whichever thread finishes a part and
 * in whatever order they finish: a finished part waits until every earlier part is appended,
 * and the thread that finishes the next missing part appends it and all waiting parts after it.
 * Appending happens on the worker threads, so different tables are appended in parallel, while
 * each table gets its rows in the generator's order.
 *
 * <p>Takes ownership of the batches it is given: it closes them once appended, or on
 * {@link #discard()}. Each part carries one permit of {@code permits}, released when the part is
 * appended or discarded; this bounds the parts held in memory.
 */
final class PartAppender {
    private final Session session;
    private final String table;
    private final Semaphore permits;
    private final Map<Integer, List<VectorSchemaRoot>> waiting = new HashMap<>();
    private final AtomicLong rows = new AtomicLong();
    private int nextPart = 1;
    private boolean appending;
    private boolean failed;

    PartAppender(Session session, String table, Semaphore permits) {
        this.session = requireNonNull(session, "session");
        this.table = requireNonNull(table, "table");
        this.permits = requireNonNull(permits, "permits");
    }

    /** Rows appended so far. */
    long rows() {
        return rows.get();
    }

    /** Hands over the batches of part {@code part} (1-based); appends every part that is now next in line. */
    void complete(int part, List<VectorSchemaRoot> batches) {
        synchronized (this) {
            if (failed) {
                release(batches);
                return;
            }
            waiting.put(part, batches);
            if (appending) {
                // The thread appending this table will find the part when it gets to it.
                return;
            }
            appending = true;
        }
        while (true) {
            List<VectorSchemaRoot> next;
            synchronized (this) {
                next = waiting.remove(nextPart);
                if (next == null) {
                    appending = false;
                    return;
                }
                nextPart++;
            }
            try {
                for (VectorSchemaRoot batch : next) {
                    session.append(table, batch);
                    rows.addAndGet(batch.getRowCount());
                }
            } catch (RuntimeException | Error e) {
                synchronized (this) {
                    appending = false;
                    failed = true;
                }
                throw e;
            } finally {
                release(next);
            }
        }
    }

    /** Closes the batches of parts still waiting (after a failure elsewhere left a gap before them). */
    synchronized void discard() {
        failed = true;
        waiting.values().forEach(this::release);
        waiting.clear();
    }

    private void release(List<VectorSchemaRoot> batches) {
        batches.forEach(VectorSchemaRoot::close);
        permits.release();
    }
}
