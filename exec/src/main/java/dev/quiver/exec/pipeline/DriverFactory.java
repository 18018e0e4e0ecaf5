package dev.quiver.exec.pipeline;

/**
 * Makes the per-worker drivers of a pipeline: interpreted ({@link InterpretedDriverFactory}) or
 * compiled (the codegen module). The factory is asked once per pipeline for its mode description,
 * then once per worker for a driver.
 */
public interface DriverFactory {
    /** Prepares the pipeline (a compiler compiles here) and says how it will run, for EXPLAIN ANALYZE. */
    PreparedPipeline prepare(Pipeline pipeline, QueryContext context);

    /** A pipeline ready to instantiate per worker. */
    interface PreparedPipeline {
        Driver createDriver(QueryContext context);

        /** "interpreted", "compiled", or "interpreted (compile failed: ...)". */
        String mode();

        /** Time spent preparing: generating code, finding its class, compiling it when not found. */
        long compileNanos();

        /** The part of {@link #compileNanos} spent in the Java compiler (0 when the compiled class was reused). */
        default long janinoNanos() {
            return 0;
        }
    }
}
