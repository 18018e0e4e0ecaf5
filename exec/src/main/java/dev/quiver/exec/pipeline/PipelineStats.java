package dev.quiver.exec.pipeline;

/**
 * What one pipeline did, for EXPLAIN ANALYZE: how it ran (interpreted, compiled, or interpreted
 * after a failed compile, with the reason), compile time and the part of it spent in Janino, rows in
 * and out, wall time, and the rows each operator passed on, in operator order.
 */
public record PipelineStats(int pipeline, String description, String mode, long compileNanos, long janinoNanos, long rowsIn, long rowsOut,
        long nanos, java.util.List<Long> operatorRows) {
    public PipelineStats {
        operatorRows = java.util.List.copyOf(operatorRows);
    }
}
