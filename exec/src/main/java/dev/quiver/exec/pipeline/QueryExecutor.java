package dev.quiver.exec.pipeline;

import dev.quiver.exec.operator.ResultSink;
import dev.quiver.planner.physical.PhysicalPlan;
import java.util.List;

/** Runs a physical plan to completion and returns its result batches. */
public final class QueryExecutor {
    private QueryExecutor() {
    }

    /**
     * Executes the plan; the returned result's batches are owned by the caller (and allocated from
     * the context's allocator, so the context must outlive them).
     */
    public static QueryOutput execute(PhysicalPlan plan, List<String> names, QueryContext context, DriverFactory factory) {
        PipelineBuilder.BuiltQuery query = PipelineBuilder.build(plan, names);
        context.observe(query.observations());
        ResultSink result = query.result();
        try {
            for (Pipeline p : query.pipelines()) {
                context.checkCancelled();
                PipelineExecutor.run(p, context, factory);
            }
        } catch (RuntimeException | Error e) {
            result.discard();
            throw e;
        }
        return new QueryOutput(result.names(), result.types(), result.batches());
    }
}
