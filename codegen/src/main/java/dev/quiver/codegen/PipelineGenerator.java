package dev.quiver.codegen;

import dev.quiver.exec.aggregate.AggregateFunction;
import dev.quiver.exec.aggregate.AvgAggregate;
import dev.quiver.exec.aggregate.CountAggregate;
import dev.quiver.exec.aggregate.CountState;
import dev.quiver.exec.aggregate.DoubleSumState;
import dev.quiver.exec.aggregate.ExtremeAggregate;
import dev.quiver.exec.aggregate.GroupState;
import dev.quiver.exec.aggregate.LongSumState;
import dev.quiver.exec.aggregate.SumAggregate;
import dev.quiver.exec.aggregate.WideSumState;
import dev.quiver.exec.expr.Layout;
import dev.quiver.exec.operator.HashAggregateSink;
import dev.quiver.exec.pipeline.OperatorSpec;
import dev.quiver.exec.pipeline.Pipeline;
import dev.quiver.exec.vector.Kind;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Generates the Java source of one pipeline: a {@code push(batch, morsel)} that loops once over
 * the batch's selected rows, applies the filter conjuncts in order, computes the projection, and
 * then either (aggregating sink) finds the row's group and updates each aggregate's state in
 * place, or (any other sink) writes the computed columns at the rows' positions and hands the sink
 * a batch with the new selection, passing unchanged columns through without copying.
 *
 * <p>Supported pipeline shapes: without hash-join probes, any number of filters followed by at
 * most one projection (the normalized form the optimizer produces); with probes, any chain of
 * filters, projections and hash-join probes of any type, generated as nested stages by {@link
 * StagedPipeline} with the helpers here. Other shapes return empty and run interpreted.
 *
 * <p>No generated method grows with the width of the pipeline: computed columns share project
 * methods by the size of their expressions ({@link #project}), and every sequence with one entry
 * per column, conjunct, key or aggregate goes through {@link ClassBuilder#statements}, {@link
 * ClassBuilder#fold} or {@link ClassBuilder#chain}, which split it into methods of bounded length.
 */
final class PipelineGenerator {
    /** Keys past which the last group is not remembered: comparing them all would cost what finding the group costs. */
    static final int MAX_REMEMBERED_KEYS = 4;
    /** Set by {@link #aggregateRow}: the method reading a row's group slot ahead, for integer-like keys. */
    private Optional<String> groupTouch = Optional.empty();

    /** A generated class: its source, the constants its constructor takes, and how many fields and methods it declares. */
    record Generated(String source, List<Object> constants, int members) {
    }

    private final Pipeline pipeline;
    private final int splitThreshold;
    private final ClassBuilder cb = new ClassBuilder();
    private final SourceColumns columns = new SourceColumns(cb);
    private final List<Expr> conjuncts = new ArrayList<>();
    private final List<Expr> outputs = new ArrayList<>();
    /** Without probes: for each filter operator in order, how many of {@link #conjuncts} it and those before it hold. */
    private final List<Integer> filterEnds = new ArrayList<>();
    private ExpressionGenerator expressions;

    private PipelineGenerator(Pipeline pipeline, int splitThreshold) {
        this.pipeline = pipeline;
        this.splitThreshold = splitThreshold;
    }

    /** The generated class named {@code className}, or empty (with the reason) if the pipeline's shape is not supported. */
    static GenerationResult generate(Pipeline pipeline, String className, int splitThreshold) {
        PipelineGenerator g = new PipelineGenerator(pipeline, splitThreshold);
        HashAggregateSink aggregation = pipeline.sink() instanceof HashAggregateSink agg ? agg : null;
        String push;
        if (pipeline.operators().stream().anyMatch(op -> op instanceof OperatorSpec.HashJoinProbeSpec)) {
            StagedPipeline staged = new StagedPipeline(g, pipeline);
            Optional<String> unsupported = staged.plan();
            if (unsupported.isPresent()) {
                return GenerationResult.unsupported(unsupported.get());
            }
            push = staged.push(aggregation);
        } else {
            Optional<String> unsupported = g.flatten();
            if (unsupported.isPresent()) {
                return GenerationResult.unsupported(unsupported.get());
            }
            push = aggregation != null ? g.aggregating(aggregation) : g.streaming();
            g.countOperators();
        }
        String source = g.cb.source(className, push);
        return GenerationResult.of(new Generated(source, g.cb.constants(), g.cb.members()));
    }

    record GenerationResult(Optional<Generated> generated, String reason) {
        static GenerationResult of(Generated g) {
            return new GenerationResult(Optional.of(g), "");
        }

        static GenerationResult unsupported(String reason) {
            return new GenerationResult(Optional.empty(), reason);
        }
    }

    /** Reduces the operator chain to filter conjuncts then output expressions, all over the source layout. */
    private Optional<String> flatten() {
        boolean projected = false;
        for (OperatorSpec op : pipeline.operators()) {
            if (op instanceof OperatorSpec.FilterSpec f) {
                if (projected) {
                    return Optional.of("a filter after a projection");
                }
                conjuncts.addAll(Exprs.conjuncts(f.predicate()));
                filterEnds.add(conjuncts.size());
            } else {
                if (projected) {
                    return Optional.of("two projections in a row");
                }
                projected = true;
                for (Assignment a : ((OperatorSpec.ProjectSpec) op).assignments()) {
                    outputs.add(a.expression());
                }
            }
        }
        if (!projected) {
            outputs.addAll(pipeline.sourceLayout().columns());
        }
        Layout source = pipeline.sourceLayout();
        readColumnsWith(new ColumnReader() {
            @Override
            public JValue read(ColumnRef column, StringBuilder body, String indent) {
                return columns.reader(source.indexOf(column)).read(column, body, indent);
            }

            @Override
            public Optional<InPlaceString> readInPlace(ColumnRef column, StringBuilder body, String indent) {
                return columns.reader(source.indexOf(column)).readInPlace(column, body, indent);
            }
        });
        return Optional.empty();
    }

    ClassBuilder classBuilder() {
        return cb;
    }

    /** The input batch's columns, as generated code reads them. */
    SourceColumns sourceColumns() {
        return columns;
    }

    /** Makes the expression generator of every later method read column references through {@code reader}. */
    ExpressionGenerator readColumnsWith(ColumnReader reader) {
        expressions = new ExpressionGenerator(cb, reader, splitThreshold);
        return expressions;
    }

    /** One method per filter conjunct: true when the row passes. */
    List<String> filterMethods(List<Expr> conjuncts) {
        List<String> names = new ArrayList<>();
        for (Expr conjunct : conjuncts) {
            String name = cb.fresh("filter");
            StringBuilder m = cb.method();
            m.append("    private boolean ").append(name).append("(int i) {\n");
            JValue v = expressions.generate(conjunct, m, "        ");
            m.append("        return !").append(v.isNull()).append(" && ").append(v.v()).append(";\n");
            m.append("    }\n");
            names.add(name);
        }
        return names;
    }

    private String loopHead(StringBuilder s, List<String> filters) {
        s.append("        for (int k = 0; k < n; k++) {\n");
        s.append("            int i = sel[k];\n");
        int from = 0;
        for (int end : filterEnds) {
            if (end == from) {
                continue; // a filter without conjuncts passes every row
            }
            for (String f : passes(filters.subList(from, end))) {
                s.append("            if (!").append(f).append(") { continue; }\n");
            }
            if (end < filters.size()) {
                s.append("            ").append(passedField(end)).append("++;\n");
            }
            from = end;
        }
        return "            ";
    }

    /** The field counting the rows that passed the first {@code conjunctCount} conjuncts. */
    private static String passedField(int conjunctCount) {
        return "passed" + conjunctCount;
    }

    /**
     * Declares the counters {@link #loopHead} increments and {@code operatorRowsOut()}: a filter's
     * rows are those past its last conjunct (all of them: the rows the sink got), a projection's
     * those that reached it.
     */
    private void countOperators() {
        List<String> counts = new ArrayList<>();
        java.util.Set<Integer> declared = new java.util.HashSet<>();
        int filters = 0;
        for (OperatorSpec op : pipeline.operators()) {
            if (op instanceof OperatorSpec.FilterSpec) {
                int end = filterEnds.get(filters++);
                if (end == 0) {
                    counts.add("rowsIn");
                    continue;
                }
                if (end < conjuncts.size()) {
                    if (declared.add(end)) {
                        cb.field("private long " + passedField(end) + ";");
                    }
                    counts.add(passedField(end));
                    continue;
                }
            }
            counts.add("rowsOut");
        }
        operatorRowsOut(cb, counts);
    }

    /** Generates {@code operatorRowsOut()} returning, per operator, the value of a counter expression. */
    static void operatorRowsOut(ClassBuilder cb, List<String> counts) {
        StringBuilder m = cb.method();
        m.append("    public long[] operatorRowsOut() {\n");
        m.append("        return new long[] {").append(String.join(", ", counts)).append("};\n");
        m.append("    }\n");
    }

    /**
     * Boolean terms, over row {@code i}, each of which must be true for the row to pass the filter
     * methods {@code filters}: their calls, grouped into methods when there are many conjuncts.
     */
    List<String> passes(List<String> filters) {
        List<String> calls = new ArrayList<>();
        for (String f : filters) {
            calls.add(f + "(i)");
        }
        return cb.chain("passes", "&&", "int i", "i", calls);
    }

    /** Appends {@code statements} (units as {@link ClassBuilder#statements} returns them) at {@code indent}. */
    static void append(StringBuilder s, String indent, List<String> statements) {
        for (String statement : statements) {
            s.append(ClassBuilder.indent(statement, indent));
        }
    }

    // ------------------------------------------------------------------ streaming sinks

    private String streaming() {
        List<String> filters = filterMethods(conjuncts);
        Layout source = pipeline.sourceLayout();
        List<ColumnRef> outLayout = pipeline.sinkLayout().columns();
        List<Expr> computed = new ArrayList<>();
        List<ColumnRef> computedOut = new ArrayList<>();
        for (int c = 0; c < outputs.size(); c++) {
            if (!(outputs.get(c) instanceof ColumnRef)) {
                computed.add(outputs.get(c));
                computedOut.add(outLayout.get(c));
            }
        }
        Projection projection = project(computed, computedOut, "i");
        boolean writes = !projection.writers().isEmpty();
        // Each sink column: an input vector passed through, or a computed one's vector.
        List<String> handed = new ArrayList<>();
        int next = 0;
        for (int c = 0; c < outputs.size(); c++) {
            String vector = outputs.get(c) instanceof ColumnRef ref ? "batch.column(" + source.indexOf(ref) + ")"
                    : projection.writers().get(next++) + ".vector()";
            handed.add("columns[" + c + "] = " + vector + ";");
        }
        List<String> projections = projection.calls();
        StringBuilder s = pushHead();
        if (writes) {
            s.append("        beginWriters(rows);\n");
        }
        s.append("        int[] out = selectionBuffer(rows);\n");
        s.append("        int m = 0;\n");
        String in = loopHead(s, filters);
        s.append(in).append("out[m++] = i;\n");
        append(s, in, cb.statements("projectRow", "int i", "i", projections));
        s.append("        }\n");
        if (writes) {
            s.append("        finishWriters(rows);\n");
        }
        s.append("        rowsOut += m;\n");
        s.append("        if (m == 0) { return; }\n");
        s.append("        FieldVector[] columns = new FieldVector[").append(outputs.size()).append("];\n");
        append(s, "        ", cb.statements("outputColumns", "Batch batch, FieldVector[] columns", "batch, columns", handed));
        s.append("        local.consume(batch.withColumns(columns).withSelection(out, m), morsel);\n");
        s.append("    }\n");
        return s.toString();
    }

    /**
     * The start of the push method: locals {@code n} (selected rows), {@code sel} (their
     * positions), {@code rows} (the batch's rows), and the used input columns bound.
     */
    StringBuilder pushHead() {
        StringBuilder s = new StringBuilder();
        s.append("    public void push(Batch batch, int morsel) {\n");
        s.append("        int n = batch.selectedCount();\n");
        s.append("        int[] sel = batch.positions();\n");
        s.append("        int rows = batch.rowCount();\n");
        s.append("        rowsIn += n;\n");
        append(s, "        ", cb.statements("bindColumns", "Batch batch, int rows", "batch, rows", columns.bind()));
        return s;
    }

    /** Computed sink columns: the writer of each one's owned vector, and the statements writing row i's values. */
    record Projection(List<String> writers, List<String> calls) {
    }

    /**
     * Writers of owned vectors for sink columns {@code outs}, and methods {@code (int i)} computing
     * {@code es} for row i and writing each at {@code position} (a Java int expression: i itself
     * when the output is aligned with the input, a running count when it is dense); the calls of
     * those methods, in column order, write every column. Consecutive columns share a method while
     * their expressions fit the expression generator's node budget together (a larger one has a
     * method of its own, which the generator splits), so the number of methods grows with the
     * size of the expressions, not with the number of columns.
     */
    Projection project(List<Expr> es, List<ColumnRef> outs, String position) {
        List<String> writers = new ArrayList<>();
        List<String> calls = new ArrayList<>();
        StringBuilder m = null;
        int nodes = 0;
        for (int c = 0; c < es.size(); c++) {
            Expr e = es.get(c);
            ColumnRef out = outs.get(c);
            String type = cb.constructorConstant("DataType", out.type());
            String name = cb.constructorConstant("String", out.name());
            String writer = cb.instance("ColumnWriter", "writer(" + name + ", " + type + ")");
            writers.add(writer);
            // The write itself counts as one node.
            int size = Exprs.size(e) + 1;
            if (m == null || nodes + size > splitThreshold) {
                if (m != null) {
                    m.append("    }\n");
                }
                String method = cb.fresh("project");
                m = cb.method();
                m.append("    private void ").append(method).append("(int i) {\n");
                calls.add(method + "(i);");
                nodes = 0;
            }
            nodes += size;
            JValue v = expressions.generate(e, m, "        ");
            if (v.isNull().equals("false")) {
                m.append("        ").append(write(writer, v, position)).append('\n');
            } else if (v.isNull().equals("true")) {
                m.append("        ").append(writer).append(".setNull(").append(position).append(");\n");
            } else {
                m.append("        if (").append(v.isNull()).append(") {\n");
                m.append("            ").append(writer).append(".setNull(").append(position).append(");\n");
                m.append("        } else {\n");
                m.append("            ").append(write(writer, v, position)).append('\n');
                m.append("        }\n");
            }
        }
        if (m != null) {
            m.append("    }\n");
        }
        return new Projection(writers, calls);
    }

    private static String write(String writer, JValue v, String at) {
        return switch (v.kind()) {
            case BOOLEAN -> writer + ".setBoolean(" + at + ", " + v.v() + ");";
            case LONG -> writer + ".setLong(" + at + ", " + v.v() + ");";
            case DOUBLE -> writer + ".setDouble(" + at + ", " + v.v() + ");";
            case INT128 -> writer + ".set128(" + at + ", " + v.hi() + ", " + v.v() + ");";
            case STRING -> writer + ".setBytes(" + at + ", " + v.arr() + ", " + v.off() + ", " + v.len() + ");";
            case INTERVAL -> writer + ".setInterval(" + at + ", " + v.months() + ", " + v.days() + ", " + v.v() + ");";
        };
    }

    // ------------------------------------------------------------------ aggregation

    private String aggregating(HashAggregateSink sink) {
        List<String> filters = filterMethods(conjuncts);
        List<String> row = aggregateRow(sink, outputs);
        StringBuilder s = pushHead();
        if (conjuncts.isEmpty() && groupTouch.isPresent()) {
            // Every row's slot read ahead in a loop of its own, whose reads do not wait for one another.
            cb.field("private long touchedSlots;");
            s.append("        long touch = 0;\n");
            s.append("        for (int k = 0; k < n; k++) {\n");
            s.append("            touch += ").append(groupTouch.get()).append("(sel[k]);\n");
            s.append("        }\n");
            // Kept in a field: the JIT would drop reads whose values go unused, and with them the touching.
            s.append("        touchedSlots += touch;\n");
        }
        s.append("        long m = 0;\n");
        String in = loopHead(s, filters);
        s.append(in).append("m++;\n");
        append(s, in, row);
        s.append("        }\n");
        s.append("        rowsOut += m;\n");
        s.append("    }\n");
        return s.toString();
    }

    /**
     * The statements that fold row i into the aggregation, given the sink's input columns as
     * expressions: each input a key or an argument uses is computed once into fields (a string
     * column of the batch that is only a key is located in Arrow memory instead, and copied only
     * into a new group), the row's group is found (or added), and each aggregate's state is
     * updated for it.
     */
    List<String> aggregateRow(HashAggregateSink sink, List<Expr> inputs) {
        String agg = cb.instance("HashAggregateSink.Local", "(HashAggregateSink.Local) local");
        List<ColumnRef> sinkLayout = pipeline.sinkLayout().columns();
        // Each sink input column used by a key or an argument is computed once per row into fields.
        JValue[] computed = new JValue[inputs.size()];
        List<String> statements = new ArrayList<>();
        int[] keyColumns = sink.keyColumns();
        int[] argumentColumns = sink.argumentColumns();
        // In first-use order, without repeats (a set: wide GROUP BYs have thousands of keys).
        java.util.Set<Integer> needed = new java.util.LinkedHashSet<>();
        for (int k : keyColumns) {
            needed.add(k);
        }
        for (int a : argumentColumns) {
            if (a >= 0) {
                needed.add(a);
            }
        }
        boolean inlineProbe = true;
        for (DataType type : sink.keyTypes()) {
            inlineProbe &= Kind.of(type) != Kind.INTERVAL;
        }
        java.util.Set<Integer> arguments = new java.util.HashSet<>();
        for (int a : argumentColumns) {
            arguments.add(a);
        }
        // String keys that are only keys are hashed and compared where they lie, copied only into a new group.
        Map<Integer, ColumnReader.InPlaceString> inPlace = new HashMap<>();
        List<String> computeCalls = new ArrayList<>();
        Map<Integer, String> computeMethods = new HashMap<>();
        for (int c : needed) {
            Optional<ExpressionGenerator.ComputedInPlace> at = inlineProbe && !arguments.contains(c)
                    ? expressions.computeInPlace(inputs.get(c), "keyInPlace")
                    : Optional.empty();
            if (at.isPresent()) {
                inPlace.put(c, at.get().value());
                computeCalls.add(at.get().method() + "(i);");
                continue;
            }
            ExpressionGenerator.Computed value = expressions.compute(inputs.get(c), "compute");
            computed[c] = value.value();
            computeMethods.put(c, value.method());
            computeCalls.add(value.method() + "(i);");
        }
        for (Map.Entry<Integer, ColumnReader.InPlaceString> e : inPlace.entrySet()) {
            ColumnReader.InPlaceString at = e.getValue();
            // Stored into a new group as a heap copy; the probe itself reads the address.
            computed[e.getKey()] = JValue.string(at.isNull(), "MemoryStrings.copy(" + at.address() + ", " + at.length() + ")", "0",
                    at.length());
        }
        statements.addAll(cb.statements("computeRow", "int i", "i", computeCalls));
        String groupExpr = "0";
        if (keyColumns.length > 0) {
            String table = cb.instance("GroupByHashTable", agg + ".table()");
            String keys = cb.instance("ValueVector[]", "new ValueVector[" + keyColumns.length + "]");
            for (int k = 0; k < keyColumns.length; k++) {
                String type = cb.constant("DataType", sink.keyTypes().get(k));
                cb.constructorLine(keys + "[" + k + "] = new ValueVector(" + type + ", 1);");
            }
            List<JValue> keyValues = new ArrayList<>();
            for (int k : keyColumns) {
                keyValues.add(computed[k]);
            }
            String find = "group";
            // Keys that are columns read without error: touching ahead raises nothing the row loop would not.
            boolean touchable = inlineProbe && keyValues.stream().allMatch(v -> v.kind() == Kind.LONG)
                    && java.util.Arrays.stream(keyColumns).allMatch(k -> inputs.get(k) instanceof ColumnRef);
            groupTouch = touchable ? Optional.of(touchMethod(table, keyColumns, computed, computeMethods)) : Optional.empty();
            if (inlineProbe && rememberable(keyValues)) {
                find = "findGroup";
                rememberLastGroup(keyValues, find);
            }
            StringBuilder m = cb.method();
            m.append("    private int ").append(find).append("() {\n");
            if (inlineProbe) {
                m.append(inlineProbe(table, keys, keyColumns, computed, inPlace, agg));
            } else {
                append(m, "        ", storeKeys(keys, keyColumns, computed));
                m.append("        int g = ").append(table).append(".findOrInsert(").append(keys).append(", 0, GroupByHashTable.hash(")
                        .append(keys).append(", 0));\n");
                m.append("        ").append(agg).append(".ensureGroups(").append(table).append(".groupCount());\n");
                m.append("        return g;\n");
            }
            m.append("    }\n");
            groupExpr = "group()";
        }
        statements.add("int g = " + groupExpr + ";");
        List<String> updateCalls = new ArrayList<>();
        for (int a = 0; a < argumentColumns.length; a++) {
            String update = update(sink, agg, a, argumentColumns[a] >= 0 ? computed[argumentColumns[a]] : null,
                    argumentColumns[a] >= 0 ? sinkLayout.get(argumentColumns[a]).type() : null);
            updateCalls.add(update + "(g);");
        }
        statements.addAll(cb.statements("updateRow", "int g", "g", updateCalls));
        return statements;
    }

    /** Whether {@link #rememberLastGroup} can hold these keys: a few, none a string or an interval. */
    private static boolean rememberable(List<JValue> keys) {
        if (keys.size() > MAX_REMEMBERED_KEYS) {
            return false;
        }
        for (JValue v : keys) {
            if (v.kind() == Kind.STRING || v.kind() == Kind.INTERVAL) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code int group()} remembering the last row's keys and group: a row with the same keys (the
     * same bits: a double's -0.0 and 0.0 count as different here, and the table then finds their
     * one group) takes that group without hashing or probing, else {@code find()} finds it. Rows
     * often come clustered by their keys (lineitem by l_orderkey, a join's output by the probe
     * row), and a group index stays valid as the table grows.
     */
    private void rememberLastGroup(List<JValue> keys, String find) {
        String last = cb.fresh("lastGroup");
        cb.field("private int " + last + " = -1;");
        List<String> same = new ArrayList<>();
        List<String> remember = new ArrayList<>();
        for (JValue v : keys) {
            String n = cb.fresh("lastNull");
            String value = cb.fresh("lastKey");
            cb.field("private boolean " + n + ";");
            cb.field("private long " + value + ";");
            String bits = switch (v.kind()) {
                case BOOLEAN -> "(" + v.v() + " ? 1L : 0L)";
                case DOUBLE -> "Double.doubleToRawLongBits(" + v.v() + ")";
                default -> v.v();
            };
            String high = "";
            if (v.kind() == Kind.INT128) {
                high = cb.fresh("lastHigh");
                cb.field("private long " + high + ";");
            }
            same.add("(" + n + " == " + v.isNull() + " && (" + n + " || " + value + " == " + bits
                    + (high.isEmpty() ? "" : " && " + high + " == " + v.hi()) + "))");
            remember.add(n + " = " + v.isNull() + ";");
            remember.add(value + " = " + bits + ";");
            if (!high.isEmpty()) {
                remember.add(high + " = " + v.hi() + ";");
            }
        }
        StringBuilder m = cb.method();
        m.append("    private int group() {\n");
        m.append("        if (").append(last).append(" >= 0");
        for (String term : same) {
            m.append("\n                && ").append(term);
        }
        m.append(") {\n");
        m.append("            return ").append(last).append(";\n");
        m.append("        }\n");
        m.append("        int g = ").append(find).append("();\n");
        append(m, "        ", remember);
        m.append("        ").append(last).append(" = g;\n");
        m.append("        return g;\n");
        m.append("    }\n");
    }

    /**
     * {@code long touch(int i)}: computes row i's keys (integer-like, each by its compute method),
     * hashes them as {@link #inlineProbe} does, and returns the table's slot for the hash, so that a
     * loop over a batch brings the slots into the cache before the rows look their groups up.
     */
    private String touchMethod(String table, int[] keyColumns, JValue[] computed, Map<Integer, String> computeMethods) {
        String method = cb.fresh("touchGroup");
        StringBuilder m = cb.method();
        m.append("    private long ").append(method).append("(int i) {\n");
        java.util.Set<Integer> called = new java.util.HashSet<>();
        for (int k : keyColumns) {
            if (called.add(k)) {
                m.append("        ").append(computeMethods.get(k)).append("(i);\n");
            }
        }
        m.append("        long h = 0L;\n");
        for (int k : keyColumns) {
            JValue v = computed[k];
            m.append("        h = Hashing.combine(h, ").append(v.isNull()).append(" ? Hashing.NULL_HASH : ").append(JValueCode.hash(v))
                    .append(");\n");
        }
        m.append("        return ").append(table).append(".slots()[(int) h & ").append(table).append(".mask()];\n");
        m.append("    }\n");
        return method;
    }

    /** Statements storing each key value (NULL included) into its one-entry vector of {@code keys}. */
    private List<String> storeKeys(String keys, int[] keyColumns, JValue[] computed) {
        List<String> stores = new ArrayList<>();
        for (int k = 0; k < keyColumns.length; k++) {
            stores.add(JValueCode.storeNullable(keys + "[" + k + "]", computed[keyColumns[k]], ""));
        }
        return cb.statements("storeKeys", "", "", stores);
    }

    /**
     * The group lookup written out: the key's hash computed as {@link
     * dev.quiver.exec.aggregate.GroupByHashTable#hash} computes it, the table's own probe sequence,
     * and key equality as the table tests it, so the group found is the group the interpreter finds.
     */
    private String inlineProbe(String table, String keys, int[] keyColumns, JValue[] computed,
            Map<Integer, ColumnReader.InPlaceString> inPlace, String agg) {
        StringBuilder m = new StringBuilder();
        m.append("        long h = 0L;\n");
        List<String> hashes = new ArrayList<>();
        for (int k = 0; k < keyColumns.length; k++) {
            JValue v = computed[keyColumns[k]];
            ColumnReader.InPlaceString at = inPlace.get(keyColumns[k]);
            String hash = at != null ? "Hashing.hashMemory(" + at.address() + ", " + at.length() + ")" : JValueCode.hash(v);
            hashes.add("h = Hashing.combine(h, " + v.isNull() + " ? Hashing.NULL_HASH : " + hash + ");");
        }
        append(m, "        ", cb.fold("hashKeys", "long", "h", hashes));
        m.append("        ValueVector[] stored = ").append(table).append(".keys();\n");
        m.append("        long[] slots = ").append(table).append(".slots();\n");
        m.append("        boolean[] nullKeys = ").append(table).append(".nullKeys();\n");
        m.append("        int mask = ").append(table).append(".mask();\n");
        m.append("        int slot = (int) h & mask;\n");
        m.append("        long tag = h & GroupByHashTable.TAG_MASK;\n");
        m.append("        while (true) {\n");
        m.append("            long entry = slots[slot];\n");
        m.append("            int g = (int) entry - 1;\n");
        m.append("            if (entry == 0) {\n");
        append(m, "                ", storeKeys(keys, keyColumns, computed));
        m.append("                g = ").append(table).append(".insert(").append(keys).append(", 0, h, slot);\n");
        m.append("                ").append(agg).append(".ensureGroups(").append(table).append(".groupCount());\n");
        m.append("                return g;\n");
        m.append("            }\n");
        List<String> same = new ArrayList<>();
        for (int k = 0; k < keyColumns.length; k++) {
            JValue v = computed[keyColumns[k]];
            String s = "stored[" + k + "]";
            ColumnReader.InPlaceString at = inPlace.get(keyColumns[k]);
            String equal = at != null
                    ? "MemoryStrings.equals(" + at.address() + ", " + at.length() + ", " + s + ".bytes, " + s + ".offsets[g], " + s
                            + ".lengths[g])"
                    : switch (v.kind()) {
                case BOOLEAN -> s + ".longs[g] == (" + v.v() + " ? 1L : 0L)";
                case LONG -> s + ".longs[g] == " + v.v();
                case DOUBLE -> "Arithmetic.compareDouble(" + s + ".doubles[g], " + v.v() + ") == 0";
                case INT128 -> s + ".longs[g] == " + v.v() + " && " + s + ".highs[g] == " + v.hi();
                default -> "Strings.equals(" + s + ".bytes, " + s + ".offsets[g], " + s + ".lengths[g], " + v.arr() + ", " + v.off()
                        + ", " + v.len() + ")";
            };
            // The NULL flags are read only once the table holds a NULL key of this column.
            same.add("((nullKeys[" + k + "] && " + s + ".nulls[g]) ? " + v.isNull() + " : (!" + v.isNull() + " && " + equal + "))");
        }
        StringBuilder equal = new StringBuilder("(entry & GroupByHashTable.TAG_MASK) == tag");
        for (String term : cb.chain("sameKeys", "&&", "ValueVector[] stored, boolean[] nullKeys, int g", "stored, nullKeys, g", same)) {
            equal.append("\n                    && ").append(term);
        }
        m.append("            if (").append(equal).append(") {\n");
        m.append("                return g;\n");
        m.append("            }\n");
        m.append("            slot = (slot + 1) & mask;\n");
        m.append("        }\n");
        return m.toString();
    }

    /**
     * The update of aggregate {@code a} for group g: the same state method the aggregate's
     * vectorized update calls per row; aggregates without an inline form call that update for one row.
     */
    private String update(HashAggregateSink sink, String agg, int a, JValue arg, DataType argType) {
        AggregateFunction fn = sink.function(a);
        GroupState probe = fn.createState();
        String method = cb.fresh("update");
        StringBuilder m = cb.method();
        m.append("    private void ").append(method).append("(int g) {\n");
        String body = null;
        if (fn instanceof CountAggregate && probe instanceof CountState) {
            String st = cb.instance("CountState", "(CountState) " + agg + ".state(" + a + ")");
            body = arg == null ? st + ".counts[g]++;" : "if (!" + arg.isNull() + ") { " + st + ".counts[g]++; }";
        } else if ((fn instanceof SumAggregate || fn instanceof AvgAggregate) && arg != null) {
            if (probe instanceof LongSumState) {
                String st = cb.instance("LongSumState", "(LongSumState) " + agg + ".state(" + a + ")");
                body = "if (!" + arg.isNull() + ") { " + st + ".add(g, " + arg.v() + "); }";
            } else if (probe instanceof WideSumState) {
                String st = cb.instance("WideSumState", "(WideSumState) " + agg + ".state(" + a + ")");
                if (arg.kind() == Kind.INT128) {
                    String t = cb.instance("long[]", "new long[2]");
                    body = "if (!" + arg.isNull() + ") { " + st + ".add(g, " + arg.hi() + ", " + arg.v() + ", " + t + "); }";
                } else {
                    body = "if (!" + arg.isNull() + ") { " + st + ".add(g, " + arg.v() + "); }";
                }
            } else if (probe instanceof DoubleSumState) {
                String st = cb.instance("DoubleSumState", "(DoubleSumState) " + agg + ".state(" + a + ")");
                body = "if (!" + arg.isNull() + ") { " + st + ".add(g, " + arg.v() + "); }";
            }
        } else if (fn instanceof ExtremeAggregate && arg != null && (arg.kind() == Kind.LONG || arg.kind() == Kind.BOOLEAN)) {
            String st = cb.instance("ExtremeState", "(ExtremeState) " + agg + ".state(" + a + ")");
            String value = arg.kind() == Kind.BOOLEAN ? "(" + arg.v() + " ? 1L : 0L)" : arg.v();
            body = "if (!" + arg.isNull() + ") { " + st + ".offerLong(g, " + value + "); }";
        }
        if (body == null) {
            // Any other aggregate: its own vectorized update on a one-row batch.
            String function = cb.constant("AggregateFunction", fn);
            String state = cb.instance("GroupState", agg + ".state(" + a + ")");
            String groups = cb.instance("int[]", "new int[1]");
            String input = arg == null ? "null" : cb.instance("ValueVector", "new ValueVector(" + cb.constant("DataType", argType) + ", 1)");
            StringBuilder b = new StringBuilder();
            b.append(groups).append("[0] = g;\n");
            if (arg != null) {
                b.append(JValueCode.storeNullable(input, arg, "        "));
            }
            b.append("        ").append(function).append(".update(").append(state).append(", ").append(groups).append(", ")
                    .append(input).append(", ZERO, 1);");
            body = b.toString();
        }
        int position = sink.position(a);
        if (position >= 0) {
            m.append("        try {\n");
            m.append("        ").append(body).append('\n');
            m.append("        } catch (RuntimeException ex) {\n");
            m.append("            throw Errors.at(ex, ").append(cb.constant("int", position)).append(");\n");
            m.append("        }\n");
        } else {
            m.append("        ").append(body).append('\n');
        }
        m.append("    }\n");
        return method;
    }
}
