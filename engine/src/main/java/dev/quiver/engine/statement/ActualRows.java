package dev.quiver.engine.statement;

import static java.util.Objects.requireNonNull;

import dev.quiver.exec.pipeline.PipelineStats;
import dev.quiver.exec.pipeline.PlanObservation;
import dev.quiver.exec.pipeline.QueryContext;
import dev.quiver.planner.physical.HashJoin;
import dev.quiver.planner.physical.PhysicalPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The rows each node of an executed plan actually produced, for EXPLAIN ANALYZE, next to the
 * optimizer's estimate. A node's rows are counted where its pipeline observes them: at a source
 * (scans, and the output of aggregations, sorts and other breakers), or after the filter,
 * projection or join probe inside the pipeline, interpreted or compiled alike; a node whose
 * pipeline never ran has no count.
 *
 * <p>The summary is the q-error of the estimates (max(estimate/actual, actual/estimate), both at
 * least one row; Moerkotte, Neumann and Steidl, "Preventing Bad Plans by Bounding the Impact of
 * Cardinality Estimation Errors", VLDB 2009): its geometric mean and its worst case.
 */
public final class ActualRows {
    private final Map<PhysicalPlan, PlanObservation> observations;
    private final Map<Integer, PipelineStats> pipelines;

    private ActualRows(Map<PhysicalPlan, PlanObservation> observations, Map<Integer, PipelineStats> pipelines) {
        this.observations = requireNonNull(observations, "observations");
        this.pipelines = requireNonNull(pipelines, "pipelines");
    }

    /** The counts of the query that ran in {@code context}. */
    public static ActualRows of(QueryContext context) {
        Map<Integer, PipelineStats> pipelines = new HashMap<>();
        for (PipelineStats s : context.stats()) {
            pipelines.putIfAbsent(s.pipeline(), s);
        }
        return new ActualRows(context.observations(), pipelines);
    }

    /** The rows {@code node} produced, if they were counted. */
    public OptionalLong of(PhysicalPlan node) {
        PlanObservation o = observations.get(node);
        if (o == null || !pipelines.containsKey(o.pipeline())) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(o.actualRows(pipelines.get(o.pipeline())));
    }

    /** The EXPLAIN ANALYZE line under {@code node}. */
    public List<String> annotate(PhysicalPlan node) {
        OptionalLong rows = of(node);
        return List.of(rows.isPresent() ? "actual rows=" + rows.getAsLong() : "actual rows: not counted");
    }

    /** The q-error of every counted node of the plan under {@code root}. */
    public List<Double> qErrors(PhysicalPlan root) {
        List<Double> errors = new ArrayList<>();
        collect(root, errors, false);
        return errors;
    }

    /** The q-error of every counted input of a join in the plan under {@code root}. */
    public List<Double> joinInputQErrors(PhysicalPlan root) {
        List<Double> errors = new ArrayList<>();
        collect(root, errors, true);
        return errors;
    }

    private void collect(PhysicalPlan node, List<Double> errors, boolean joinInputsOnly) {
        boolean join = node.operator() instanceof HashJoin;
        for (PhysicalPlan input : node.inputs()) {
            if (!joinInputsOnly || join) {
                qError(input).ifPresent(errors::add);
            }
            collect(input, errors, joinInputsOnly);
        }
    }

    private Optional<Double> qError(PhysicalPlan node) {
        OptionalLong rows = of(node);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        double estimate = Math.max(1, node.estimatedRows());
        double actual = Math.max(1, rows.getAsLong());
        return Optional.of(Math.max(estimate / actual, actual / estimate));
    }

    /**
     * The q-errors of the plan's counted nodes: their geometric mean, the worst, the worst of a join's
     * input (1 when no join input was counted), and how many nodes they are.
     */
    public record QErrorSummary(double geometricMean, double worst, double worstJoinInput, int operators) {
        /** The EXPLAIN ANALYZE line: "Estimates: q-error geometric mean ...". */
        public String text() {
            return String.format(Locale.ROOT, "Estimates: q-error geometric mean %.3f, worst %.1f, worst join input %.1f, over %d operators",
                    geometricMean, worst, worstJoinInput, operators);
        }
    }

    /** The q-error summary of the plan's counted nodes, if any were counted. */
    public Optional<QErrorSummary> summary(PhysicalPlan root) {
        List<Double> errors = new ArrayList<>();
        qError(root).ifPresent(errors::add);
        errors.addAll(qErrors(root));
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        double logSum = errors.stream().mapToDouble(Math::log).sum();
        double worst = errors.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double worstJoinInput = joinInputQErrors(root).stream().mapToDouble(Double::doubleValue).max().orElse(1);
        return Optional.of(new QErrorSummary(Math.exp(logSum / errors.size()), worst, worstJoinInput, errors.size()));
    }
}
