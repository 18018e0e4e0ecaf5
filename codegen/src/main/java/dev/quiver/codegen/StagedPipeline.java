package dev.quiver.codegen;

import dev.quiver.exec.batch.Selections;
import dev.quiver.exec.operator.HashAggregateSink;
import dev.quiver.exec.pipeline.OperatorSpec;
import dev.quiver.exec.pipeline.Pipeline;
import dev.quiver.exec.vector.Kind;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.plan.Assignment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Generates the push of a pipeline whose operators include hash-join probes. The operator chain
 * becomes a chain of stages over <em>base columns</em>: the source batch's columns, each probe's
 * build columns at its current build row, each MARK probe's mark. Projections are substituted into
 * the expressions that use their columns. A filter stage passes row i on when every conjunct is
 * TRUE; a probe stage ({@link ProbeCode}) passes it on once per row its join outputs; the last stage
 * is the sink's: it folds the row into the aggregation's states directly (an aggregating sink), or
 * writes the sink's columns densely into owned vectors, handed to the sink in batches of
 * {@link #OUTPUT_ROWS} rows and at the end of each push. Each stage is a method calling the next, so
 * no method grows with the number of stages. Rows reach the sink in the interpreter's order.
 *
 * <p>A RIGHT or FULL probe is preceded by a carry stage, which computes the probe-side columns the
 * join outputs into fields; later stages read those, and the generated {@code finish} makes them
 * NULL while it emits the build rows no probe row matched through the later stages. A RIGHT_SEMI
 * or RIGHT_ANTI probe outputs no probe-side column, so it needs no carry stage; its rows reach the
 * later stages only from {@code finish}.
 */
final class StagedPipeline {
    /** Rows per batch handed to a streaming sink: the executor's batch size, what the interpreted probe emits. */
    static final int OUTPUT_ROWS = Selections.BATCH_SIZE;

    /** A stage before the sink's: filter conjuncts, or a probe. */
    private sealed interface Stage {
    }

    private record FilterStage(List<Expr> conjuncts) implements Stage {
    }

    /** A generated filter stage: its test {@code boolean test(int i)} and the conjuncts' filter methods it calls, in order. */
    private record FilterTest(String test, List<String> filters) {
    }

    private record ProbeStage(ProbeCode probe) implements Stage {
    }

    /**
     * Before a RIGHT or FULL probe: the probe-side columns the join outputs, computed into fields
     * that later stages read instead of the expressions, so that the probe's tail can make them NULL.
     */
    private record CarryStage(List<Carried> columns) implements Stage {
    }

    /** A probe-side column carried past a RIGHT or FULL probe: its value over base columns, its fields, whether a later stage reads it. */
    private static final class Carried {
        final Expr value;
        final JValue fields;
        boolean read;

        Carried(Expr value, JValue fields) {
            this.value = value;
            this.fields = fields;
        }
    }

    private final PipelineGenerator g;
    private final ClassBuilder cb;
    private final Pipeline pipeline;
    /** How each base column is read. */
    private final Map<ColumnRef, ColumnReader> bases = new HashMap<>();
    private final List<Stage> stages = new ArrayList<>();
    /** Carried columns made so far, numbering their base columns. */
    private int carriedColumns;
    /** The sink's input columns as expressions over base columns. */
    private List<Expr> sinkInputs;
    /**
     * For each operator, the stage its output rows enter: counting the rows that enter that stage
     * counts the operator's (0: the source's rows; the number of stages: the sink's).
     */
    private final List<Integer> operatorOutputs = new ArrayList<>();

    StagedPipeline(PipelineGenerator g, Pipeline pipeline) {
        this.g = g;
        this.cb = g.classBuilder();
        this.pipeline = pipeline;
    }

    /** Turns the operators into stages; the reason if some operator cannot be generated. */
    Optional<String> plan() {
        Map<ColumnRef, Expr> current = new HashMap<>();
        List<ColumnRef> source = pipeline.sourceLayout().columns();
        for (int c = 0; c < source.size(); c++) {
            bases.put(source.get(c), g.sourceColumns().reader(c));
            current.put(source.get(c), source.get(c));
        }
        List<Expr> conjuncts = new ArrayList<>();
        for (OperatorSpec op : pipeline.operators()) {
            if (op instanceof OperatorSpec.FilterSpec f) {
                // a stage per filter, so that each filter's rows are counted
                conjuncts.addAll(Exprs.conjuncts(Exprs.substitute(f.predicate(), current)));
                endFilterStage(conjuncts);
            } else if (op instanceof OperatorSpec.ProjectSpec p) {
                Map<ColumnRef, Expr> projected = new HashMap<>();
                for (Assignment a : p.assignments()) {
                    projected.put(a.output(), Exprs.substitute(a.expression(), current));
                }
                current = projected;
            } else {
                OperatorSpec.HashJoinProbeSpec spec = (OperatorSpec.HashJoinProbeSpec) op;
                endFilterStage(conjuncts);
                ProbeCode probe = new ProbeCode(cb, spec, current);
                for (Map.Entry<ColumnRef, ColumnReader> e : probe.columns().entrySet()) {
                    if (bases.containsKey(e.getKey()) || current.containsKey(e.getKey())) {
                        return Optional.of("column " + e.getKey() + " of a hash join build side is produced twice");
                    }
                    bases.put(e.getKey(), e.getValue());
                }
                Map<ColumnRef, Expr> probeSide = current;
                if (probe.flagsBuildRows() && probe.outputsProbeColumns()) {
                    probeSide = carry(spec, current);
                }
                stages.add(new ProbeStage(probe));
                Map<ColumnRef, Expr> joined = new HashMap<>();
                for (ColumnRef c : spec.output().columns()) {
                    joined.put(c, probeSide.getOrDefault(c, c));
                }
                current = joined;
            }
            operatorOutputs.add(stages.size());
        }
        sinkInputs = new ArrayList<>();
        for (ColumnRef c : pipeline.sinkLayout().columns()) {
            sinkInputs.add(current.get(c));
        }
        return Optional.empty();
    }

    /**
     * Adds a carry stage for the probe-side columns {@code spec} outputs; returns those columns
     * mapped to fresh base columns reading the carried fields.
     */
    private Map<ColumnRef, Expr> carry(OperatorSpec.HashJoinProbeSpec spec, Map<ColumnRef, Expr> current) {
        List<Carried> carried = new ArrayList<>();
        Map<ColumnRef, Expr> probeSide = new HashMap<>();
        for (ColumnRef c : spec.output().columns()) {
            Expr value = current.get(c);
            if (value == null) {
                continue;
            }
            Carried column = new Carried(value, JValueCode.declareFields(cb, Kind.of(c.type())));
            carried.add(column);
            // Negative ids never clash with the planner's.
            ColumnRef base = new ColumnRef(-1 - carriedColumns++, c.name(), c.type());
            bases.put(base, (ref, body, indent) -> {
                column.read = true;
                return JValueCode.locals(cb, column.fields, body, indent);
            });
            probeSide.put(c, base);
        }
        stages.add(new CarryStage(carried));
        return probeSide;
    }

    private void endFilterStage(List<Expr> conjuncts) {
        if (!conjuncts.isEmpty()) {
            stages.add(new FilterStage(List.copyOf(conjuncts)));
            conjuncts.clear();
        }
    }

    /** Reads each column through the reader of the source or build side that produces it. */
    private final ColumnReader byColumn = new ColumnReader() {
        @Override
        public JValue read(ColumnRef column, StringBuilder body, String indent) {
            return base(column).read(column, body, indent);
        }

        @Override
        public Optional<InPlaceString> readInPlace(ColumnRef column, StringBuilder body, String indent) {
            return base(column).readInPlace(column, body, indent);
        }
    };

    private ColumnReader base(ColumnRef column) {
        ColumnReader reader = bases.get(column);
        if (reader == null) {
            throw new IllegalStateException("column " + column + " is not produced by the pipeline's source or build sides");
        }
        return reader;
    }

    /** The push method (and, through the class builder, every stage method); {@code aggregation} null for a streaming sink. */
    String push(HashAggregateSink aggregation) {
        ExpressionGenerator x = g.readColumnsWith(byColumn);
        List<String> names = new ArrayList<>();
        for (int k = 0; k < stages.size(); k++) {
            names.add(cb.fresh("stage"));
        }
        String sinkStage = cb.fresh(aggregation != null ? "aggregate" : "emit");
        names.add(sinkStage);
        List<String> entries = countedEntries(names);
        // Later stages first, so that a carry stage knows which of its columns they read.
        if (aggregation != null) {
            aggregateStage(aggregation, sinkStage);
        } else {
            emitStage(sinkStage);
        }
        int leadingFilters = leadingFilters();
        Optional<ProbeCode> located = locatedProbe(leadingFilters);
        String start = located.isPresent() ? cb.fresh("probeStart") : "";
        String locate = located.map(p -> {
            cb.field("private int " + start + " = -1;");
            return p.locateMethod(x, start, Optional.empty());
        }).orElse("");
        List<Integer> queued = queuedProbes(located.isPresent());
        List<String> drains = new ArrayList<>();
        List<FilterTest> leadingTests = new ArrayList<>();
        for (int k = stages.size() - 1; k >= 0; k--) {
            Stage stage = stages.get(k);
            if (stage instanceof FilterStage f) {
                FilterTest test = filterStage(f.conjuncts(), names.get(k), entries.get(k + 1));
                if (k < leadingFilters) {
                    leadingTests.add(0, test);
                }
            } else if (stage instanceof CarryStage c) {
                carryStage(x, c.columns(), names.get(k), entries.get(k + 1));
            } else if (queued.contains(k)) {
                // Drained in stage order, an earlier queue's rows reaching a later queue before it drains.
                ProbeQueue queue = new ProbeQueue(cb, ((ProbeStage) stage).probe(), probesBefore(k));
                drains.add(0, queue.generate(x, names.get(k), cb.fresh("stage"), entries.get(k + 1)));
            } else {
                ((ProbeStage) stage).probe().generate(x, names.get(k), entries.get(k + 1));
            }
        }
        finish(entries, aggregation == null);
        StringBuilder s = g.pushHead();
        if (aggregation == null) {
            s.append("        outMorsel = morsel;\n");
        }
        if (located.isPresent()) {
            locatingLoops(s, located.get(), locate, start, leadingTests, names, entries);
        } else {
            s.append("        for (int k = 0; k < n; k++) {\n");
            s.append("            ").append(names.get(0)).append("(sel[k]);\n");
            s.append("        }\n");
        }
        for (String drain : drains) {
            s.append("        ").append(drain).append("();\n");
        }
        if (aggregation == null) {
            s.append("        flush();\n");
        }
        s.append("    }\n");
        return s.toString();
    }

    /**
     * The stages of the probes after the located one that get a {@link ProbeQueue}: all of them,
     * unless a stage carries columns or a probe has a tail (rows entering the stages from {@code
     * finish}), and none after a MARK probe (its mark is state a queue does not save).
     */
    private List<Integer> queuedProbes(boolean located) {
        List<Integer> queued = new ArrayList<>();
        if (!located) {
            return queued;
        }
        for (Stage stage : stages) {
            if (stage instanceof CarryStage || stage instanceof ProbeStage p && p.probe().flagsBuildRows()) {
                return queued;
            }
        }
        boolean afterLocated = false;
        for (int k = 0; k < stages.size(); k++) {
            if (stages.get(k) instanceof ProbeStage p) {
                if (afterLocated) {
                    queued.add(k);
                }
                if (p.probe().marks()) {
                    break;
                }
                afterLocated = true;
            }
        }
        return queued;
    }

    /** The probes of the stages before stage {@code k}, in order. */
    private List<ProbeCode> probesBefore(int k) {
        List<ProbeCode> probes = new ArrayList<>();
        for (Stage stage : stages.subList(0, k)) {
            if (stage instanceof ProbeStage p) {
                probes.add(p.probe());
            }
        }
        return probes;
    }

    /** The number of filter stages before the first stage of another kind. */
    private int leadingFilters() {
        int k = 0;
        while (k < stages.size() && stages.get(k) instanceof FilterStage) {
            k++;
        }
        return k;
    }

    /**
     * The probe the push locates chains for, batch-wise: the first stage after the leading filters
     * (or after its own carry stage), whose keys are over the batch's columns only.
     */
    private Optional<ProbeCode> locatedProbe(int leadingFilters) {
        int k = leadingFilters;
        if (k < stages.size() && stages.get(k) instanceof CarryStage) {
            k++;
        }
        return k < stages.size() && stages.get(k) instanceof ProbeStage p ? Optional.of(p.probe()) : Optional.empty();
    }

    /**
     * The push's loops when it locates the first probe's chains ahead of the stages (batch-wise
     * passes, as vectorized engines probe): the leading filters' tests; the locating of each passing
     * row's first chain row; a pass touching each located chain row's first key (or hash);
     * then each row, with its located row in {@code start}, enters the stage after the leading
     * filters (a row without candidates does not, where the join outputs nothing for it). The rows
     * of each pass are independent, so their cache misses overlap instead of following one another
     * row by row. Counts and order are the per-row loop's.
     */
    private void locatingLoops(StringBuilder s, ProbeCode probe, String locate, String start, List<FilterTest> leadingTests,
            List<String> names, List<String> entries) {
        int first = leadingTests.size();
        // A table's batch fits; a larger one grows them.
        cb.field("private int[] liveRows = new int[" + Selections.BATCH_SIZE + "];");
        cb.field("private int[] chainStarts = new int[" + Selections.BATCH_SIZE + "];");
        cb.field("private int touched;");
        s.append("        liveRows = atLeast(liveRows, n);\n");
        s.append("        chainStarts = atLeast(chainStarts, n);\n");
        if (first == 0) {
            s.append("        int live = n;\n");
        } else {
            leadingSelection(s, leadingTests, names, entries);
        }
        // The rows entering the stage after the leading filters are counted here, dropped ones included.
        if (!entries.get(first).equals(names.get(first))) {
            s.append("        entered").append(first).append(" += live;\n");
        }
        s.append("        int located = 0;\n");
        s.append("        for (int k = 0; k < live; k++) {\n");
        s.append("            int i = ").append(first == 0 ? "sel" : "liveRows").append("[k];\n");
        s.append("            int r = ").append(locate).append("(i);\n");
        s.append("            liveRows[located] = i;\n");
        s.append("            chainStarts[located] = r;\n");
        // A row without candidates goes no further where the join outputs nothing for it.
        s.append("            located").append(probe.dropsRowsWithoutCandidates() ? " += r >= 0 ? 1 : 0" : "++").append(";\n");
        s.append("        }\n");
        s.append("        live = located;\n");
        s.append(g.sourceColumns().touch("liveRows", "live"));
        s.append("        int touch = 0;\n");
        s.append(probe.touchChainStarts("chainStarts", "live"));
        // Kept in a field: the JIT would drop reads whose values go unused, and with them the touching.
        s.append("        touched += touch;\n");
        s.append("        for (int k = 0; k < live; k++) {\n");
        s.append("            ").append(start).append(" = chainStarts[k];\n");
        s.append("            ").append(names.get(first)).append("(liveRows[k]);\n");
        s.append("        }\n");
    }

    /**
     * The leading filters' selection passes into {@code liveRows}, leaving local {@code live}; the
     * rows entering a later leading filter counted where some operator's count needs them (the
     * first stage after them counts itself). With more leading filters than passes, one loop
     * testing each row.
     */
    private void leadingSelection(StringBuilder s, List<FilterTest> leadingTests, List<String> names, List<String> entries) {
        int first = leadingTests.size();
        List<String> filters = new ArrayList<>();
        Map<Integer, String> counts = new HashMap<>();
        for (int k = 0; k < first; k++) {
            filters.addAll(leadingTests.get(k).filters());
            if (k + 1 < first && !entries.get(k + 1).equals(names.get(k + 1))) {
                counts.put(filters.size(), "entered" + (k + 1) + " += live;");
            }
        }
        Optional<String> passes = SelectionPasses.loops(g, "sel", "n", "liveRows", filters, counts);
        if (passes.isPresent()) {
            s.append(passes.get());
            return;
        }
        s.append("        int live = 0;\n");
        s.append("        for (int k = 0; k < n; k++) {\n");
        s.append("            int i = sel[k];\n");
        for (int k = 0; k < first; k++) {
            s.append("            if (!").append(leadingTests.get(k).test()).append("(i)) {\n");
            s.append("                continue;\n");
            s.append("            }\n");
            if (k + 1 < first && !entries.get(k + 1).equals(names.get(k + 1))) {
                s.append("            entered").append(k + 1).append("++;\n");
            }
        }
        s.append("            liveRows[live++] = i;\n");
        s.append("        }\n");
    }

    /**
     * What calls each stage: its method, or for a stage whose entering rows some operator's count
     * needs, a method counting the row and then calling it. Also generates {@code
     * operatorRowsOut()}. The source's rows are {@code rowsIn} and the sink stage's {@code rowsOut}
     * (each call of it is one row for the sink), so neither needs a counter.
     */
    private List<String> countedEntries(List<String> names) {
        List<String> entries = new ArrayList<>(names);
        List<String> counts = new ArrayList<>();
        for (int stage : operatorOutputs) {
            if (stage == 0) {
                counts.add("rowsIn");
            } else if (stage == stages.size()) {
                counts.add("rowsOut");
            } else {
                String counter = "entered" + stage;
                if (entries.get(stage).equals(names.get(stage))) {
                    cb.field("private long " + counter + ";");
                    String entry = cb.fresh("count");
                    StringBuilder m = cb.method();
                    m.append("    private void ").append(entry).append("(int i) {\n");
                    m.append("        ").append(counter).append("++;\n");
                    m.append("        ").append(names.get(stage)).append("(i);\n");
                    m.append("    }\n");
                    entries.set(stage, entry);
                }
                counts.add(counter);
            }
        }
        PipelineGenerator.operatorRowsOut(cb, counts);
        return entries;
    }

    /** A stage computing the carried columns later stages read into their fields, then passing row i on. */
    private void carryStage(ExpressionGenerator x, List<Carried> columns, String name, String next) {
        List<String> carries = new ArrayList<>();
        for (Carried c : columns) {
            if (c.read) {
                ExpressionGenerator.Computed computed = x.compute(c.value, "carry");
                carries.add(computed.method() + "(i);\n" + JValueCode.assign(c.fields, computed.value(), ""));
            }
        }
        StringBuilder m = cb.method();
        m.append("    private void ").append(name).append("(int i) {\n");
        PipelineGenerator.append(m, "        ", cb.statements("carryRow", "int i", "i", carries));
        m.append("        ").append(next).append("(i);\n");
        m.append("    }\n");
    }

    /**
     * With RIGHT, FULL, RIGHT_SEMI or RIGHT_ANTI probes, {@code finish(int morsel)}: each such probe
     * in pipeline order makes the probe-side columns it carries NULL (RIGHT, FULL) and emits its
     * tail's build rows through the stages after it (so a later such probe sees them before its own
     * tail), as the interpreter's operators finish in order.
     */
    private void finish(List<String> entries, boolean streaming) {
        StringBuilder m = new StringBuilder();
        for (int k = 0; k < stages.size(); k++) {
            if (stages.get(k) instanceof ProbeStage p && p.probe().flagsBuildRows()) {
                if (p.probe().outputsProbeColumns()) {
                    List<String> nulls = new ArrayList<>();
                    for (Carried c : ((CarryStage) stages.get(k - 1)).columns()) {
                        nulls.add(c.fields.isNull() + " = true;");
                    }
                    PipelineGenerator.append(m, "        ", cb.statements("nullCarried", "", "", nulls));
                }
                String tail = cb.fresh("tail");
                p.probe().tail(tail, entries.get(k + 1));
                m.append("        ").append(tail).append("();\n");
            }
        }
        if (m.length() == 0) {
            return;
        }
        StringBuilder f = cb.method();
        f.append("    public void finish(int morsel) {\n");
        // The held-back rows are a batch of their own: what the stages remembered of the last one goes.
        f.append("        ").append(ClassBuilder.BATCH_START_METHOD).append("();\n");
        if (streaming) {
            f.append("        outMorsel = morsel;\n");
        }
        f.append(m);
        if (streaming) {
            f.append("        flush();\n");
        }
        f.append("    }\n");
    }

    /**
     * A stage passing row i on when every conjunct is TRUE; returns its test {@code boolean
     * test(int i)}, whether every conjunct is TRUE, and the conjuncts' filter methods it calls.
     */
    private FilterTest filterStage(List<Expr> conjuncts, String name, String next) {
        List<String> filters = g.filterMethods(conjuncts);
        List<String> passes = g.passes(filters);
        String test = cb.fresh("passes");
        StringBuilder t = cb.method();
        t.append("    private boolean ").append(test).append("(int i) {\n");
        for (String f : passes) {
            t.append("        if (!").append(f).append(") {\n");
            t.append("            return false;\n");
            t.append("        }\n");
        }
        t.append("        return true;\n");
        t.append("    }\n");
        StringBuilder m = cb.method();
        m.append("    private void ").append(name).append("(int i) {\n");
        m.append("        if (!").append(test).append("(i)) {\n");
        m.append("            return;\n");
        m.append("        }\n");
        m.append("        ").append(next).append("(i);\n");
        m.append("    }\n");
        return new FilterTest(test, filters);
    }

    /** The aggregating sink's stage: the row's group found and its states updated, as without probes. */
    private void aggregateStage(HashAggregateSink aggregation, String name) {
        List<String> row = new AggregationCode(cb, pipeline).aggregateRow(g.expressions(), aggregation, sinkInputs);
        StringBuilder m = cb.method();
        m.append("    private void ").append(name).append("(int i) {\n");
        m.append("        rowsOut++;\n");
        PipelineGenerator.append(m, "        ", row);
        m.append("    }\n");
    }

    /**
     * A streaming sink's stage: every sink column written at row {@code outRows} of owned vectors,
     * and {@code flush()}, which hands the rows written so far to the sink as one batch.
     */
    private void emitStage(String name) {
        cb.field("private int outRows;");
        cb.field("private int outMorsel;");
        List<ColumnRef> sinkLayout = pipeline.sinkLayout().columns();
        PipelineGenerator.Projection projection = g.project(sinkInputs, sinkLayout, "outRows");
        List<String> writes = projection.calls();
        List<String> handed = new ArrayList<>();
        for (int c = 0; c < projection.writers().size(); c++) {
            handed.add("columns[" + c + "] = " + projection.writers().get(c) + ".vector();");
        }
        cb.constructorLine("beginWriters(" + OUTPUT_ROWS + ");");
        StringBuilder m = cb.method();
        m.append("    private void ").append(name).append("(int i) {\n");
        PipelineGenerator.append(m, "        ", cb.statements("emitRow", "int i", "i", writes));
        m.append("        if (++outRows == ").append(OUTPUT_ROWS).append(") {\n");
        m.append("            flush();\n");
        m.append("        }\n");
        m.append("    }\n");
        StringBuilder f = cb.method();
        f.append("    private void flush() {\n");
        f.append("        if (outRows == 0) {\n");
        f.append("            return;\n");
        f.append("        }\n");
        f.append("        FieldVector[] columns = new FieldVector[").append(projection.writers().size()).append("];\n");
        f.append("        finishWriters(outRows);\n");
        PipelineGenerator.append(f, "        ", cb.statements("outputColumns", "FieldVector[] columns", "columns", handed));
        f.append("        int m = outRows;\n");
        f.append("        outRows = 0;\n");
        f.append("        rowsOut += m;\n");
        f.append("        local.consume(Batch.of(columns, m), outMorsel);\n");
        f.append("        beginWriters(").append(OUTPUT_ROWS).append(");\n");
        f.append("    }\n");
    }
}
