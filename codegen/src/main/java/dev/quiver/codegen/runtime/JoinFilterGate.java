package dev.quiver.codegen.runtime;

import dev.quiver.exec.operator.HashJoinTable;
import dev.quiver.exec.operator.JoinKeyFilter;
import java.util.Optional;

/**
 * One driver's use of a hash-join table's filters: {@link #mayMatch} tests probe hashes against the
 * hashed filter ({@link HashJoinTable#filter()}) while it pays, or, for a probe that can test an
 * integer-like key whose table has an exact filter of it ({@link HashJoinTable#keyFilter}), {@link
 * #mayMatchKey} tests that key ({@link #key()}), before the row is hashed where the probe can.
 * Where that filter covers only one of several keys, {@link #mayMatch} then tests the hashes too,
 * against the hashed filter, until its first window of them shows that most pass. The gate judges
 * its first test (the key's where it tests keys, else the hash's) on a window of {@link
 * #WINDOW_ROWS} tests, the driver's first and then one every {@link #BATCHES_BETWEEN_JUDGMENTS}
 * batches ({@link #startBatch}), and turns off for good once more than {@link
 * #MAX_PASSING_QUARTERS} quarters of a window pass; for a table with neither filter (too large, or
 * empty) it is off from the start. Off, it lets every hash and key through. Between
 * windows a test is the filter's alone: counting every tested and passing hash cost Q17's probes of
 * lineitem (6 million rows into 204 parts) about a sixth of their time.
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

    /** Not testing: every hash and key passes. */
    private static final int OFF = 0;
    /** Testing without counting. */
    private static final int TESTING = 1;
    /** Testing and counting the window's tested and passing keys, when the gate tests keys, else hashes. */
    private static final int JUDGING = 2;

    private final long[] filter;
    /** Whether the gate tests keys ({@link #mayMatchKey}) against the table's exact filter of key {@link #key}. */
    private final boolean byKey;
    /** The exact filter when {@link #byKey}, else null (never read then). */
    private final JoinKeyFilter keyFilter;
    /** The key {@link #keyFilter} is of; 0 when not {@link #byKey}. */
    private final int key;
    /**
     * Whether {@link #mayMatch} tests hashes: not when the key filter is exact, nor without a hashed
     * filter, nor, for a gate testing one key of several, once a window of the hashes its key test
     * passed mostly passed too (the key test then rules out nearly all the hashed filter would).
     */
    private boolean testsHashes;
    /** For a gate testing keys and hashes: whether the first window of hash tests is still being counted. */
    private boolean judgingHashes;
    private int hashesTested;
    private int hashesPassed;
    private int mode;
    private int tested;
    private int passed;
    private int batchesUntilJudging;

    /** A gate testing hashes against the table's hashed filter. */
    public JoinFilterGate(HashJoinTable table) {
        this(table, 0L);
    }

    /**
     * A gate for a probe that can test the integer-like keys in {@code keyCandidates} (bit k for
     * key k): where the table has an exact filter of one of them ({@link
     * HashJoinTable#keyFilter}) the gate tests that key against it, and hashes too where the filter
     * is of one key of several; otherwise, as without candidates, it tests hashes and lets every
     * key through.
     */
    public JoinFilterGate(HashJoinTable table, long keyCandidates) {
        Optional<HashJoinTable.KeyFilter> keys = keyCandidates == 0 ? Optional.empty() : table.keyFilter(keyCandidates);
        this.byKey = keys.isPresent();
        this.keyFilter = keys.map(HashJoinTable.KeyFilter::filter).orElse(null);
        this.key = keys.map(HashJoinTable.KeyFilter::key).orElse(0);
        boolean worthwhile = byKey || table.filterWorthwhile();
        this.testsHashes = worthwhile && !keys.map(HashJoinTable.KeyFilter::exact).orElse(false);
        this.judgingHashes = byKey && testsHashes;
        this.mode = worthwhile ? JUDGING : OFF;
        this.filter = testsHashes ? table.filter() : new long[0];
    }

    /**
     * False only when the gate tests hashes, is on, and the filter rules the hash out (no build row
     * has it). A gate testing a key as well is on while its key test is, and judges its hash test
     * on the first window of hashes alone: where more than {@link #MAX_PASSING_QUARTERS} quarters
     * pass, it stops testing hashes.
     */
    public boolean mayMatch(long hash) {
        if (!testsHashes) {
            return true;
        }
        int m = mode;
        if (byKey) {
            if (m == OFF) {
                return true;
            }
            boolean pass = HashJoinTable.mayMatch(filter, hash);
            return judgingHashes ? judgeHashes(pass) : pass;
        }
        if (m == TESTING) {
            return HashJoinTable.mayMatch(filter, hash);
        }
        return m == OFF || judge(HashJoinTable.mayMatch(filter, hash));
    }

    /** A hash test of a gate testing keys too, in its first window; at the window's end, the judgment. */
    private boolean judgeHashes(boolean pass) {
        hashesPassed += pass ? 1 : 0;
        if (++hashesTested == WINDOW_ROWS) {
            testsHashes = worthTesting(hashesPassed);
            judgingHashes = false;
        }
        return pass;
    }

    /** False only when the gate tests keys, is on, and no build row has the key. */
    public boolean mayMatchKey(long key) {
        if (!byKey) {
            return true;
        }
        int m = mode;
        if (m == TESTING) {
            return keyFilter.mayMatch(key);
        }
        return m == OFF || judge(keyFilter.mayMatch(key));
    }

    /** A test of the window being judged, and at its end the judgment. */
    private boolean judge(boolean pass) {
        passed += pass ? 1 : 0;
        if (++tested == WINDOW_ROWS) {
            mode = worthTesting(passed) ? TESTING : OFF;
            tested = 0;
            passed = 0;
            batchesUntilJudging = BATCHES_BETWEEN_JUDGMENTS;
        }
        return pass;
    }

    /** The verdict on a full window: a test is worth going on with unless more than {@link #MAX_PASSING_QUARTERS} quarters passed. */
    private static boolean worthTesting(int passedInWindow) {
        return passedInWindow <= WINDOW_ROWS / 4 * MAX_PASSING_QUARTERS;
    }

    /** Whether the gate tests keys ({@link #mayMatchKey}); fixed for the gate's life. */
    public boolean testsKeys() {
        return byKey;
    }

    /** The index k of the key the gate tests when it {@link #testsKeys} (bit k of its candidates); else 0. */
    public int key() {
        return key;
    }

    /** Called by the driver before each batch it probes with: starts judging another window when one is due. */
    public void startBatch() {
        if (mode == TESTING && --batchesUntilJudging <= 0) {
            mode = JUDGING;
        }
    }

    /** Whether the gate still tests hashes or keys. */
    public boolean isOn() {
        return mode != OFF;
    }
}
