package dev.quiver.codegen.runtime;

import dev.quiver.exec.operator.HashJoinTable;

/**
 * One driver's use of a hash-join table's filter ({@link HashJoinTable#filter()}): {@link
 * #mayMatch} tests probe hashes against it while it pays. The gate judges the filter on a window of
 * {@link #WINDOW_ROWS} tested hashes, the driver's first and then one every {@link
 * #BATCHES_BETWEEN_JUDGMENTS} batches ({@link #startBatch}), and turns off for good once more than
 * {@link #MAX_PASSING_QUARTERS} quarters of a window pass; for a table too large for a filter it is
 * off from the start. Off, it lets every hash through. Between windows a test is the filter's alone:
 * counting every tested and passing hash cost Q17's probes of lineitem (6 million rows into 204
 * parts) about a sixth of their time.
 *
 * <p>Every generated class tests through this one class rather than a copy of its own: the JIT
 * profiles the window's end over all queries and compiles it, where a copy profiled during a class's
 * first rows saw it never come, compiled a trap, and threw the class's compiled code away when it
 * came. Not thread-safe: one per driver.
 */
public final class JoinFilterGate {
    /**
     * Probe rows a driver tests against the join filter before judging it: enough to see the hit
     * rate, few against a morsel's 64K rows.
     */
    public static final int WINDOW_ROWS = 1 << 14;
    /**
     * Of a window's rows, the share (in quarters) that may pass the join filter for it to stay on:
     * where more pass, testing costs more than the chain walks it saves.
     */
    public static final int MAX_PASSING_QUARTERS = 3;
    /**
     * Batches a driver tests the filter without counting before it judges the next window: about a
     * million rows, so a filter that stops paying halfway through a large probe is still turned off.
     */
    public static final int BATCHES_BETWEEN_JUDGMENTS = 256;

    /** Not testing: every hash passes. */
    private static final int OFF = 0;
    /** Testing without counting. */
    private static final int TESTING = 1;
    /** Testing and counting the window's tested and passing hashes. */
    private static final int JUDGING = 2;

    private final long[] filter;
    private int mode;
    private int tested;
    private int passed;
    private int batchesUntilJudging;

    public JoinFilterGate(HashJoinTable table) {
        boolean worthwhile = table.filterWorthwhile();
        this.mode = worthwhile ? JUDGING : OFF;
        this.filter = worthwhile ? table.filter() : new long[0];
    }

    /** False only when the filter is on and rules the hash out (no build row has it). */
    public boolean mayMatch(long hash) {
        int m = mode;
        if (m == TESTING) {
            return HashJoinTable.mayMatch(filter, hash);
        }
        return m == OFF || judge(hash);
    }

    /** A test of the window being judged, and at its end the judgment. */
    private boolean judge(long hash) {
        boolean pass = HashJoinTable.mayMatch(filter, hash);
        passed += pass ? 1 : 0;
        if (++tested == WINDOW_ROWS) {
            mode = passed <= WINDOW_ROWS / 4 * MAX_PASSING_QUARTERS ? TESTING : OFF;
            tested = 0;
            passed = 0;
            batchesUntilJudging = BATCHES_BETWEEN_JUDGMENTS;
        }
        return pass;
    }

    /** Called by the driver before each batch it probes with: starts judging another window when one is due. */
    public void startBatch() {
        if (mode == TESTING && --batchesUntilJudging <= 0) {
            mode = JUDGING;
        }
    }

    /** Whether the gate still tests hashes. */
    public boolean isOn() {
        return mode != OFF;
    }
}
