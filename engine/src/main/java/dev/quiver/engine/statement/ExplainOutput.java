package dev.quiver.engine.statement;

import static java.util.Objects.requireNonNull;

import dev.quiver.exec.pipeline.PipelineStats;
import dev.quiver.exec.pipeline.QueryContext;
import dev.quiver.planner.explain.PlanPrinter;
import dev.quiver.planner.optimizer.OptimizedPlan;
import dev.quiver.planner.physical.PhysicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The result of EXPLAIN: the rows of its one column, "QUERY PLAN", for a planned query and, with
 * ANALYZE, what its execution did. The plan is printed by the planner ({@link PlanPrinter}), one
 * row per line, followed by the pipelines and totals of the execution, if any, and the planning
 * time last.
 */
public final class ExplainOutput {
    private final OptimizedPlan optimized;
    private final Optional<Analysis> analysis;

    public ExplainOutput(OptimizedPlan optimized, Optional<Analysis> analysis) {
        this.optimized = requireNonNull(optimized, "optimized");
        this.analysis = requireNonNull(analysis, "analysis");
    }

    /**
     * What one execution of the plan did, read from its query context before the context is closed:
     * the rows each node produced, each pipeline's statistics, the wall time, the result rows, and the
     * execution mode's name.
     */
    public record Analysis(ActualRows actualRows, List<PipelineStats> pipelines, long executionNanos, long resultRows, String mode) {
        public Analysis {
            requireNonNull(actualRows, "actualRows");
            pipelines = List.copyOf(pipelines);
            requireNonNull(mode, "mode");
        }

        public static Analysis of(QueryContext context, long executionNanos, long resultRows, String mode) {
            return new Analysis(ActualRows.of(context), context.stats(), executionNanos, resultRows, mode);
        }
    }

    /** The rows of the "QUERY PLAN" column. */
    public List<String> rows() {
        PhysicalPlan plan = optimized.plan();
        List<String> lines = new ArrayList<>();
        if (analysis.isEmpty()) {
            lines.addAll(List.of(PlanPrinter.print(plan).split("\n")));
        } else {
            Analysis a = analysis.get();
            lines.addAll(List.of(PlanPrinter.print(plan, a.actualRows()::annotate).split("\n")));
            lines.add("");
            for (PipelineStats s : a.pipelines()) {
                lines.add(String.format(Locale.ROOT, "Pipeline %d: %s: %s%s, rows in %d, out %d, %.3f ms", s.pipeline(), s.description(),
                        s.mode(), s.compileNanos() > 0 ? String.format(Locale.ROOT, " (compile %.3f ms)", s.compileNanos() / 1e6) : "",
                        s.rowsIn(), s.rowsOut(), s.nanos() / 1e6));
            }
            lines.add(String.format(Locale.ROOT, "Execution: %.3f ms, %d rows (mode %s)", a.executionNanos() / 1e6, a.resultRows(), a.mode()));
            a.actualRows().summary(plan).ifPresent(lines::add);
        }
        lines.add(String.format(Locale.ROOT, "Planning: %.3f ms", optimized.trace().elapsedNanos() / 1e6));
        return lines;
    }
}
