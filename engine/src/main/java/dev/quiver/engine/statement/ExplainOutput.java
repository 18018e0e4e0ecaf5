package dev.quiver.engine.statement;

import static java.util.Objects.requireNonNull;

import dev.quiver.exec.pipeline.PipelineStats;
import dev.quiver.exec.pipeline.QueryContext;
import dev.quiver.parser.ast.ExplainFormat;
import dev.quiver.planner.explain.Json;
import dev.quiver.planner.explain.PlanJsonPrinter;
import dev.quiver.planner.explain.PlanPrinter;
import dev.quiver.planner.optimizer.OptimizedPlan;
import dev.quiver.planner.optimizer.OptimizerTrace;
import dev.quiver.planner.physical.PhysicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The result of EXPLAIN: the rows of its one column, "QUERY PLAN", for a planned query and, with
 * ANALYZE, what one execution of it did.
 *
 * <p>{@code FORMAT TEXT} gives one row per line: the plan as {@link PlanPrinter} prints it (with
 * ANALYZE, each operator's actual rows under it); with ANALYZE a blank line, one line per pipeline,
 * the execution time and rows, the query's peak Arrow memory and the q-error of the estimates; a
 * warning whenever the optimizer's search budget ran out (the plan is then the best found so far);
 * with RULES the optimizer's trace (search time, groups, expressions, budget, each rule that fired
 * and how often); and last the planning time.
 *
 * <p>{@code FORMAT JSON} gives one row holding one JSON object with the same information: "Plan" (as
 * {@link PlanJsonPrinter} renders it; with ANALYZE each operator has "Actual Rows", null where it was
 * not counted), with ANALYZE "Pipelines", "Execution Time", "Rows", "Execution Mode", "Peak Memory"
 * and "Estimates" (null when nothing was counted), always "Search Budget Exceeded", with RULES
 * "Optimizer", and "Planning Time". Times are milliseconds, memory is bytes.
 */
public final class ExplainOutput {
    private final OptimizedPlan optimized;
    private final Optional<Analysis> analysis;
    private final ExplainFormat format;
    private final boolean rules;

    public ExplainOutput(OptimizedPlan optimized, Optional<Analysis> analysis, ExplainFormat format, boolean rules) {
        this.optimized = requireNonNull(optimized, "optimized");
        this.analysis = requireNonNull(analysis, "analysis");
        this.format = requireNonNull(format, "format");
        this.rules = rules;
    }

    /**
     * What one execution of the plan did, read from its query context before the context is closed:
     * the rows each node produced, each pipeline's statistics, the wall time, the result rows, the
     * execution mode's name, and the most memory the query held at once (Arrow memory and the heap its sinks hold).
     */
    public record Analysis(ActualRows actualRows, List<PipelineStats> pipelines, long executionNanos, long resultRows, String mode,
            long peakMemoryBytes) {
        public Analysis {
            requireNonNull(actualRows, "actualRows");
            pipelines = List.copyOf(pipelines);
            requireNonNull(mode, "mode");
        }

        public static Analysis of(QueryContext context, long executionNanos, long resultRows, String mode) {
            return new Analysis(ActualRows.of(context), context.stats(), executionNanos, resultRows, mode, context.peakMemoryBytes());
        }
    }

    /** The rows of the "QUERY PLAN" column. */
    public List<String> rows() {
        return format == ExplainFormat.JSON ? List.of(json().render()) : text();
    }

    private List<String> text() {
        PhysicalPlan plan = optimized.plan();
        OptimizerTrace trace = optimized.trace();
        List<String> lines = new ArrayList<>();
        if (analysis.isEmpty()) {
            lines.addAll(List.of(PlanPrinter.print(plan).split("\n")));
        } else {
            Analysis a = analysis.get();
            lines.addAll(List.of(PlanPrinter.print(plan, a.actualRows()::annotate).split("\n")));
            lines.add("");
            for (PipelineStats s : a.pipelines()) {
                lines.add(String.format(Locale.ROOT, "Pipeline %d: %s: %s%s, rows in %d, out %d, %s ms", s.pipeline(), s.description(),
                        s.mode(), s.compileNanos() > 0 ? " (compile " + millis(s.compileNanos()) + " ms"
                                + (s.janinoNanos() > 0 ? ", Janino " + millis(s.janinoNanos()) + " ms" : ", class reused") + ")" : "",
                        s.rowsIn(), s.rowsOut(), millis(s.nanos())));
            }
            lines.add(String.format(Locale.ROOT, "Execution: %s ms, %d rows (mode %s)", millis(a.executionNanos()), a.resultRows(), a.mode()));
            lines.add("Peak memory: " + bytes(a.peakMemoryBytes()));
            a.actualRows().summary(plan).map(ActualRows.QErrorSummary::text).ifPresent(lines::add);
        }
        if (trace.budgetExceeded()) {
            lines.add("Search budget exceeded: the plan shown is the best found so far "
                    + "(optimizer_max_rule_applications and optimizer_max_millis set the budget)");
        }
        if (rules) {
            lines.addAll(List.of(("Optimizer " + trace).split("\n")));
        }
        lines.add("Planning: " + millis(trace.elapsedNanos()) + " ms");
        return lines;
    }

    private Json.JsonObject json() {
        PhysicalPlan plan = optimized.plan();
        OptimizerTrace trace = optimized.trace();
        Json.JsonObject.Builder root = Json.object();
        if (analysis.isEmpty()) {
            root.put("Plan", PlanJsonPrinter.toJson(plan));
        } else {
            Analysis a = analysis.get();
            root.put("Plan", PlanJsonPrinter.toJson(plan, node -> List.of(new Json.JsonObject.Member("Actual Rows",
                    count(a.actualRows().of(node))))));
            root.put("Pipelines", Json.array(a.pipelines().stream().map(ExplainOutput::pipeline).toList()))
                    .put("Execution Time", Json.number(a.executionNanos() / 1e6, 3))
                    .put("Rows", a.resultRows())
                    .put("Execution Mode", a.mode())
                    .put("Peak Memory", a.peakMemoryBytes())
                    .put("Estimates", a.actualRows().summary(plan).<Json>map(q -> Json.object()
                            .put("Q-Error Geometric Mean", Json.number(q.geometricMean(), 3))
                            .put("Worst Q-Error", Json.number(q.worst(), 1))
                            .put("Worst Join Input Q-Error", Json.number(q.worstJoinInput(), 1))
                            .put("Operators", q.operators())
                            .build()).orElse(Json.NULL));
        }
        root.put("Search Budget Exceeded", trace.budgetExceeded());
        if (rules) {
            Json.JsonObject.Builder fired = Json.object();
            new TreeMap<>(trace.firedRules()).forEach((rule, count) -> fired.put(rule, count));
            root.put("Optimizer", Json.object()
                    .put("Search Time", Json.number(trace.elapsedNanos() / 1e6, 3))
                    .put("Groups", trace.groupCount())
                    .put("Expressions", trace.expressionCount())
                    .put("Rules Fired", fired.build())
                    .build());
        }
        return root.put("Planning Time", Json.number(trace.elapsedNanos() / 1e6, 3)).build();
    }

    /** A count, or null when there is none. */
    private static Json count(OptionalLong count) {
        return count.isPresent() ? Json.number(count.getAsLong()) : Json.NULL;
    }

    private static Json pipeline(PipelineStats s) {
        return Json.object()
                .put("Id", s.pipeline())
                .put("Description", s.description())
                .put("Mode", s.mode())
                .put("Compile Time", Json.number(s.compileNanos() / 1e6, 3))
                .put("Janino Time", Json.number(s.janinoNanos() / 1e6, 3))
                .put("Rows In", s.rowsIn())
                .put("Rows Out", s.rowsOut())
                .put("Time", Json.number(s.nanos() / 1e6, 3))
                .build();
    }

    /** Nanoseconds as milliseconds with three decimals. */
    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    /** Bytes in the largest binary unit that keeps the number at least 1: {@code 512 B}, {@code 12.3 MiB}. */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
