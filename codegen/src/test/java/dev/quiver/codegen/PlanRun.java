package dev.quiver.codegen;

import dev.quiver.exec.pipeline.DriverFactory;
import dev.quiver.exec.pipeline.PipelineStats;
import dev.quiver.exec.pipeline.QueryContext;
import dev.quiver.exec.pipeline.QueryExecutor;
import dev.quiver.exec.pipeline.QueryOutput;
import dev.quiver.exec.testing.MiniDb;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.physical.PhysicalPlan;
import java.util.Comparator;
import java.util.List;

/** The rows a physical plan produced under one driver factory, and the statistics of its pipelines. */
record PlanRun(List<List<Object>> rows, List<PipelineStats> stats) {
    /** Runs {@code plan} over {@code db}'s tables with {@code factory}'s drivers. */
    static PlanRun of(MiniDb db, PhysicalPlan plan, DriverFactory factory) {
        List<String> names = plan.outputColumns().stream().map(ColumnRef::name).toList();
        try (QueryContext context = db.context()) {
            try (QueryOutput output = QueryExecutor.execute(plan, names, context, factory)) {
                return new PlanRun(MiniDb.rows(output), context.stats());
            }
        }
    }

    /** The rows as sorted text, to compare runs as multisets. */
    List<String> sortedRows() {
        return rows.stream().map(Object::toString).sorted(Comparator.naturalOrder()).toList();
    }

    /** Each pipeline's execution mode, in pipeline order. */
    List<String> modes() {
        return stats.stream().map(PipelineStats::mode).toList();
    }
}
