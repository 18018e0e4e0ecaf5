package dev.quiver.exec.pipeline;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.operator.BatchOperator;
import dev.quiver.exec.operator.Downstream;
import dev.quiver.exec.operator.FilterOperator;
import dev.quiver.exec.operator.HashJoinProbeOperator;
import dev.quiver.exec.operator.ProjectOperator;
import java.util.ArrayList;
import java.util.List;

/** Runs pipelines with the interpreter: each operator evaluates its expressions batch by batch. */
public final class InterpretedDriverFactory implements DriverFactory {
    public static final InterpretedDriverFactory INSTANCE = new InterpretedDriverFactory();

    @Override
    public PreparedPipeline prepare(Pipeline pipeline, QueryContext context) {
        return new PreparedPipeline() {
            @Override
            public Driver createDriver(QueryContext ctx) {
                return new InterpretedDriver(pipeline, ctx);
            }

            @Override
            public String mode() {
                return "interpreted";
            }

            @Override
            public long compileNanos() {
                return 0;
            }
        };
    }

    /** Instantiates the operators of a pipeline for one worker (also the fallback of compiled drivers). */
    public static List<BatchOperator> operators(Pipeline pipeline, QueryContext context) {
        List<BatchOperator> operators = new ArrayList<>();
        try {
            for (OperatorSpec spec : pipeline.operators()) {
                operators.add(operator(spec, context));
            }
        } catch (RuntimeException e) {
            operators.forEach(BatchOperator::close);
            throw e;
        }
        return operators;
    }

    private static BatchOperator operator(OperatorSpec spec, QueryContext context) {
        if (spec instanceof OperatorSpec.FilterSpec f) {
            return new FilterOperator(f.predicate(), f.input());
        }
        if (spec instanceof OperatorSpec.ProjectSpec p) {
            return new ProjectOperator(p.assignments(), p.input(), context.allocator());
        }
        OperatorSpec.HashJoinProbeSpec j = (OperatorSpec.HashJoinProbeSpec) spec;
        return new HashJoinProbeOperator(j.join(), j.build().table(), j.input(), j.buildColumns(), context);
    }

    /**
     * A chain of stages, one per operator and one for the sink, built once per worker: stage i hands
     * a non-empty batch to operator i, which pushes its output into stage i + 1.
     */
    private static final class InterpretedDriver implements Driver {
        private final BatchOperator[] operators;
        private final Downstream[] stages;
        /** What each operator passes on, counted: outputs[i] feeds stage i + 1. */
        private final Downstream[] outputs;
        private final long[] operatorRows;
        private final LocalSink local;
        private int morsel;
        private long rowsIn;
        private long rowsOut;

        InterpretedDriver(Pipeline pipeline, QueryContext context) {
            List<BatchOperator> ops = operators(pipeline, context);
            LocalSink sink;
            try {
                sink = pipeline.sink().createLocal(context);
            } catch (RuntimeException e) {
                ops.forEach(BatchOperator::close);
                throw e;
            }
            local = sink;
            operators = ops.toArray(new BatchOperator[0]);
            stages = new Downstream[operators.length + 1];
            outputs = new Downstream[operators.length];
            operatorRows = new long[operators.length];
            stages[operators.length] = this::toSink;
            for (int i = operators.length - 1; i >= 0; i--) {
                BatchOperator op = operators[i];
                Downstream next = stages[i + 1];
                int index = i;
                Downstream after = b -> {
                    operatorRows[index] += b.selectedCount();
                    next.push(b);
                };
                outputs[i] = after;
                stages[i] = b -> {
                    if (b.selectedCount() > 0) {
                        op.process(b, after);
                    }
                };
            }
        }

        private void toSink(Batch b) {
            if (b.selectedCount() > 0 || b.columnCount() == 0) {
                rowsOut += b.selectedCount();
                local.consume(b, morsel);
            }
        }

        @Override
        public void push(Batch batch, int m) {
            morsel = m;
            rowsIn += batch.selectedCount();
            stages[0].push(batch);
        }

        @Override
        public void finish(int m) {
            morsel = m;
            for (int i = 0; i < operators.length; i++) {
                operators[i].finish(outputs[i]);
            }
        }

        @Override
        public LocalSink local() {
            return local;
        }

        @Override
        public long rowsIn() {
            return rowsIn;
        }

        @Override
        public long rowsOut() {
            return rowsOut;
        }

        @Override
        public long[] operatorRowsOut() {
            return operatorRows.clone();
        }

        @Override
        public void close() {
            for (BatchOperator op : operators) {
                op.close();
            }
        }
    }
}
