package dev.quiver.codegen.runtime;

import dev.quiver.exec.operator.HashJoinTable;

/**
 * One driver's use of a hash-join table's filter ({@link HashJoinTable#filter()}): {@link
 * #mayMatch} tests probe hashes against it while it pays. The gate judges the filter per window of
 * {@link #WINDOW_ROWS} tested hashes and turns off for good once more than {@link
 * #MAX_PASSING_QUARTERS} quarters of a window pass; for a table too large for a filter it is off
 * from the start. Off, it lets every hash through.
 *
 * <p>Every generated class tests through this one class rather than a copy of its own: the JIT
 * profiles the window's end (once per {@link #WINDOW_ROWS} rows) over all queries and compiles it,
 * where a copy profiled during a class's first rows saw it never come, compiled a trap, and threw
 * the class's compiled code away when it came. Not thread-safe: one per driver.
 */
public final class JoinFilterGate {
    /**
     * Probe rows a driver tests against the join filter before judging it (and again after each
     * such window): enough to see the hit rate, few against a morsel's 64K rows.
     */
    public static final int WINDOW_ROWS = 1 << 14;
    /**
     * Of a window's rows, the share (in quarters) that may pass the join filter for it to stay on:
     * where more pass, testing costs more than the chain walks it saves.
     */
    public static final int MAX_PASSING_QUARTERS = 3;

    private final long[] filter;
    private boolean on;
    private int tested;
    private int passed;

    public JoinFilterGate(HashJoinTable table) {
        this.on = table.filterWorthwhile();
        this.filter = on ? table.filter() : new long[0];
    }

    /** False only when the filter is on and rules the hash out (no build row has it). */
    public boolean mayMatch(long hash) {
        if (!on) {
            return true;
        }
        boolean pass = HashJoinTable.mayMatch(filter, hash);
        passed += pass ? 1 : 0;
        if (++tested == WINDOW_ROWS) {
            on = passed <= WINDOW_ROWS / 4 * MAX_PASSING_QUARTERS;
            tested = 0;
            passed = 0;
        }
        return pass;
    }

    /** Whether the gate still tests hashes. */
    public boolean isOn() {
        return on;
    }
}
