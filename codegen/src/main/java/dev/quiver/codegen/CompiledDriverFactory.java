package dev.quiver.codegen;

import static java.util.Objects.requireNonNull;

import dev.quiver.codegen.runtime.DriverOptions;
import dev.quiver.exec.pipeline.Driver;
import dev.quiver.exec.pipeline.DriverFactory;
import dev.quiver.exec.pipeline.InterpretedDriverFactory;
import dev.quiver.exec.pipeline.LocalSink;
import dev.quiver.exec.pipeline.Pipeline;
import dev.quiver.exec.pipeline.QueryContext;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Runs pipelines as generated, Janino-compiled code. Each pipeline is generated (or its source
 * taken from the {@link GeneratedPipelines} of a plan run before), looked up in the
 * class cache by its source (compiled on a miss), and instantiated per worker with the pipeline's
 * hoisted constants. When a method comes out too large it regenerates with finer expression
 * splitting; when generation or compilation fails for any reason it logs a warning and runs the
 * pipeline with the interpreter, saying so (and why) in the mode EXPLAIN ANALYZE prints, as do
 * pipelines whose shape the generator does not support. The cache remembers failed compilations
 * too, so a source that failed is never compiled again: later executions of the same pipeline
 * shape fall back at the cost of generating its source, without calling Janino (and without the
 * warning, logged once per shape).
 */
public final class CompiledDriverFactory implements DriverFactory {
    private static final System.Logger LOG = System.getLogger(CompiledDriverFactory.class.getName());
    /** Generated class name; each compile has its own class loader, so one name serves every class. */
    static final String CLASS_NAME = "GeneratedPipeline";
    /** Split thresholds tried in turn when a generated method exceeds the JIT limit. */
    static final int[] SPLIT_THRESHOLDS = {ExpressionGenerator.SPLIT_THRESHOLD, 16, 4};
    /**
     * Fields and methods a generated class may declare and still be compiled: Janino needs about
     * 0.1 ms per member once warm on the 2-core development machine (a 1,500-column projection has
     * ~3,100 members: 0.2-0.4 s, several times that for the first compile in a JVM), so past this a
     * first run would wait seconds for a class the interpreter does without (and at about 20,000
     * members a class file's 65,535 constant-pool entries run out).
     */
    static final int MAX_CLASS_MEMBERS = 4_000;
    /**
     * Characters of generated source that may still be compiled: Janino parses and compiles about
     * 1 MB per second once warm on the development machine (a 1,500-column projection is 400 KB),
     * so a larger class would keep a first run waiting seconds for code the interpreter does without.
     */
    static final int MAX_SOURCE_CHARS = 1_000_000;

    private final Optional<Path> dumpDirectory;
    /** The sources of the plan's pipelines generated on earlier runs, and where this run's go. */
    private final GeneratedPipelines generated;
    private final long minRows;
    private final DriverOptions options;

    /** A factory compiling every pipeline it can. */
    public CompiledDriverFactory(Optional<Path> dumpDirectory) {
        this(dumpDirectory, 0);
    }

    /**
     * A factory compiling the pipelines whose source will produce at least {@code minRows} rows
     * ({@link dev.quiver.exec.pipeline.Source#estimatedRows}); smaller ones run interpreted at
     * once, without waiting for code generation and Janino, and say so.
     */
    public CompiledDriverFactory(Optional<Path> dumpDirectory, long minRows) {
        this(dumpDirectory, minRows, GeneratedPipelines.NONE);
    }

    /**
     * As above, for running one plan (once or more): reusing, and adding to, the sources {@code
     * generated} holds for its pipelines. The factory must not run another plan.
     */
    public CompiledDriverFactory(Optional<Path> dumpDirectory, long minRows, GeneratedPipelines generated) {
        this(dumpDirectory, minRows, generated, DriverOptions.DEFAULTS);
    }

    /** As above, the drivers taking their paths by {@code options}. */
    public CompiledDriverFactory(Optional<Path> dumpDirectory, long minRows, GeneratedPipelines generated, DriverOptions options) {
        this.options = requireNonNull(options, "options");
        this.generated = requireNonNull(generated, "generated");
        this.dumpDirectory = requireNonNull(dumpDirectory, "dumpDirectory");
        if (minRows < 0) {
            throw new IllegalArgumentException("minRows < 0: " + minRows);
        }
        this.minRows = minRows;
    }

    @Override
    public PreparedPipeline prepare(Pipeline pipeline, QueryContext context) {
        if (minRows > 0) {
            long rows = pipeline.source().estimatedRows(context);
            if (rows < minRows) {
                return fallback(pipeline, context, "not compiled: about " + rows + " input rows, fewer than compile_min_rows = " + minRows,
                        false);
            }
        }
        long start = System.nanoTime();
        String failure = "";
        // Whether this call ran Janino: a failure found in the cache was logged when it happened.
        boolean[] attempted = {false};
        long[] janino = {0};
        Optional<PipelineGenerator.Generated> known = generated.get(pipeline);
        if (known.isPresent()) {
            ClassCompiler.Outcome outcome = compiled(known.get(), attempted, janino);
            if (outcome instanceof ClassCompiler.Compiled compiled) {
                return prepared(pipeline, compiled, known.get().constants(), System.nanoTime() - start, janino[0]);
            }
        }
        for (int threshold : SPLIT_THRESHOLDS) {
            PipelineGenerator.GenerationResult result;
            try {
                result = PipelineGenerator.generate(pipeline, CLASS_NAME, threshold);
            } catch (RuntimeException e) {
                return fallback(pipeline, context, "compile failed: code generation failed: " + e, true);
            }
            if (result.generated().isEmpty()) {
                return fallback(pipeline, context, "not compiled: " + result.reason(), false);
            }
            PipelineGenerator.Generated source = result.generated().get();
            dump(source.source());
            if (source.members() > MAX_CLASS_MEMBERS) {
                return fallback(pipeline, context, "not compiled: the generated class would declare " + source.members()
                        + " fields and methods, over the limit of " + MAX_CLASS_MEMBERS + " for compiling", false);
            }
            if (source.source().length() > MAX_SOURCE_CHARS) {
                return fallback(pipeline, context, "not compiled: the generated source has " + source.source().length()
                        + " characters, over the limit of " + MAX_SOURCE_CHARS + " for compiling", false);
            }
            ClassCompiler.Outcome outcome = compiled(source, attempted, janino);
            if (outcome instanceof ClassCompiler.Compiled compiled) {
                generated.put(pipeline, source);
                return prepared(pipeline, compiled, source.constants(), System.nanoTime() - start, janino[0]);
            }
            ClassCompiler.Failed failed = (ClassCompiler.Failed) outcome;
            failure = failed.reason();
            if (!failed.methodTooLarge()) {
                break;
            }
        }
        return fallback(pipeline, context, "compile failed: " + failure, attempted[0]);
    }

    /** The class of {@code source} from the cache, compiled on a miss (noting that Janino ran, and for how long). */
    private static ClassCompiler.Outcome compiled(PipelineGenerator.Generated source, boolean[] attempted, long[] janino) {
        return CompiledClassCache.get(source.source(), () -> {
            attempted[0] = true;
            long compileStart = System.nanoTime();
            try {
                return ClassCompiler.attempt(CLASS_NAME, source.source());
            } finally {
                janino[0] += System.nanoTime() - compileStart;
            }
        });
    }

    private PreparedPipeline prepared(Pipeline pipeline, ClassCompiler.Compiled compiled, List<Object> constantList, long nanos,
            long janinoNanos) {
        Object[] constants = constantList.toArray();
        Constructor<?> constructor;
        try {
            constructor = compiled.type().getConstructor(Object[].class, LocalSink.class, QueryContext.class, DriverOptions.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("generated class lacks its constructor", e);
        }
        return new PreparedPipeline() {
            @Override
            public Driver createDriver(QueryContext context) {
                LocalSink local = pipeline.sink().createLocal(context);
                try {
                    return (Driver) constructor.newInstance(constants, local, context, options);
                } catch (InvocationTargetException e) {
                    local.close();
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException("generated driver failed to start", e.getCause());
                } catch (ReflectiveOperationException e) {
                    local.close();
                    throw new IllegalStateException("cannot instantiate generated driver", e);
                }
            }

            @Override
            public String mode() {
                return "compiled";
            }

            @Override
            public long compileNanos() {
                return nanos;
            }

            @Override
            public long janinoNanos() {
                return janinoNanos;
            }
        };
    }

    private static PreparedPipeline fallback(Pipeline pipeline, QueryContext context, String reason, boolean warn) {
        if (warn) {
            LOG.log(System.Logger.Level.WARNING, "pipeline " + pipeline.description() + " runs interpreted: " + reason);
        }
        PreparedPipeline interpreted = InterpretedDriverFactory.INSTANCE.prepare(pipeline, context);
        return new PreparedPipeline() {
            @Override
            public Driver createDriver(QueryContext ctx) {
                return interpreted.createDriver(ctx);
            }

            @Override
            public String mode() {
                return "interpreted (" + reason + ")";
            }

            @Override
            public long compileNanos() {
                return 0;
            }
        };
    }

    private void dump(String source) {
        if (dumpDirectory.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(dumpDirectory.get());
            String name = String.format("pipeline-%08x.java", source.hashCode());
            Files.writeString(dumpDirectory.get().resolve(name), source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write generated source to " + dumpDirectory.get() + ": " + e);
        }
    }
}
