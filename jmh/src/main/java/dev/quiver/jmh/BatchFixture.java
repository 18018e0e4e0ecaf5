package dev.quiver.jmh;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.batch.Selections;
import dev.quiver.exec.expr.ExpressionEvaluator;
import dev.quiver.exec.expr.Layout;
import dev.quiver.exec.operator.BatchOperator;
import dev.quiver.exec.operator.Downstream;
import dev.quiver.exec.operator.HashJoinBuildSink;
import dev.quiver.exec.operator.HashJoinTable;
import dev.quiver.exec.pipeline.LocalSink;
import dev.quiver.exec.pipeline.QueryContext;
import dev.quiver.exec.pipeline.Scheduler;
import dev.quiver.exec.vector.ArrowColumns;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.physical.HashJoin;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * What the kernel benchmarks give the production operators and expressions: a query context with
 * its own Arrow allocator, and input columns cut into batches of {@link Selections#BATCH_SIZE}
 * rows in the internal Arrow types, as a table scan hands them on. {@link #close} frees every
 * vector and fails if any Arrow memory was not released.
 */
final class BatchFixture implements AutoCloseable {
    private final RootAllocator root = new RootAllocator();
    private final Scheduler scheduler = new Scheduler(1);
    private final QueryContext context;
    private final List<FieldVector> vectors = new ArrayList<>();

    BatchFixture() {
        context = new QueryContext(root.newChildAllocator("benchmark", 0, Long.MAX_VALUE), scheduler, table -> {
            throw new UnsupportedOperationException("kernel benchmarks read no tables");
        }, 1);
    }

    QueryContext context() {
        return context;
    }

    /** A query context of its own, sharing the fixture's allocator and scheduler: closing it frees what it registered. */
    QueryContext newContext() {
        return new QueryContext(root.newChildAllocator("query", 0, Long.MAX_VALUE), scheduler, table -> {
            throw new UnsupportedOperationException("kernel benchmarks read no tables");
        }, 1);
    }

    /** A dense heap column of {@code rows} LONG-kind values (BIGINT, DATE, short DECIMAL) computed per row. */
    static ValueVector longs(DataType type, int rows, IntToLongFunction value) {
        ValueVector v = new ValueVector(type, rows);
        for (int i = 0; i < rows; i++) {
            v.longs[i] = value.applyAsLong(i);
        }
        return v;
    }

    /** A dense heap VARCHAR column holding the strings. */
    static ValueVector strings(List<String> values) {
        ValueVector v = new ValueVector(DataType.VARCHAR, values.size());
        for (int i = 0; i < values.size(); i++) {
            v.setString(i, values.get(i));
        }
        return v;
    }

    /**
     * Rows {@code 0..rows} of the dense heap columns as batches of {@link Selections#BATCH_SIZE}
     * rows, column c named and typed by {@code columns.get(c)}. The vectors live until {@link #close}.
     */
    List<Batch> batches(int rows, List<ColumnRef> columns, ValueVector... values) {
        List<Batch> batches = new ArrayList<>();
        int[] positions = new int[Selections.BATCH_SIZE];
        for (int start = 0; start < rows; start += Selections.BATCH_SIZE) {
            int n = Math.min(Selections.BATCH_SIZE, rows - start);
            for (int k = 0; k < n; k++) {
                positions[k] = start + k;
            }
            FieldVector[] batch = new FieldVector[columns.size()];
            for (int c = 0; c < batch.length; c++) {
                ColumnRef column = columns.get(c);
                batch[c] = ArrowColumns.create(column.name(), column.type(), context.allocator(), false);
                vectors.add(batch[c]);
                ArrowColumns.write(values[c], positions, n, batch[c]);
            }
            batches.add(Batch.of(batch, n));
        }
        return batches;
    }

    /**
     * Evaluates the expression on every row of the batches, as a projection or a filter's conjunct
     * does, and returns the last batch's result (position-aligned with it, valid until the next call).
     */
    static ValueVector evaluateAll(ExpressionEvaluator expression, List<Batch> batches) {
        ValueVector result = null;
        for (Batch b : batches) {
            result = expression.evaluate(b, b.positions(), b.selectedCount());
        }
        return result;
    }

    /**
     * Pushes every batch through the operator and returns the number of rows it passed on: counting
     * is the cheapest consumer that still sees every output batch.
     */
    static long pushAll(BatchOperator operator, List<Batch> batches) {
        long[] rows = {0};
        Downstream counter = out -> rows[0] += out.selectedCount();
        for (Batch b : batches) {
            operator.process(b, counter);
        }
        return rows[0];
    }

    /** The table of {@code join} built from {@code batches} by its build sink, as one worker of the build pipeline would. */
    HashJoinTable buildTable(HashJoin join, Layout layout, List<Batch> batches) {
        HashJoinBuildSink sink = new HashJoinBuildSink(join, layout);
        LocalSink local = sink.createLocal(context);
        for (Batch b : batches) {
            local.consume(b, 0);
        }
        sink.combine(local, context);
        sink.finish(context);
        return sink.table();
    }

    @Override
    public void close() {
        vectors.forEach(FieldVector::close);
        vectors.clear();
        context.close(); // throws if an operator leaked Arrow memory
        scheduler.close();
        root.close(); // throws if any Arrow memory is still allocated
    }
}
