package dev.quiver.exec.pipeline;

import dev.quiver.exec.expr.Layout;
import dev.quiver.exec.operator.BatchListSource;
import dev.quiver.exec.operator.HashAggregateSink;
import dev.quiver.exec.operator.HashJoinBuildSink;
import dev.quiver.exec.operator.LimitSink;
import dev.quiver.exec.operator.MaterializeSink;
import dev.quiver.exec.operator.ResultSink;
import dev.quiver.exec.operator.RowBufferSource;
import dev.quiver.exec.operator.SortSink;
import dev.quiver.exec.operator.TableScanSource;
import dev.quiver.exec.operator.ValuesSource;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.physical.Filter;
import dev.quiver.planner.physical.HashAggregate;
import dev.quiver.planner.physical.HashJoin;
import dev.quiver.planner.physical.Limit;
import dev.quiver.planner.physical.PhysicalOperator;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.physical.PlanEquivalence;
import dev.quiver.planner.physical.Project;
import dev.quiver.planner.physical.Sort;
import dev.quiver.planner.physical.TableScan;
import dev.quiver.planner.physical.TopN;
import dev.quiver.planner.physical.UnionAll;
import dev.quiver.planner.physical.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Cuts a physical plan into pipelines at its pipeline breakers (aggregate, sort, top-N, limit,
 * union): each breaker is the sink of one pipeline and the source of the next. A hash join's build
 * side ends in a pipeline of its own, listed before the pipeline its probe streams through. The
 * result is in execution order, ending with the pipeline that feeds the {@link ResultSink}.
 *
 * <p>An aggregation whose subtree computes the same rows as one built before ({@link
 * PlanEquivalence}: a view or subquery written twice, as in TPC-H Q15) is not computed again: its
 * consumer reads the earlier sink's output, which is kept in memory for the next pipeline anyway and
 * is usually far smaller than the aggregation's input. Likewise a hash join whose build side
 * computes the same rows as an earlier join's, on the same keys, probes that join's table (unless
 * either join flags build rows in it, as RIGHT and FULL joins do): a dimension table filtered the
 * same way in a query and its subquery is built once. The nodes under a shared subtree are reported
 * with the counts of the copy that ran.
 */
public final class PipelineBuilder {
    private final List<Pipeline> pipelines = new ArrayList<>();
    private final Map<PhysicalPlan, PlanObservation> observations = new IdentityHashMap<>();
    /** Every aggregation built so far, to be read again by a later one that computes the same rows. */
    private final List<BuiltAggregate> aggregates = new ArrayList<>();

    private record BuiltAggregate(PhysicalPlan plan, HashAggregateSink sink) {
    }

    /** Every hash join build so far, to be probed again by a later join with an equal build side. */
    private final List<BuiltJoin> joins = new ArrayList<>();

    private record BuiltJoin(PhysicalPlan plan, HashJoinBuildSink sink) {
    }

    /** An earlier join's build sink, with this join's names for the sink's columns. */
    private record SharedBuild(HashJoinBuildSink sink, Layout columns) {
    }

    /**
     * A pipeline under construction: its source, the operators so far, and the plan nodes whose
     * output it carries, each with the operator index that produces it (or the source's).
     */
    private record Open(Source source, Layout sourceLayout, List<OperatorSpec> operators, String description,
            Map<PhysicalPlan, Integer> observed) {
        Open(Source source, Layout sourceLayout, String description, PhysicalPlan node) {
            this(source, sourceLayout, new ArrayList<>(), description, new IdentityHashMap<>(Map.of()));
            observed.put(node, PlanObservation.SOURCE);
        }

        Layout layout() {
            return operators.isEmpty() ? sourceLayout : operators.get(operators.size() - 1).output();
        }

        /** Adds an operator that produces {@code node}'s rows. */
        Open with(OperatorSpec operator, PhysicalPlan node) {
            operators.add(operator);
            observed.put(node, operators.size() - 1);
            return this;
        }
    }

    private PipelineBuilder() {
    }

    /** The pipelines of a query whose result columns are the root's outputs, named {@code names}. */
    public static BuiltQuery build(PhysicalPlan plan, List<String> names) {
        PipelineBuilder builder = new PipelineBuilder();
        Open root = builder.visit(plan);
        ResultSink result = new ResultSink(plan.outputColumns(), names, root.layout());
        builder.close(root, result, "Result");
        return new BuiltQuery(List.copyOf(builder.pipelines), result, Collections.unmodifiableMap(builder.observations));
    }

    /**
     * The pipelines in execution order, the sink that collects the result, and for every plan node
     * (by identity) where its output rows are counted.
     */
    public record BuiltQuery(List<Pipeline> pipelines, ResultSink result, Map<PhysicalPlan, PlanObservation> observations) {
    }

    private void close(Open open, Sink sink, String sinkName) {
        int id = pipelines.size();
        pipelines.add(new Pipeline(id, open.description() + " -> " + sinkName, open.source(),
                open.sourceLayout(), open.operators(), sink));
        open.observed().forEach((node, operator) -> observations.put(node, new PlanObservation(id, operator)));
    }

    private Open visit(PhysicalPlan plan) {
        PhysicalOperator op = plan.operator();
        if (op instanceof TableScan scan) {
            return new Open(new TableScanSource(scan.table(), scan.ordinals()), new Layout(scan.columns()),
                    "TableScan " + scan.table().name(), plan);
        }
        if (op instanceof Values values) {
            return new Open(new ValuesSource(values.columns(), values.rows()), new Layout(values.columns()), "Values", plan);
        }
        if (op instanceof Filter filter) {
            Open input = visit(plan.input(0));
            return input.with(new OperatorSpec.FilterSpec(filter.predicate(), input.layout()), plan);
        }
        if (op instanceof Project project) {
            Open input = visit(plan.input(0));
            return input.with(new OperatorSpec.ProjectSpec(project.assignments(), input.layout()), plan);
        }
        if (op instanceof HashAggregate aggregate) {
            for (BuiltAggregate built : aggregates) {
                if (PlanEquivalence.sameRows(built.plan(), plan)) {
                    observeAs(plan.input(0), built.plan().input(0));
                    return materialized(plan, plan.outputColumns(), new BatchListSource(built.sink()::output),
                            "HashAggregate (computed once, read again)");
                }
            }
            Open input = visit(plan.input(0));
            HashAggregateSink sink = new HashAggregateSink(aggregate, input.layout());
            close(input, sink, "HashAggregate");
            aggregates.add(new BuiltAggregate(plan, sink));
            return materialized(plan, plan.outputColumns(), new BatchListSource(sink::output), "HashAggregate");
        }
        if (op instanceof Sort sort) {
            Open input = visit(plan.input(0));
            SortSink sink = new SortSink(sort.keys(), input.layout());
            close(input, sink, "Sort");
            return materialized(plan, input.layout().columns(), new BatchListSource(sink::output), "Sort");
        }
        if (op instanceof TopN topN) {
            Open input = visit(plan.input(0));
            SortSink sink = new SortSink(topN.keys(), input.layout(), topN.limit(), topN.offset());
            close(input, sink, "TopN");
            return materialized(plan, input.layout().columns(), new BatchListSource(sink::output), "TopN");
        }
        if (op instanceof Limit limit) {
            Open input = visit(plan.input(0));
            LimitSink sink = new LimitSink(limit.limit(), limit.offset(), input.layout());
            close(input, sink, "Limit");
            return materialized(plan, input.layout().columns(), new BatchListSource(sink::output), "Limit");
        }
        if (op instanceof HashJoin join) {
            Optional<SharedBuild> shared = sharedBuild(plan, join);
            HashJoinBuildSink sink;
            Layout buildColumns;
            if (shared.isPresent()) {
                sink = shared.get().sink();
                buildColumns = shared.get().columns();
            } else {
                // The build side first: its pipeline is listed, and so runs, before the probe's.
                Open build = visit(plan.input(1));
                sink = new HashJoinBuildSink(join, build.layout());
                close(build, sink, "HashJoinBuild");
                joins.add(new BuiltJoin(plan, sink));
                buildColumns = sink.input();
            }
            Open probe = visit(plan.input(0));
            probe.with(new OperatorSpec.HashJoinProbeSpec(join, sink, probe.layout(), buildColumns), plan);
            return new Open(probe.source(), probe.sourceLayout(), probe.operators(), probe.description() + " -> HashJoin "
                    + join.type().displayName() + " probe" + (shared.isPresent() ? " (table shared)" : ""), probe.observed());
        }
        if (op instanceof UnionAll union) {
            return unionAll(plan, union);
        }
        throw new IllegalArgumentException("cannot execute " + op.describe());
    }

    /** Each input runs into its own sink, keeping its rows; one source then reads them all, input after input. */
    private Open unionAll(PhysicalPlan plan, UnionAll union) {
        List<MaterializeSink> inputs = new ArrayList<>();
        for (int i = 0; i < plan.inputs().size(); i++) {
            Open input = visit(plan.input(i));
            MaterializeSink sink = new MaterializeSink(union.inputColumns().get(i), union.columns(), input.layout());
            close(input, sink, "UnionAll input " + i);
            inputs.add(sink);
        }
        List<String> names = union.columns().stream().map(ColumnRef::name).toList();
        return materialized(plan, union.columns(),
                new RowBufferSource(() -> inputs.stream().map(MaterializeSink::rows).toList(), names), "UnionAll");
    }

    /**
     * The build sink of an earlier join that serves this one: its build side computes the same rows,
     * and every column of the sink's rows has a name here.
     */
    private Optional<SharedBuild> sharedBuild(PhysicalPlan plan, HashJoin join) {
        for (BuiltJoin built : joins) {
            Optional<Map<ColumnRef, ColumnRef>> mapping = PlanEquivalence.columnMapping(built.plan().input(1), plan.input(1));
            if (mapping.isEmpty() || !built.sink().servesAlso(join, mapping.get())) {
                continue;
            }
            Map<ColumnRef, ColumnRef> back = new HashMap<>();
            mapping.get().forEach((mine, theirs) -> back.put(theirs, mine));
            List<ColumnRef> columns = new ArrayList<>();
            for (ColumnRef c : built.sink().input().columns()) {
                columns.add(back.get(c));
            }
            if (columns.stream().anyMatch(Objects::isNull)) {
                continue;
            }
            observeAs(plan.input(1), built.plan().input(1));
            return Optional.of(new SharedBuild(built.sink(), new Layout(columns)));
        }
        return Optional.empty();
    }

    /** Counts {@code copy}'s nodes where those of {@code original}, of the same shape, are counted. */
    private void observeAs(PhysicalPlan copy, PhysicalPlan original) {
        PlanObservation o = observations.get(original);
        if (o != null) {
            observations.put(copy, o);
        }
        for (int i = 0; i < copy.inputs().size(); i++) {
            observeAs(copy.input(i), original.input(i));
        }
    }

    /** A pipeline reading what a breaker ({@code node}) collected: the node's rows are what its source produces. */
    private static Open materialized(PhysicalPlan node, List<ColumnRef> columns, Source source, String description) {
        return new Open(source, new Layout(columns), description, node);
    }
}
