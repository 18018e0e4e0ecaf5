package dev.quiver.engine.storage;

import static java.util.Objects.requireNonNull;

import dev.quiver.error.QuiverException;
import dev.quiver.error.SqlState;
import dev.quiver.exec.function.Strings;
import dev.quiver.exec.pipeline.TableSnapshot;
import dev.quiver.exec.vector.ArrowColumns;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.catalog.ColumnMetadata;
import dev.quiver.planner.catalog.TableHandle;
import dev.quiver.planner.catalog.TableStatistics;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * An in-memory table: columns and a copy-on-write list of {@link Chunk}s. Readers take a
 * {@link #snapshot()} and see exactly the rows committed before it, however long they read;
 * writers build new chunks off to the side and publish them atomically, so a change that fails
 * (a constraint, memory) leaves the table as it was.
 *
 * <p>Writers take the table's write lock: an append holds it while it checks and publishes; a
 * rewrite (DELETE, UPDATE, INSERT OR REPLACE) holds it through {@link #whileWriting} from reading
 * the rows to publishing their replacement, so no append made meanwhile is lost. Readers never wait
 * for it. The table's {@link UniqueConstraint}s are checked on every write, under the lock.
 */
public final class Table implements TableHandle {
    private final String name;
    private final List<ColumnMetadata> columns;
    private final BufferAllocator allocator;
    private volatile TableData data;
    /** Guarded by the object's monitor, as {@link #data} changes are. */
    private boolean dropped;
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Guarded by {@link #writeLock}. */
    private final UniqueConstraints unique;

    public Table(String name, List<ColumnMetadata> columns, BufferAllocator allocator) {
        this.name = requireNonNull(name, "name");
        this.columns = List.copyOf(columns);
        this.allocator = requireNonNull(allocator, "allocator");
        this.unique = new UniqueConstraints(name, this.columns);
        this.data = TableData.empty(types());
    }

    private List<DataType> types() {
        return columns.stream().map(ColumnMetadata::type).toList();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ColumnMetadata> columns() {
        return columns;
    }

    /** Statistics injected for the rows of one {@link TableData}: they stand until the next write. */
    private record Injected(TableData data, TableStatistics statistics) {
    }

    private volatile Injected injected;

    /**
     * Row count and per-column statistics, kept up to date by every write (see {@link TableSketch}),
     * unless statistics were injected since the last write.
     */
    @Override
    public TableStatistics statistics() {
        TableData current = data;
        Injected i = injected;
        if (i != null && i.data() == current) {
            return i.statistics();
        }
        return current.sketch().statistics(current.rowCount());
    }

    /**
     * Makes the planner see these statistics instead of the table's own until the next write: for
     * plan tests at a scale whose data is not loaded (as CockroachDB's INJECT STATISTICS). The
     * statistics must describe every column, or none.
     */
    public void injectStatistics(TableStatistics statistics) {
        requireNonNull(statistics, "statistics");
        if (!statistics.columns().isEmpty() && statistics.columns().size() != columns.size()) {
            throw new IllegalArgumentException("table \"" + name + "\" has " + columns.size() + " columns, the statistics describe "
                    + statistics.columns().size());
        }
        injected = new Injected(data, statistics);
    }

    /** The column's HyperLogLog estimate of distinct non-NULL values, kept up to date by every write. */
    @Override
    public OptionalLong distinctValues(int ordinal) {
        return statistics().column(ordinal).distinct();
    }

    /**
     * Recomputes the statistics from the current rows (ANALYZE). Every write already keeps them up
     * to date, so this changes them only where a sketch drifts: never for counts and ranges, and
     * within HyperLogLog's error for distinct values.
     */
    public void analyze() {
        writeLock.lock();
        try {
            TableData current = retainCurrent();
            try {
                TableSketch fresh = TableSketch.of(types(), current.chunks());
                synchronized (this) {
                    if (!dropped && data == current) {
                        data = new TableData(current.chunks(), current.rowCount(), fresh);
                        unique.sameRows(current, data);
                    }
                }
            } finally {
                current.chunks().forEach(Chunk::release);
            }
        } finally {
            writeLock.unlock();
        }
    }

    public long rowCount() {
        return data.rowCount();
    }

    /** A consistent view of the current rows; close it to let replaced chunks go. */
    public synchronized TableSnapshot snapshot() {
        TableData current = data;
        for (Chunk c : current.chunks()) {
            c.retain();
        }
        return new Snapshot(current);
    }

    /**
     * Appends rows given as Arrow vectors (one per table column, in table order, internal or API
     * types, {@code rows} rows each). Checks NOT NULL and VARCHAR lengths first; either all rows
     * are added or none. Returns the number of rows added.
     */
    public long append(List<FieldVector> vectors, int rows) {
        if (vectors.size() != columns.size()) {
            throw new QuiverException(SqlState.DATATYPE_MISMATCH,
                    "table \"" + name + "\" has " + columns.size() + " columns but " + vectors.size() + " were given");
        }
        for (int c = 0; c < columns.size(); c++) {
            if (!ArrowColumns.accepts(vectors.get(c), columns.get(c).type()) || !decimalFits(vectors.get(c), columns.get(c).type())) {
                throw new QuiverException(SqlState.DATATYPE_MISMATCH, "column \"" + columns.get(c).name() + "\" of table \""
                        + name + "\" is " + columns.get(c).type() + " but got Arrow " + vectors.get(c).getField().getType());
            }
            if (vectors.get(c).getValueCount() < rows) {
                throw new QuiverException(SqlState.INVALID_PARAMETER_VALUE, "column \"" + columns.get(c).name() + "\" has "
                        + vectors.get(c).getValueCount() + " values but the batch has " + rows + " rows; set every vector's value count");
            }
        }
        ValueVector[] values = new ValueVector[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            values[c] = new ValueVector(columns.get(c).type(), rows);
            ArrowColumns.read(vectors.get(c), columns.get(c).type(), null, rows, values[c], 0);
        }
        return append(values, rows);
    }

    /** A decimal vector's values mean the column's values only at the column's scale (and within its precision). */
    private static boolean decimalFits(FieldVector v, DataType type) {
        if (v.getField().getType() instanceof org.apache.arrow.vector.types.pojo.ArrowType.Decimal d) {
            return d.getScale() == type.scale() && d.getPrecision() <= type.precision();
        }
        return true;
    }

    /**
     * Appends rows given as heap vectors (entries 0..rows-1), with the same checks and atomicity,
     * and the unique constraints' checks. A small append tops up a partly filled last chunk (so
     * row-at-a-time INSERTs do not leave a chunk per row); a large one becomes chunks of its own.
     * Chunks of any size may follow each other; scans do not care.
     */
    public long append(ValueVector[] values, int rows) {
        writeLock.lock();
        try {
            checkRows(values, rows);
            if (rows == 0) {
                return 0;
            }
            TableData base = retainCurrent();
            try {
                UniqueConstraints.Checked checked = unique.check(base, values, rows);
                TableData published = rows < TableData.CHUNK_ROWS ? appendSmall(values, rows) : appendLarge(values, rows);
                unique.commit(published, checked);
            } finally {
                base.chunks().forEach(Chunk::release);
            }
            return rows;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Runs {@code work} holding the table's write lock, so that no other writer changes the rows
     * between {@code work} reading them (through snapshots) and replacing them with {@link #replace}.
     */
    public <T> T whileWriting(Supplier<T> work) {
        writeLock.lock();
        try {
            return work.get();
        } finally {
            writeLock.unlock();
        }
    }

    /** Rows on the heap: {@code count} entries of each column vector, in table column order. */
    public record Rows(ValueVector[] columns, int count) {
        public Rows {
            requireNonNull(columns, "columns");
        }
    }

    /**
     * The current rows as heap vectors. Only inside {@link #whileWriting}, so that they are still the
     * table's rows when the caller replaces them.
     */
    public Rows currentRows() {
        requireWriteLock("currentRows");
        TableData current = retainCurrent();
        try {
            ValueVector[] values = new ValueVector[columns.size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = current.readColumn(c, columns.get(c).type());
            }
            return new Rows(values, Math.toIntExact(current.rowCount()));
        } finally {
            current.chunks().forEach(Chunk::release);
        }
    }

    /**
     * The table's unique constraints (PRIMARY KEY, UNIQUE, unique indexes), which every write
     * enforces. Only inside {@link #whileWriting}, so that none is added or removed meanwhile.
     */
    public List<UniqueConstraint> uniqueConstraints() {
        requireWriteLock("uniqueConstraints");
        return unique.list();
    }

    /**
     * Checks rows to be written (entries 0..rows-1 of heap vectors in table column order) as every
     * write does: NOT NULL (a 23502 error) and VARCHAR lengths (a 22001 error), cutting excess
     * trailing spaces off as storing them would, so the rows afterwards hold the values the table
     * would store.
     */
    public void checkRows(ValueVector[] values, int rows) {
        for (int c = 0; c < columns.size(); c++) {
            check(columns.get(c), values[c], rows);
        }
    }

    private void requireWriteLock(String operation) {
        if (!writeLock.isHeldByCurrentThread()) {
            throw new IllegalStateException(operation + " outside whileWriting");
        }
    }

    /** Whether another thread waits for the write lock (for monitoring and tests). */
    public boolean hasWaitingWriters() {
        return writeLock.hasQueuedThreads();
    }

    /**
     * Replaces all rows with rows given as heap vectors (entries 0..rows-1), with the checks of an
     * append: all or nothing. Only inside {@link #whileWriting}.
     */
    public void replace(ValueVector[] values, int rows) {
        requireWriteLock("replace");
        checkRows(values, rows);
        UniqueConstraints.Checked checked = unique.check(TableData.EMPTY, values, rows);
        List<Chunk> built = buildChunks(values, rows);
        TableData replaced;
        TableData published = new TableData(built, rows, TableSketch.empty(types()).plus(values, rows));
        synchronized (this) {
            if (dropped) {
                built.forEach(Chunk::release);
                throw droppedError();
            }
            replaced = data;
            data = published;
        }
        replaced.chunks().forEach(Chunk::release);
        unique.commit(published, checked);
    }

    /**
     * Adds a unique constraint after checking that the current rows satisfy it (a 23505 error
     * naming a duplicated key if not).
     */
    public void addUniqueConstraint(UniqueConstraint constraint) {
        writeLock.lock();
        try {
            TableData current = retainCurrent();
            try {
                unique.add(constraint, current);
            } finally {
                current.chunks().forEach(Chunk::release);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Removes the unique constraint of that name, if there is one. */
    public void removeUniqueConstraint(String constraint) {
        writeLock.lock();
        try {
            unique.remove(constraint);
        } finally {
            writeLock.unlock();
        }
    }

    /** The current rows, their chunks retained (so a concurrent DROP cannot free them) until the caller releases them. */
    private synchronized TableData retainCurrent() {
        TableData current = data;
        current.chunks().forEach(Chunk::retain);
        return current;
    }

    /** The rows as new chunks of {@link TableData#CHUNK_ROWS} rows (the last one may be smaller). */
    private List<Chunk> buildChunks(ValueVector[] values, int rows) {
        List<Chunk> built = new ArrayList<>();
        try {
            for (int from = 0; from < rows; from += TableData.CHUNK_ROWS) {
                built.add(build(null, values, from, Math.min(TableData.CHUNK_ROWS, rows - from)));
            }
        } catch (RuntimeException e) {
            built.forEach(Chunk::release);
            throw memoryError(e);
        }
        return built;
    }

    private TableData appendLarge(ValueVector[] values, int rows) {
        List<Chunk> built = buildChunks(values, rows);
        synchronized (this) {
            if (dropped) {
                built.forEach(Chunk::release);
                throw droppedError();
            }
            List<Chunk> chunks = new ArrayList<>(data.chunks());
            chunks.addAll(built);
            data = new TableData(chunks, data.rowCount() + rows, data.sketch().plus(values, rows));
            return data;
        }
    }

    private synchronized TableData appendSmall(ValueVector[] values, int rows) {
        if (dropped) {
            throw droppedError();
        }
        TableData current = data;
        List<Chunk> chunks = new ArrayList<>(current.chunks());
        List<Chunk> created = new ArrayList<>();
        Chunk replacedTail = null;
        try {
            int taken = 0;
            if (!chunks.isEmpty() && chunks.get(chunks.size() - 1).rows() < TableData.CHUNK_ROWS) {
                // Top up the last chunk: rebuild it with its rows plus as many new ones as fit.
                Chunk tail = chunks.get(chunks.size() - 1);
                int fill = Math.min(rows, TableData.CHUNK_ROWS - tail.rows());
                Chunk rebuilt = build(tail, values, 0, fill);
                created.add(rebuilt);
                replacedTail = tail;
                chunks.set(chunks.size() - 1, rebuilt);
                taken = fill;
            }
            if (taken < rows) {
                Chunk c = build(null, values, taken, rows - taken);
                created.add(c);
                chunks.add(c);
            }
        } catch (RuntimeException e) {
            created.forEach(Chunk::release);
            throw memoryError(e);
        }
        data = new TableData(chunks, current.rowCount() + rows, current.sketch().plus(values, rows));
        if (replacedTail != null) {
            replacedTail.release();
        }
        return data;
    }

    private RuntimeException memoryError(RuntimeException e) {
        if (e instanceof org.apache.arrow.memory.OutOfMemoryException) {
            return new QuiverException(SqlState.OUT_OF_MEMORY, "out of memory appending to \"" + name + "\"", e);
        }
        return e;
    }

    private QuiverException droppedError() {
        return new QuiverException(SqlState.UNDEFINED_TABLE, "table \"" + name + "\" was dropped");
    }

    /** A new chunk: the rows of {@code prefix} (if any) followed by {@code values[from, from+n)}. */
    private Chunk build(Chunk prefix, ValueVector[] values, int from, int n) {
        int old = prefix == null ? 0 : prefix.rows();
        int total = old + n;
        FieldVector[] vectors = new FieldVector[columns.size()];
        try {
            int[] positions = new int[n];
            for (int k = 0; k < n; k++) {
                positions[k] = from + k;
            }
            for (int c = 0; c < columns.size(); c++) {
                DataType type = columns.get(c).type();
                vectors[c] = ArrowColumns.create(columns.get(c).name(), type, allocator, false);
                if (prefix == null) {
                    ArrowColumns.write(values[c], positions, n, vectors[c]);
                } else {
                    ValueVector buffer = new ValueVector(type, total);
                    ArrowColumns.read(prefix.column(c), type, null, old, buffer, 0);
                    buffer.copyRange(values[c], from, old, n);
                    ArrowColumns.write(buffer, null, total, vectors[c]);
                }
            }
        } catch (RuntimeException e) {
            for (FieldVector v : vectors) {
                if (v != null) {
                    v.close();
                }
            }
            throw e;
        }
        return new Chunk(vectors, total);
    }

    private void check(ColumnMetadata column, ValueVector v, int rows) {
        for (int r = 0; r < rows; r++) {
            if (v.nulls[r]) {
                if (!column.nullable()) {
                    throw new QuiverException(SqlState.NOT_NULL_VIOLATION, "null value in column \"" + column.name()
                            + "\" of relation \"" + name + "\" violates not-null constraint");
                }
            } else if (column.type().maxLength() > 0 && v.lengths[r] > column.type().maxLength()
                    && Strings.length(v.bytes, v.offsets[r], v.lengths[r]) > column.type().maxLength()) {
                // A string has at most as many characters as bytes: only long byte strings need counting.
                // As PostgreSQL: excess characters that are all spaces are cut off silently.
                int excess = Strings.length(v.bytes, v.offsets[r], v.lengths[r]) - column.type().maxLength();
                for (int i = 1; i <= excess; i++) {
                    if (v.bytes[v.offsets[r] + v.lengths[r] - i] != ' ') {
                        throw Strings.tooLong(column.type().maxLength());
                    }
                }
                v.lengths[r] -= excess;
            }
        }
    }

    /** Removes the table's rows from memory once no snapshot uses them. */
    public synchronized void drop() {
        dropped = true;
        TableData current = data;
        data = TableData.EMPTY;
        current.chunks().forEach(Chunk::release);
    }

    private static final class Snapshot implements TableSnapshot {
        private static final Optional<Boolean> HAS_NULLS = Optional.of(true);
        private static final Optional<Boolean> NO_NULLS = Optional.of(false);

        private final TableData data;
        private boolean closed;

        Snapshot(TableData data) {
            this.data = data;
        }

        @Override
        public int chunkCount() {
            return data.chunks().size();
        }

        @Override
        public int rowCount(int chunk) {
            return data.chunks().get(chunk).rows();
        }

        @Override
        public FieldVector column(int chunk, int ordinal) {
            return data.chunks().get(chunk).column(ordinal);
        }

        @Override
        public Optional<Boolean> hasNulls(int chunk, int ordinal) {
            return data.chunks().get(chunk).hasNulls(ordinal) ? HAS_NULLS : NO_NULLS;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                data.chunks().forEach(Chunk::release);
            }
        }
    }
}
