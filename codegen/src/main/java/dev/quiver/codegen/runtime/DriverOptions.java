package dev.quiver.codegen.runtime;

/**
 * How a run's generated drivers choose between equivalent paths: options of the run, not of the
 * generated class, so that one class serves runs with different options. Every choice gives the
 * same rows; the options decide only where the faster path is taken.
 *
 * @param probeQueueMinRows the fewest rows a hash table must have for the probes that read it
 *     after the pipeline's first to go through a queue (see the code generator's {@code
 *     ProbeQueue}); 0 queues them whatever the sizes
 */
public record DriverOptions(int probeQueueMinRows) {
    /**
     * Table rows from which probes are queued: below it a table's bucket heads, hashes and key
     * columns (about 28 bytes a row) fit in a core's share of the L2 cache (about 1 MB), where
     * reading them row by row does not stall.
     */
    public static final int PROBE_QUEUE_MIN_ROWS = 1 << 15;

    /** The options of ordinary runs: each path where it is faster. */
    public static final DriverOptions DEFAULTS = new DriverOptions(PROBE_QUEUE_MIN_ROWS);

    /**
     * Every optional path taken, however small the input: what verify mode runs, so that the paths
     * small test data would never reach are compared with the interpreter too.
     */
    public static final DriverOptions EVERY_PATH = new DriverOptions(0);

    public DriverOptions {
        if (probeQueueMinRows < 0) {
            throw new IllegalArgumentException("probeQueueMinRows < 0: " + probeQueueMinRows);
        }
    }
}
