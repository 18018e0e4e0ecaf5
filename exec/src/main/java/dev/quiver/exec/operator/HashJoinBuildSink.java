package dev.quiver.exec.operator;

import static java.util.Objects.requireNonNull;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.expr.ExpressionEvaluator;
import dev.quiver.exec.expr.Layout;
import dev.quiver.exec.pipeline.LocalSink;
import dev.quiver.exec.pipeline.QueryContext;
import dev.quiver.exec.pipeline.Sink;
import dev.quiver.exec.vector.ValueComparisons;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.physical.HashJoin;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The sink of a hash join's build pipeline. Each worker copies its build rows (every column of the
 * build input) into heap columns, evaluates the build keys beside them and hashes them; the locals
 * are concatenated and {@link #finish} chains them into the {@link HashJoinTable} that the probe
 * pipeline, which runs next, reads. Everything is on the heap: nothing to release.
 */
public final class HashJoinBuildSink implements Sink {
    private final Layout input;
    private final List<DataType> types;
    private final List<Expr> keys;
    /** For each key, the input column it is, or -1 when it is computed. */
    private final int[] keyColumns;
    private final boolean[] nullSafe;
    /** Whether the join this sink was built for flags build rows in the table. */
    private final boolean flagged;
    private final List<Local> locals = new ArrayList<>();
    private HashJoinTable table;

    public HashJoinBuildSink(HashJoin join, Layout input) {
        requireNonNull(join, "join");
        this.input = requireNonNull(input, "input");
        this.types = input.columns().stream().map(ColumnRef::type).toList();
        this.keys = HashJoinKeys.build(join);
        this.keyColumns = keys.stream().mapToInt(k -> k instanceof ColumnRef c ? input.indexOf(c) : -1).toArray();
        this.nullSafe = new boolean[keys.size()];
        this.flagged = join.type().flagsBuildRows();
        for (int k = 0; k < nullSafe.length; k++) {
            nullSafe[k] = join.nullSafe().get(k);
        }
    }

    /**
     * Whether this sink's table serves {@code other} too, whose build input computes the same rows
     * with its columns renamed to this sink's by {@code renaming}: the same build keys, so renamed,
     * and the same null-safety. A join that flags build rows ({@link
     * dev.quiver.planner.plan.JoinType#flagsBuildRows}) writes to the table: its table serves no other
     * join, nor does another's serve it.
     */
    public boolean servesAlso(HashJoin other, Map<ColumnRef, ColumnRef> renaming) {
        if (flagged || other.type().flagsBuildRows()) {
            return false;
        }
        List<Expr> otherKeys = HashJoinKeys.build(other).stream().map(k -> Exprs.substitute(k, renaming)).toList();
        if (!otherKeys.equals(keys)) {
            return false;
        }
        for (int k = 0; k < nullSafe.length; k++) {
            if (other.nullSafe().get(k) != nullSafe[k]) {
                return false;
            }
        }
        return true;
    }

    /** The layout of the build rows: the build input's columns. */
    public Layout input() {
        return input;
    }

    /** The table, once {@link #finish} has run (the build pipeline runs before the probe). */
    public HashJoinTable table() {
        if (table == null) {
            throw new IllegalStateException("the hash join build pipeline has not run yet");
        }
        return table;
    }

    @Override
    public LocalSink createLocal(QueryContext context) {
        return new Local();
    }

    /** A worker's build rows, their key columns and key hashes, all dense by row. */
    private final class Local implements LocalSink {
        private final RowBuffer rows = new RowBuffer(types);
        private final ExpressionEvaluator[] evaluators = new ExpressionEvaluator[keyColumns.length];
        /** Key columns aligned with the rows: a column of {@link #rows}, or a vector of computed keys. */
        private final ValueVector[] keyValues = new ValueVector[keyColumns.length];
        private long[] hashes = new long[16];

        Local() {
            for (int k = 0; k < keyColumns.length; k++) {
                if (keyColumns[k] >= 0) {
                    keyValues[k] = rows.column(keyColumns[k]);
                } else {
                    evaluators[k] = ExpressionEvaluator.compile(keys.get(k), input);
                    keyValues[k] = new ValueVector(keys.get(k).type(), 16);
                }
            }
        }

        @Override
        public void consume(Batch batch, int morsel) {
            int n = batch.selectedCount();
            int[] sel = batch.positions();
            int base = rows.rows();
            rows.append(batch, n);
            for (int k = 0; k < evaluators.length; k++) {
                if (evaluators[k] != null) {
                    ValueVector computed = evaluators[k].evaluate(batch, sel, n);
                    ValueVector dst = keyValues[k];
                    dst.ensureCapacity(base + n);
                    for (int j = 0; j < n; j++) {
                        dst.copyFrom(computed, sel[j], base + j);
                    }
                }
            }
            hashFrom(base);
        }

        /** Hashes the keys of rows {@code from..rows()}. */
        private void hashFrom(int from) {
            int to = rows.rows();
            if (hashes.length < to) {
                hashes = Arrays.copyOf(hashes, Math.max(to, hashes.length * 2));
            }
            for (int r = from; r < to; r++) {
                hashes[r] = ValueComparisons.hashRow(keyValues, r);
            }
        }

        /**
         * Makes room for {@code rows} rows, computed keys and hashes at once, so that appending the
         * other workers' rows grows nothing again.
         */
        void reserve(int rows) {
            this.rows.reserve(rows);
            for (int k = 0; k < evaluators.length; k++) {
                if (evaluators[k] != null) {
                    keyValues[k].ensureCapacity(rows);
                }
            }
            if (hashes.length < rows) {
                hashes = Arrays.copyOf(hashes, rows);
            }
        }

        /** Appends another worker's rows, computed keys and hashes. */
        void appendAll(Local other) {
            int base = rows.rows();
            int n = other.rows.rows();
            rows.appendAll(other.rows);
            for (int k = 0; k < evaluators.length; k++) {
                if (evaluators[k] != null) {
                    keyValues[k].ensureCapacity(base + n);
                    keyValues[k].copyRange(other.keyValues[k], 0, base, n);
                }
            }
            if (hashes.length < base + n) {
                hashes = Arrays.copyOf(hashes, base + n);
            }
            System.arraycopy(other.hashes, 0, hashes, base, n);
        }

        @Override
        public long heapBytes() {
            long bytes = rows.heapBytes() + 8L * hashes.length;
            for (int k = 0; k < evaluators.length; k++) {
                bytes += evaluators[k] == null ? 0 : keyValues[k].heapBytes();
            }
            return bytes;
        }

        @Override
        public void close() {
        }
    }

    @Override
    public long heapBytes() {
        return table == null ? 0 : table.heapBytes();
    }

    @Override
    public void combine(LocalSink local, QueryContext context) {
        locals.add((Local) local);
    }

    @Override
    public void finish(QueryContext context) {
        Local all = locals.isEmpty() ? new Local() : locals.get(0);
        long total = 0;
        for (Local local : locals) {
            total += local.rows.rows();
        }
        // One growth for all the workers' rows and the table's all-NULL row after them
        // (HashJoinTable#nullRow), where appending worker by worker grew (and copied) the columns
        // once per worker, and once more for that row when they came out exactly full.
        all.reserve(Math.toIntExact(total + 1));
        for (int i = 1; i < locals.size(); i++) {
            context.checkCancelled();
            all.appendAll(locals.get(i));
        }
        locals.clear();
        table = new HashJoinTable(all.rows, all.keyValues, all.hashes, nullSafe);
    }
}
