package dev.quiver.codegen;

import dev.quiver.exec.aggregate.AggregateFunction;
import dev.quiver.exec.expr.ConstantSet;
import dev.quiver.exec.expr.Kernel;
import dev.quiver.exec.function.LikeMatcher;
import dev.quiver.exec.operator.HashJoinBuildSink;
import dev.quiver.exec.pipeline.OperatorSpec;
import dev.quiver.exec.pipeline.Pipeline;
import dev.quiver.planner.type.DataType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The generated classes of one physical plan's pipelines, by pipeline id: kept with a cached plan,
 * so that running the plan again skips code generation (a few milliseconds of string building per
 * query, on the thread that starts each pipeline) and finds its compiled class by the same source
 * string. A plan's pipelines, and so their sources, are the same every time the plan runs; a new
 * plan needs a new instance.
 *
 * <p>Most constants a class takes are the plan's (numbers, strings, kernels, aggregate functions);
 * the build sinks its probes read are the run's. Those are not kept (nor the hash tables they hold):
 * each is remembered as the ordinal of the probe that reads it and taken from the pipeline of the
 * run at hand. A class with any other kind of constant is not kept.
 */
public final class GeneratedPipelines {
    /** Keeps nothing: for a factory that runs many plans. */
    static final GeneratedPipelines NONE = new GeneratedPipelines(false);

    /** A pipeline's generated class, with its build-sink constants left null and where they go. */
    private record Remembered(PipelineGenerator.Generated generated, int[] sinkConstants, int[] sinkProbes) {
    }

    private final boolean keeps;
    private final ConcurrentHashMap<Integer, Remembered> byPipeline = new ConcurrentHashMap<>();

    /** An empty set for one plan. */
    public GeneratedPipelines() {
        this(true);
    }

    private GeneratedPipelines(boolean keeps) {
        this.keeps = keeps;
    }

    /** The class generated for this pipeline on an earlier run, with this run's build sinks; empty if none was kept. */
    Optional<PipelineGenerator.Generated> get(Pipeline pipeline) {
        Remembered r = byPipeline.get(pipeline.id());
        if (r == null) {
            return Optional.empty();
        }
        List<HashJoinBuildSink> builds = builds(pipeline);
        Object[] constants = r.generated().constants().toArray();
        for (int k = 0; k < r.sinkConstants().length; k++) {
            if (r.sinkProbes()[k] >= builds.size()) {
                return Optional.empty();
            }
            constants[r.sinkConstants()[k]] = builds.get(r.sinkProbes()[k]);
        }
        return Optional.of(new PipelineGenerator.Generated(r.generated().source(), Arrays.asList(constants), r.generated().members()));
    }

    /** Keeps the class generated for this pipeline, unless one of its constants belongs to neither the plan nor a probe. */
    void put(Pipeline pipeline, PipelineGenerator.Generated generated) {
        if (!keeps) {
            return;
        }
        List<HashJoinBuildSink> builds = builds(pipeline);
        Object[] constants = generated.constants().toArray();
        List<Integer> sinkConstants = new ArrayList<>();
        List<Integer> sinkProbes = new ArrayList<>();
        for (int i = 0; i < constants.length; i++) {
            if (constants[i] instanceof HashJoinBuildSink sink) {
                int probe = indexOfIdentical(builds, sink);
                if (probe < 0) {
                    return;
                }
                sinkConstants.add(i);
                sinkProbes.add(probe);
                constants[i] = null;
            } else if (!ofThePlan(constants[i])) {
                return;
            }
        }
        byPipeline.put(pipeline.id(), new Remembered(
                new PipelineGenerator.Generated(generated.source(), Arrays.asList(constants), generated.members()),
                sinkConstants.stream().mapToInt(Integer::intValue).toArray(), sinkProbes.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** Whether a constant is immutable and follows from the plan alone, so that later runs may share it. */
    private static boolean ofThePlan(Object constant) {
        return constant instanceof Long || constant instanceof Integer || constant instanceof Double || constant instanceof Boolean
                || constant instanceof BigDecimal || constant instanceof String || constant instanceof byte[]
                || constant instanceof DataType || constant instanceof ConstantSet || constant instanceof Kernel
                || constant instanceof LikeMatcher || constant instanceof AggregateFunction;
    }

    /** The build sinks of the pipeline's probes, in operator order. */
    private static List<HashJoinBuildSink> builds(Pipeline pipeline) {
        List<HashJoinBuildSink> builds = new ArrayList<>();
        for (OperatorSpec op : pipeline.operators()) {
            if (op instanceof OperatorSpec.HashJoinProbeSpec probe) {
                builds.add(probe.build());
            }
        }
        return builds;
    }

    private static int indexOfIdentical(List<HashJoinBuildSink> builds, HashJoinBuildSink sink) {
        for (int j = 0; j < builds.size(); j++) {
            if (builds.get(j) == sink) {
                return j;
            }
        }
        return -1;
    }
}
