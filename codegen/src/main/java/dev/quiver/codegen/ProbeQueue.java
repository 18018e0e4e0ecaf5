package dev.quiver.codegen;

import java.util.List;
import java.util.Optional;

/**
 * A queue in front of a hash-join probe that is not the pipeline's first, so that its reads of
 * large tables overlap as a vectorized engine's do (Boncz, Zukowski and Nes, "MonetDB/X100:
 * Hyper-Pipelining Query Execution", 2005), instead of waiting on one cache miss after another
 * row by row.
 *
 * <p>The stage before the probe calls the queue's entry method, which saves the probe row and
 * every earlier probe's current build row (all the state later stages read). When
 * {@link #ROWS} rows are queued, and at the end of each push, the drain replays them in three
 * loops whose rows do not depend on one another: the first touches, at each row's saved build rows,
 * every build column the probe and the later stages read; the second restores the build rows and
 * locates the row's chain in the probe's table ({@link ProbeCode#locateMethod}), dropping rows
 * without candidates where the join outputs nothing for them; the third touches each located
 * chain's first key, then restores each row and runs the probe stage from its located row. Rows
 * leave the queue in the order they entered it, one drain after another, so rows reach the sink
 * in the order they would without the queue; row counts, errors and cancellation are the stages'
 * own.
 *
 * <p>A queue is on only where some table it serves is large, {@link
 * dev.quiver.codegen.runtime.DriverOptions#probeQueueMinRows} rows or more (the probe's own or an
 * earlier probe's): with small tables every read hits the cache anyway, and the entry method runs
 * the probe stage directly, which then tests the filter and starts at the bucket head itself.
 *
 * <p>Queues are only for pipelines whose earlier stages leave no state but build rows: no carry
 * stage, no MARK probe before the queue, and no probe with a tail ({@link StagedPipeline} checks).
 */
final class ProbeQueue {
    /**
     * Rows per drain: a thousand independent reads keep many misses in flight, while the queue's
     * arrays (4 bytes per saved row per earlier probe) stay in the L1 cache.
     */
    static final int ROWS = 1024;

    private final ClassBuilder cb;
    private final ProbeCode probe;
    private final List<ProbeCode> earlier;
    /** Boolean field: whether the queue is on. */
    private final String on;
    /** Int field: the located chain row of the row the probe stage runs for. */
    private final String start;
    private final String rows;
    private final String starts;
    private final String count;
    /** Per earlier probe, the queue's array of its saved build rows. */
    private final String[] buildRows;

    /** A queue in front of {@code probe}, whose stage runs after those of the {@code earlier} probes. */
    ProbeQueue(ClassBuilder cb, ProbeCode probe, List<ProbeCode> earlier) {
        this.cb = cb;
        this.probe = probe;
        this.earlier = List.copyOf(earlier);
        StringBuilder large = new StringBuilder(probe.hasRows("options.probeQueueMinRows()"));
        for (ProbeCode p : earlier) {
            large.append(" || ").append(p.hasRows("options.probeQueueMinRows()"));
        }
        on = cb.instance("boolean", large.toString());
        start = cb.fresh("queuedStart");
        cb.field("private int " + start + ";");
        rows = array("queuedRows");
        starts = array("queuedStarts");
        count = cb.fresh("queued");
        cb.field("private int " + count + ";");
        buildRows = new String[earlier.size()];
        for (int p = 0; p < buildRows.length; p++) {
            buildRows[p] = array("queuedBuild");
        }
    }

    private String array(String prefix) {
        String name = cb.fresh(prefix);
        cb.field("private final int[] " + name + " = new int[" + ROWS + "];");
        return name;
    }

    /**
     * Generates the probe's locating method and stage, the queue's entry method {@code entry(int
     * i)} and its drain; returns the drain method {@code drain()}, which the push calls last.
     * {@code stage} names the probe's stage method, {@code next} what it calls per output row.
     */
    String generate(ExpressionGenerator x, String entry, String stage, String next) {
        String locate = probe.locateMethod(x, start, Optional.of(on));
        probe.generate(x, stage, next);
        String drain = cb.fresh("drain");
        StringBuilder e = cb.method();
        e.append("    private void ").append(entry).append("(int i) {\n");
        e.append("        if (!").append(on).append(") {\n");
        e.append("            ").append(stage).append("(i);\n");
        e.append("            return;\n");
        e.append("        }\n");
        e.append("        int q = ").append(count).append(";\n");
        e.append("        ").append(rows).append("[q] = i;\n");
        for (int p = 0; p < buildRows.length; p++) {
            e.append("        ").append(buildRows[p]).append("[q] = ").append(earlier.get(p).buildRowField()).append(";\n");
        }
        e.append("        if (++").append(count).append(" == ").append(ROWS).append(") {\n");
        e.append("            ").append(drain).append("();\n");
        e.append("        }\n");
        e.append("    }\n");

        String touched = cb.fresh("queueTouched");
        cb.field("private int " + touched + ";");
        StringBuilder d = cb.method();
        d.append("    private void ").append(drain).append("() {\n");
        d.append("        int m = ").append(count).append(";\n");
        d.append("        ").append(count).append(" = 0;\n");
        // A queue fills, and drains, inside an earlier probe's chain walk, whose later matches
        // still need the earlier probes' build rows as they were: put back at the end.
        for (int p = 0; p < buildRows.length; p++) {
            d.append("        int was").append(p).append(" = ").append(earlier.get(p).buildRowField()).append(";\n");
        }
        d.append("        int touch = 0;\n");
        // After the stages after it are generated: the columns hoisted by now are those they read.
        for (int p = 0; p < buildRows.length; p++) {
            String columns = earlier.get(p).touchColumns("b");
            if (!columns.equals("0")) {
                d.append("        for (int q = 0; q < m; q++) {\n");
                d.append("            int b = ").append(buildRows[p]).append("[q];\n");
                d.append("            touch += ").append(columns).append(";\n");
                d.append("        }\n");
            }
        }
        d.append("        int kept = 0;\n");
        d.append("        for (int q = 0; q < m; q++) {\n");
        d.append("            int i = ").append(rows).append("[q];\n");
        restore(d, "            ", "q");
        d.append("            int r = ").append(locate).append("(i);\n");
        d.append("            ").append(rows).append("[kept] = i;\n");
        for (String b : buildRows) {
            d.append("            ").append(b).append("[kept] = ").append(b).append("[q];\n");
        }
        d.append("            ").append(starts).append("[kept] = r;\n");
        d.append("            kept").append(probe.dropsRowsWithoutCandidates() ? " += r >= 0 ? 1 : 0" : "++").append(";\n");
        d.append("        }\n");
        d.append(probe.touchChainStarts(starts, "kept"));
        // Kept in a field: the JIT would drop reads whose values go unused, and with them the touching.
        d.append("        ").append(touched).append(" += touch;\n");
        d.append("        for (int q = 0; q < kept; q++) {\n");
        restore(d, "            ", "q");
        d.append("            ").append(start).append(" = ").append(starts).append("[q];\n");
        d.append("            ").append(stage).append("(").append(rows).append("[q]);\n");
        d.append("        }\n");
        for (int p = 0; p < buildRows.length; p++) {
            d.append("        ").append(earlier.get(p).buildRowField()).append(" = was").append(p).append(";\n");
        }
        d.append("    }\n");
        return drain;
    }

    /** Sets each earlier probe's build row to the one saved at queue position {@code q}. */
    private void restore(StringBuilder d, String indent, String q) {
        for (int p = 0; p < buildRows.length; p++) {
            d.append(indent).append(earlier.get(p).buildRowField()).append(" = ").append(buildRows[p]).append("[").append(q).append("];\n");
        }
    }
}
