package dev.quiver.codegen.runtime;

import dev.quiver.exec.pipeline.Driver;
import dev.quiver.exec.pipeline.LocalSink;
import dev.quiver.exec.pipeline.QueryContext;
import dev.quiver.exec.vector.ArrowColumns;
import dev.quiver.planner.type.DataType;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;

/**
 * The base of every generated pipeline class. A generated class fuses the pipeline's filters and
 * projection into one loop over each batch's selected rows and either feeds an aggregation's state
 * directly or hands a batch (input vectors plus the computed ones, with a new selection) to the
 * local sink. Constructors of generated classes take {@code (Object[] constants, LocalSink local,
 * QueryContext context, DriverOptions options)}; literals live in {@code constants}, never in the
 * source, so one class serves every query that differs only in its constants, and the run's
 * options in {@code options}.
 */
public abstract class CompiledDriver implements Driver {
    /** The one-row selection used when a generated row calls a vectorized kernel. */
    protected static final int[] ZERO = {0};
    /** The bytes of a NULL or empty string component. */
    protected static final byte[] EMPTY_BYTES = new byte[0];

    protected final Object[] constants;
    protected final LocalSink local;
    protected final QueryContext context;
    protected final DriverOptions options;
    protected long rowsIn;
    protected long rowsOut;
    private int[] selection = new int[0];
    private FieldVector[] owned = new FieldVector[0];
    /** The writers {@link #writer} made, in order. */
    private ColumnWriter[] writers = new ColumnWriter[0];

    protected CompiledDriver(Object[] constants, LocalSink local, QueryContext context, DriverOptions options) {
        this.constants = constants;
        this.local = local;
        this.context = context;
        this.options = options;
    }

    /** A selection buffer of at least {@code rows} entries, reused across batches. */
    protected final int[] selectionBuffer(int rows) {
        if (selection.length < rows) {
            selection = new int[rows];
        }
        return selection;
    }

    /*
     * Rare events (a buffer growing, a join pair count reaching a cancellation check) are tested in
     * the methods below rather than by a test in each generated class. The JIT keeps one branch
     * profile per method, used wherever the method is inlined. A class's own test, profiled in the
     * class's first batches as never true, was compiled as a trap; the first true one (a later run's
     * new driver growing its buffer, say) threw the class's whole compiled push away, to be profiled
     * and compiled again, once per class. Here the event is seen (or traps a few times) once per
     * process, and from then on the JIT compiles both ways.
     */

    /** {@code a} when it has at least {@code n} entries, else a new array of {@code n}. */
    protected static int[] atLeast(int[] a, int n) {
        return a.length >= n ? a : new int[n];
    }

    /** {@code a} when it has at least {@code n} entries, else a new array of at least {@code n} and twice {@code a}'s. */
    protected static byte[] atLeast(byte[] a, int n) {
        return a.length >= n ? a : new byte[Math.max(n, a.length * 2)];
    }

    /**
     * {@code pairs + 1}, a count of join pairs, checking for cancellation whenever the new count's
     * bits under {@code mask} (a power of two less one) are all zero.
     */
    protected final int countPair(int pairs, int mask) {
        int counted = pairs + 1;
        if ((counted & mask) == 0) {
            context.checkCancelled();
        }
        return counted;
    }

    /** Registers a vector the driver owns (closed with the driver). */
    protected final FieldVector own(FieldVector v) {
        owned = Arrays.copyOf(owned, owned.length + 1);
        owned[owned.length - 1] = v;
        return v;
    }

    /**
     * A writer of a new vector named {@code name} of {@code type}, which the driver owns; {@link
     * #beginWriters} and {@link #finishWriters} act on it with every other writer made so.
     */
    protected final ColumnWriter writer(String name, DataType type) {
        ColumnWriter w = ColumnWriter.create(own(ArrowColumns.create(name, type, context.allocator(), false)), type);
        writers = Arrays.copyOf(writers, writers.length + 1);
        writers[writers.length - 1] = w;
        return w;
    }

    /** {@link ColumnWriter#begin} of every writer {@link #writer} made, in order. */
    protected final void beginWriters(int rows) {
        for (ColumnWriter w : writers) {
            w.begin(rows);
        }
    }

    /** {@link ColumnWriter#finish} of every writer {@link #writer} made, in order. */
    protected final void finishWriters(int rows) {
        for (ColumnWriter w : writers) {
            w.finish(rows);
        }
    }

    /** Checks once per batch that every row the loop may touch exists in the vector. */
    protected static void checkBounds(FieldVector v, int rows) {
        if (v.getValueCount() < rows) {
            throw new IllegalStateException("vector " + v.getName() + " has " + v.getValueCount() + " values, batch has " + rows);
        }
    }

    @Override
    public final LocalSink local() {
        return local;
    }

    @Override
    public final long rowsIn() {
        return rowsIn;
    }

    @Override
    public final long rowsOut() {
        return rowsOut;
    }

    @Override
    public void close() {
        for (FieldVector v : owned) {
            v.close();
        }
        owned = new FieldVector[0];
    }
}
