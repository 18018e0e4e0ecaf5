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
import dev.quiver.exec.operator.HashAggregateSink;
import dev.quiver.exec.pipeline.Pipeline;
import dev.quiver.exec.vector.Kind;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The code folding a row into a hash aggregation inside a generated pipeline, meaning what the
 * interpreter's {@code HashAggregateSink} means: the row's key and argument values computed once,
 * its group found in (or added to) the sink's {@code GroupByHashTable} exactly as the table finds
 * it (same hash, same probe sequence, same key equality), and each aggregate's state updated as the
 * aggregate's own vectorized update would. Shortcuts that change no outcome: string keys of the
 * batch hashed and compared where they lie in Arrow memory, the last row's keys and group
 * remembered or a few groups cached by key ({@link GroupShortcuts}), and, for integer-like
 * column keys, a method reading a row's group slot (or directory entry) ahead.
 */
final class AggregationCode {
    private final ClassBuilder cb;
    private final Pipeline pipeline;
    /** Set by {@link #aggregateRow}, for integer-like column keys: makes the method reading a row's group ahead. */
    private Optional<java.util.function.Supplier<String>> groupTouch = Optional.empty();

    AggregationCode(ClassBuilder cb, Pipeline pipeline) {
        this.cb = cb;
        this.pipeline = pipeline;
    }

    /**
     * After {@link #aggregateRow}: generates {@code long touch(int i)}, reading row i's group slot
     * (or directory entry) ahead where the keys allow it, and returns its name (call once, and
     * only where the push uses it).
     */
    Optional<String> groupTouch() {
        return groupTouch.map(java.util.function.Supplier::get);
    }

    /**
     * The statements that fold row i into the aggregation, given the sink's input columns as
     * expressions: each input a key or an argument uses is computed once into fields (a string
     * column of the batch that is only a key is located in Arrow memory instead, and copied only
     * into a new group), the row's group is found (or added), and each aggregate's state is
     * updated for it.
     */
    List<String> aggregateRow(ExpressionGenerator x, HashAggregateSink sink, List<Expr> inputs) {
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
                    ? x.computeInPlace(inputs.get(c), "keyInPlace")
                    : Optional.empty();
            if (at.isPresent()) {
                inPlace.put(c, at.get().value());
                computeCalls.add(at.get().method() + "(i);");
                continue;
            }
            ExpressionGenerator.Computed value = x.compute(inputs.get(c), "compute");
            computed[c] = value.value();
            computeMethods.put(c, value.method());
            computeCalls.add(value.method() + "(i);");
            // Every row runs the compute calls in this order, so later inputs may read this one's fields.
            x.reuse(inputs.get(c), value.value());
        }
        x.forgetComputed();
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
            groupTouch = touchable ? Optional.of(() -> touchMethod(table, keyColumns, computed, computeMethods)) : Optional.empty();
            List<ColumnReader.InPlaceString> keyPlaces = new ArrayList<>();
            for (int k : keyColumns) {
                keyPlaces.add(inPlace.get(k));
            }
            if (inlineProbe && new GroupShortcuts(cb).generate(keyValues, keyPlaces, "findGroup")) {
                find = "findGroup";
            }
            StringBuilder m = cb.method();
            m.append("    private int ").append(find).append("() {\n");
            if (inlineProbe) {
                m.append(inlineProbe(table, keys, keyColumns, computed, inPlace, agg));
            } else {
                PipelineGenerator.append(m, "        ", storeKeys(keys, keyColumns, computed));
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
            if (sink.sharesStateOf(a) >= 0) {
                // Its state is another aggregate's, updated there.
                continue;
            }
            String update = update(sink, agg, a, argumentColumns[a] >= 0 ? computed[argumentColumns[a]] : null,
                    argumentColumns[a] >= 0 ? sinkLayout.get(argumentColumns[a]).type() : null);
            updateCalls.add(update + "(g);");
        }
        statements.addAll(cb.statements("updateRow", "int g", "g", updateCalls));
        return statements;
    }

    /**
     * {@code long touch(int i)}: computes row i's keys (integer-like, each by its compute method),
     * hashes them as {@link #inlineProbe} does, and reads what the lookup will read first: the
     * directory entry of a key the table maps directly, else the slot for the hash. A loop over a
     * batch calls it for every row, so that the rows find their groups cached: the loop's
     * iterations depend on nothing of each other, so their misses overlap.
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
        PipelineGenerator.append(m, "        ", hashKeys(keyColumns, computed, Map.of()));
        String slot = table + ".slots()[(int) h & " + table + ".mask()]";
        if (keyColumns.length == 1) {
            // One integer key: the directory entry when the table maps the key's range directly.
            JValue key = computed[keyColumns[0]];
            slot = key.isNull() + " ? " + slot + " : " + table + ".touch(" + key.v() + ", h)";
        }
        m.append("        return ").append(slot).append(";\n");
        m.append("    }\n");
        return method;
    }

    /**
     * Statements folding the row's key hashes into {@code h} (which starts at 0) as {@link
     * dev.quiver.exec.aggregate.GroupByHashTable#hash} does; keys in {@code inPlace} are hashed
     * where they lie in Arrow memory.
     */
    private List<String> hashKeys(int[] keyColumns, JValue[] computed, Map<Integer, ColumnReader.InPlaceString> inPlace) {
        List<String> hashes = new ArrayList<>();
        for (int k : keyColumns) {
            JValue v = computed[k];
            ColumnReader.InPlaceString at = inPlace.get(k);
            String hash = at != null ? "Hashing.hashMemory(" + at.address() + ", " + at.length() + ")" : JValueCode.hash(v);
            hashes.add("h = Hashing.combine(h, " + v.isNull() + " ? Hashing.NULL_HASH : " + hash + ");");
        }
        return cb.fold("hashKeys", "long", "h", hashes);
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
        PipelineGenerator.append(m, "        ", hashKeys(keyColumns, computed, inPlace));
        if (keyColumns.length == 1 && computed[keyColumns[0]].kind() == Kind.LONG && !inPlace.containsKey(keyColumns[0])) {
            // The table may map the key's range directly (GroupByHashTable.useDirectory): a key it
            // covers is found there or is new, and only the others probe the slots.
            JValue key = computed[keyColumns[0]];
            m.append("        if (!").append(key.isNull()).append(") {\n");
            m.append("            int e = ").append(table).append(".directoryEntry(").append(key.v()).append(");\n");
            m.append("            if (e > 0) {\n");
            m.append("                return e - 1;\n");
            m.append("            }\n");
            m.append("            if (e < 0) {\n");
            newGroup(m, "int g", table + ".insertCovered(" + keys + ", 0, h)", keys, keyColumns, computed, table, agg);
            m.append("            }\n");
            m.append("        }\n");
        }
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
        newGroup(m, "g", table + ".insert(" + keys + ", 0, h, slot)", keys, keyColumns, computed, table, agg);
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
     * Appends the statements adding the row's key as a new group: the key stored into the
     * one-entry {@code keys}, {@code insert} (a call returning the new group id) assigned to
     * {@code g} (declared or not, as {@code target} says), the states made to hold it, g returned.
     */
    private void newGroup(StringBuilder m, String target, String insert, String keys, int[] keyColumns, JValue[] computed,
            String table, String agg) {
        PipelineGenerator.append(m, "                ", storeKeys(keys, keyColumns, computed));
        m.append("                ").append(target).append(" = ").append(insert).append(";\n");
        m.append("                ").append(agg).append(".ensureGroups(").append(table).append(".groupCount());\n");
        m.append("                return g;\n");
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
                    body = "if (!" + arg.isNull() + ") { " + st + ".add(g, " + arg.hi() + ", " + arg.v() + "); }";
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
