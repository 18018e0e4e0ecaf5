package dev.quiver.exec.pipeline;

import dev.quiver.exec.batch.Batch;
import dev.quiver.exec.operator.BatchOperator;
import dev.quiver.exec.operator.FilterOperator;
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
                if (spec instanceof OperatorSpec.FilterSpec f) {
                    operators.add(new FilterOperator(f.predicate(), f.input()));
                } else {
                    OperatorSpec.ProjectSpec p = (OperatorSpec.ProjectSpec) spec;
                    operators.add(new ProjectOperator(p.assignments(), p.input(), context.allocator()));
                }
            }
        } catch (RuntimeException e) {
            operators.forEach(BatchOperator::close);
            throw e;
        }
        return operators;
    }

    private static final class InterpretedDriver implements Driver {
        private final List<BatchOperator> operators;
        private final LocalSink local;
        private long rowsIn;
        private long rowsOut;

        InterpretedDriver(Pipeline pipeline, QueryContext context) {
            operators = operators(pipeline, context);
            LocalSink sink;
            try {
                sink = pipeline.sink().createLocal(context);
            } catch (RuntimeException e) {
                operators.forEach(BatchOperator::close);
                throw e;
            }
            local = sink;
        }

        @Override
        public void push(Batch batch, int morsel) {
            rowsIn += batch.selectedCount();
            Batch b = batch;
            for (BatchOperator op : operators) {
                if (b.selectedCount() == 0) {
                    return;
                }
                b = op.process(b);
            }
            if (b.selectedCount() > 0 || b.columnCount() == 0) {
                rowsOut += b.selectedCount();
                local.consume(b, morsel);
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
        public void close() {
            operators.forEach(BatchOperator::close);
        }
    }
}
