package dev.quiver.codegen;

import dev.quiver.exec.expr.Layout;
import dev.quiver.exec.operator.HashAggregateSink;
import dev.quiver.exec.pipeline.OperatorSpec;
import dev.quiver.exec.pipeline.Pipeline;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.plan.Assignment;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.List;
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

    /** The expression generator later methods use (the last {@link #readColumnsWith} made). */
    ExpressionGenerator expressions() {
        return expressions;
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
            // '&', not '&&': no branch, so that selection passes can add the outcome without one.
            m.append("        return !").append(v.isNull()).append(" & ").append(v.v()).append(";\n");
            m.append("    }\n");
            names.add(name);
        }
        return names;
    }

    /** The selection passes of the filter into {@code target}, with the filters' counts; empty if no conjunct or too many filters. */
    private Optional<String> selectionPasses(List<String> filters, String target) {
        if (filters.isEmpty()) {
            return Optional.empty();
        }
        java.util.Map<Integer, String> counts = new java.util.HashMap<>();
        for (int end : filterEnds) {
            counts.put(end, passedField(end) + " += live;");
        }
        return SelectionPasses.loops(this, "sel", "n", target, filters, counts);
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
     * Declares the counters the selection passes (or {@link #loopHead}) add to and {@code
     * operatorRowsOut()}: a filter's rows are those past its last conjunct (all of them: the rows
     * the sink got), a projection's those that reached it.
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
        Optional<String> passes = selectionPasses(filters, "out");
        if (passes.isPresent()) {
            s.append(passes.get());
            s.append("        int m = live;\n");
            if (!projections.isEmpty()) {
                s.append(columns.touch("out", "m"));
                s.append("        for (int k = 0; k < m; k++) {\n");
                s.append("            int i = out[k];\n");
                append(s, "            ", cb.statements("projectRow", "int i", "i", projections));
                s.append("        }\n");
            }
        } else {
            s.append("        int m = 0;\n");
            String in = loopHead(s, filters);
            s.append(in).append("out[m++] = i;\n");
            append(s, in, cb.statements("projectRow", "int i", "i", projections));
            s.append("        }\n");
        }
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
     * positions), {@code rows} (the batch's rows), the class's batch-start statements run, and the
     * used input columns bound. Written after every stage.
     */
    StringBuilder pushHead() {
        StringBuilder s = new StringBuilder();
        s.append("    public void push(Batch batch, int morsel) {\n");
        s.append("        int n = batch.selectedCount();\n");
        s.append("        int[] sel = batch.positions();\n");
        s.append("        int rows = batch.rowCount();\n");
        s.append("        rowsIn += n;\n");
        s.append("        ").append(cb.batchStartMethod()).append('\n');
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
        AggregationCode aggregation = new AggregationCode(cb, pipeline);
        List<String> row = aggregation.aggregateRow(expressions, sink, outputs);
        StringBuilder s = pushHead();
        Optional<String> passes = selectionPasses(filters, "rowsKept");
        passes.ifPresent(p -> s.append("        int[] rowsKept = selectionBuffer(rows);\n").append(p).append(columns.touch("rowsKept", "live")));
        String rowsRead = passes.isPresent() ? "rowsKept" : "sel";
        String rowCount = passes.isPresent() ? "live" : "n";
        Optional<String> groupTouch = conjuncts.isEmpty() || passes.isPresent() ? aggregation.groupTouch() : Optional.empty();
        if (groupTouch.isPresent()) {
            // Every row's slot read ahead in a loop of its own, whose reads do not wait for one another.
            cb.field("private long touchedSlots;");
            s.append("        long touch = 0;\n");
            s.append("        for (int k = 0; k < ").append(rowCount).append("; k++) {\n");
            s.append("            touch += ").append(groupTouch.get()).append("(").append(rowsRead).append("[k]);\n");
            s.append("        }\n");
            // Kept in a field: the JIT would drop reads whose values go unused, and with them the touching.
            s.append("        touchedSlots += touch;\n");
        }
        String in;
        if (passes.isPresent()) {
            s.append("        long m = live;\n");
            s.append("        for (int k = 0; k < live; k++) {\n");
            s.append("            int i = rowsKept[k];\n");
            in = "            ";
        } else {
            s.append("        long m = 0;\n");
            in = loopHead(s, filters);
            s.append(in).append("m++;\n");
        }
        append(s, in, row);
        s.append("        }\n");
        s.append("        rowsOut += m;\n");
        s.append("    }\n");
        return s.toString();
    }

}
