package dev.quiver.codegen;

import static java.util.Objects.requireNonNull;

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
 * Runs pipelines as generated, Janino-compiled code. Each pipeline is generated, looked up in the
 * class cache by its source (compiled on a miss), and instantiated per worker with the pipeline's
 * hoisted constants. When a method comes out too large it regenerates with finer method splitting;
 * when generation or compilation fails for any reason it logs a warning and runs the pipeline with
 * the interpreter, saying so (and why) in the mode EXPLAIN ANALYZE prints, as do pipelines whose
 * shape the generator does not support.
 */
public final class CompiledDriverFactory implements DriverFactory {
    private static final System.Logger LOG = System.getLogger(CompiledDriverFactory.class.getName());
    /** Generated class name; each compile has its own class loader, so one name serves every class. */
    static final String CLASS_NAME = "GeneratedPipeline";
    /** Split thresholds tried in turn when a generated method exceeds the JIT limit. */
    static final int[] SPLIT_THRESHOLDS = {ExpressionGenerator.SPLIT_THRESHOLD, 16, 4};

    private final Optional<Path> dumpDirectory;
    private final long minRows;

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
        for (int threshold : SPLIT_THRESHOLDS) {
            PipelineGenerator.GenerationResult result;
            try {
                result = PipelineGenerator.generate(pipeline, CLASS_NAME, threshold);
            } catch (RuntimeException e) {
                failure = "code generation failed: " + e;
                break;
            }
            if (result.generated().isEmpty()) {
                return fallback(pipeline, context, "not compiled: " + result.reason(), false);
            }
            PipelineGenerator.Generated generated = result.generated().get();
            dump(generated.source());
            try {
                ClassCompiler.Compiled compiled = CompiledClassCache.get(generated.source(), () -> {
                    try {
                        return ClassCompiler.compile(CLASS_NAME, generated.source());
                    } catch (org.codehaus.commons.compiler.CompileException e) {
                        throw new IllegalStateException("Janino rejected the generated source: " + e.getMessage(), e);
                    }
                });
                return prepared(pipeline, compiled, generated.constants(), System.nanoTime() - start);
            } catch (ClassCompiler.MethodTooLargeException e) {
                failure = e.getMessage();
            } catch (RuntimeException e) {
                failure = e.getMessage();
                break;
            }
        }
        return fallback(pipeline, context, "compile failed: " + failure, true);
    }

    private PreparedPipeline prepared(Pipeline pipeline, ClassCompiler.Compiled compiled, List<Object> constantList, long nanos) {
        Object[] constants = constantList.toArray();
        Constructor<?> constructor;
        try {
            constructor = compiled.type().getConstructor(Object[].class, LocalSink.class, QueryContext.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("generated class lacks its constructor", e);
        }
        return new PreparedPipeline() {
            @Override
            public Driver createDriver(QueryContext context) {
                LocalSink local = pipeline.sink().createLocal(context);
                try {
                    return (Driver) constructor.newInstance(constants, local, context);
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
