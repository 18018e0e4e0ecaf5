package dev.quiver.codegen;

import dev.quiver.exec.batch.Selections;
import dev.quiver.exec.operator.HashJoinTable;
import dev.quiver.exec.pipeline.OperatorSpec;
import dev.quiver.exec.vector.Kind;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.physical.HashJoin;
import dev.quiver.planner.plan.JoinType;
import dev.quiver.planner.type.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The code of one hash-join probe inside a generated pipeline, meaning what the interpreter's
 * {@code HashJoinProbeOperator} means ({@link HashJoin} is the contract). For the current probe row
 * it evaluates every probe key (cast as {@link HashJoinTable#probeKeys} casts them), skips rows
 * with a NULL in a key that is not null-safe, hashes the keys as the build side did, walks the
 * table's chain for the hash comparing keys as the table does, and evaluates the residual for
 * each candidate. Then, per join type, it calls the next stage: INNER for each pair that passes;
 * LEFT likewise, or once with the table's all-NULL row if none passed; SINGLE once with its one
 * passing pair or the NULL row, failing on a second; SEMI once if some pair passes; ANTI once if
 * none does; MARK once, with the mark TRUE if some residual is TRUE, else NULL if one was NULL (or,
 * the null-aware form, a key was NULL), else FALSE.
 *
 * RIGHT and FULL probe like INNER and LEFT and also flag each build row of a passing pair as
 * matched; {@link #tail} then emits the build rows no probe row matched, once every probe row is
 * through. RIGHT_SEMI and RIGHT_ANTI only flag (skipping build rows already flagged) and never call
 * the next stage per probe row; their {@link #tail} emits the flagged, or the unflagged, build rows.
 *
 * <p>The current build row is in a field, so later stages read build columns there (heap columns,
 * strings in place).
 *
 * <p>Two shortcuts change no outcome. Before walking, INNER, RIGHT, SEMI, RIGHT_SEMI and RIGHT_ANTI
 * probes test the key hash against the table's join filter ({@link HashJoinTable#mayMatch}), and
 * an integer-like key itself against the table's exact filter of it where it has one ({@link
 * HashJoinTable#keyFilter}; a locating pass tests it before hashing); either rules out only rows
 * that have no candidate. The
 * pipeline's first probe may instead be located ({@link #locateMethod}): the push finds each row's
 * first chain row (testing the filter then) in a batch-wise loop, and the walk starts there; a
 * later probe likewise, by its {@link ProbeQueue}'s drain, while the queue is on.
 */
final class ProbeCode {
    /** A probe row's outcome (SEMI, ANTI, MARK) or a residual's value: FALSE, TRUE, NULL. */
    private static final int NO = 0;
    private static final int YES = 1;
    private static final int UNKNOWN = 2;
    /**
     * Candidate pairs between two cancellation checks (a power of two): the interpreted probe checks
     * once per buffer of this many pairs.
     */
    static final int CANCEL_CHECK_PAIRS = Selections.BATCH_SIZE;
    private final ClassBuilder cb;
    private final HashJoin join;
    private final JoinType type;
    private final OperatorSpec.HashJoinProbeSpec spec;
    /** Probe keys and residual over the pipeline's base columns. */
    private final List<Expr> keys;
    private final Optional<Expr> residual;
    /** Fields: the build table, and the current build row (what later stages read build columns at). */
    private final String table;
    private final String buildRow;
    /** Build columns hoisted so far (on first read). */
    private final HeapColumn[] buildColumns;
    /** MARK: fields holding the current row's mark. */
    private final JValue mark;
    /** Fields and methods made by {@link #generate}: the probe row's key hash, the pair counter, the key comparison. */
    private String hash;
    private String pairs;
    private String matches;
    /**
     * Whether the join is on one integer-like key (kept as a long) that is not null-safe: the chain
     * walk then compares the key alone, without first comparing the stored hash (comparing it is
     * as cheap, and one array read less), and the join filter tests the key itself where the table
     * has an exact filter of it ({@link HashJoinTable#keyFilter}).
     */
    private final boolean oneIntegerKey;
    /**
     * Whether the join is on one key kept as a {@code long} that is not null-safe: its table may
     * have key-ordered buckets ({@link HashJoinTable#keyBuckets()}), which the probe finds by key.
     */
    private final boolean mayBucketByKey;
    /**
     * The keys (bit k for key k, of the first 64) that the join filter's gate may test before
     * hashing, against the table's exact filter of one of them ({@link HashJoinTable#keyFilter}):
     * integer-like (kept as a long) and not null-safe.
     */
    private final long filterKeys;
    /** The stage's probe key values, set by {@link #generate}: what its filter test reads. */
    private List<JValue> stageKeys;
    private String rowCount;
    /**
     * The join filter's gate, made by {@link #filterGate} on first use: by a located probe's locate
     * method (for every join type) and by the stage, for joins where a row without candidates
     * outputs nothing.
     */
    private String gate;
    /**
     * A boolean field, made with {@link #gate}: whether the gate tests a key (the table has an exact
     * filter of it), rather than hashes or, for a filter of one key of several, before them.
     * Generated code tests it itself, so that a one-key probe calls the gate once per row, and a
     * probe whose table has no exact filter only tests this field more.
     */
    private String testsKeys;
    /** An int field, made with {@link #gate} when several keys could be tested: the key its gate tests. */
    private String gateKey;
    /**
     * Set by {@link #locateMethod}: the field holding the current probe row's first chain row,
     * which the push located beforehand; the chain walk starts there instead of at the bucket head.
     */
    private String start;
    /**
     * Set by {@link #locateMethod} for a probe located only sometimes (a {@link ProbeQueue}'s): the
     * boolean field saying whether {@link #start} holds the located row; when false the stage tests
     * the filter and starts at the bucket head itself. Null when the probe is always located.
     */
    private String startWhen;

    /** The probe of {@code spec}; {@code input} maps the probe's input columns to expressions over base columns. */
    ProbeCode(ClassBuilder cb, OperatorSpec.HashJoinProbeSpec spec, Map<ColumnRef, Expr> input) {
        this.cb = cb;
        this.spec = spec;
        this.join = spec.join();
        this.type = join.type();
        keys = HashJoinTable.probeKeys(join).stream().map(k -> Exprs.substitute(k, input)).toList();
        residual = join.residual().map(r -> Exprs.substitute(r, input));
        String sink = cb.constant("HashJoinBuildSink", spec.build());
        table = cb.instance("HashJoinTable", sink + ".table()");
        buildRow = cb.fresh("buildRow");
        cb.field("private int " + buildRow + ";");
        buildColumns = new HeapColumn[spec.buildColumns().size()];
        mark = type == JoinType.MARK ? JValueCode.declareFields(cb, Kind.BOOLEAN) : null;
        long filterable = 0;
        for (int k = 0; k < Math.min(keys.size(), Long.SIZE); k++) {
            boolean integerLike = Kind.of(keys.get(k).type()) == Kind.LONG && !join.nullSafe().get(k)
                    && !join.buildKeys().get(k).type().isUnknown() && !keys.get(k).type().isUnknown();
            filterable |= integerLike ? 1L << k : 0;
        }
        filterKeys = filterable;
        oneIntegerKey = keys.size() == 1 && filterKeys == 1;
        mayBucketByKey = keys.size() == 1 && Kind.of(keys.get(0).type()) == Kind.LONG && !join.nullSafe().get(0);
    }

    /** The columns this probe adds to the base columns (the build columns at the current build row, the mark), with their readers. */
    Map<ColumnRef, ColumnReader> columns() {
        Map<ColumnRef, ColumnReader> columns = new LinkedHashMap<>();
        List<ColumnRef> build = spec.buildColumns().columns();
        for (int c = 0; c < build.size(); c++) {
            int index = c;
            columns.put(build.get(c), (column, body, indent) -> buildColumn(index, column.type()).read(buildRow, body, indent));
        }
        join.mark().ifPresent(m -> columns.put(m, (column, body, indent) -> JValueCode.locals(cb, mark, body, indent)));
        return columns;
    }

    private HeapColumn buildColumn(int c, DataType type) {
        if (buildColumns[c] == null) {
            buildColumns[c] = new HeapColumn(cb, table + ".column(" + c + ")", type);
        }
        return buildColumns[c];
    }

    /**
     * Generates the probe's methods; returns its stage method {@code name(int i)}, which calls
     * {@code next(i)} once per row the join outputs for probe row i.
     */
    String generate(ExpressionGenerator x, String name, String next) {
        List<ExpressionGenerator.Computed> computedKeys = computeKeys(x, "probeKey");
        List<JValue> keyValues = computedKeys.stream().map(ExpressionGenerator.Computed::value).toList();
        hash = cb.fresh("probeHash");
        cb.field("private long " + hash + ";");
        pairs = cb.fresh("pairs");
        cb.field("private int " + pairs + ";");
        String keysMethod = keysMethod(computedKeys, false);
        matches = matchMethod(keyValues);
        stageKeys = keyValues;
        Optional<String> residualMethod = residual.map(r -> residualMethod(x, r));
        StringBuilder m = cb.method();
        m.append("    // hash join probe, ").append(type).append(join.nullAwareMark() ? " (null-aware)" : "").append('\n');
        if (!type.outputsLeft()) {
            flags(m, name, keysMethod, residualMethod);
        } else if (type.outputsRight()) {
            pairs(m, name, keysMethod, residualMethod, next);
        } else {
            decided(m, name, keysMethod, residualMethod, next);
        }
        return name;
    }

    /**
     * Makes this probe's chain walk start at a row the push located beforehand, and returns the
     * locating method {@code int locate(int i)}: the first row of probe row i's chain, or -1 where
     * it has no candidate (a NULL key that is not null-safe, a key the join filter rules out, an
     * empty bucket). The push calls it for a batch's rows in a loop of its own, whose bucket reads
     * do not wait for one another (the misses overlap), and sets {@code field} to the row's value
     * before the row enters the stages; the stage still evaluates the keys and decides NULLs as
     * before. Call before {@link #generate}, whose chain walk reads {@code field} once set.
     * With {@code when} (a boolean field), the walk reads {@code field} only while {@code when} is
     * true; otherwise it tests the filter and starts at the bucket head, as an unlocated probe.
     */
    String locateMethod(ExpressionGenerator x, String field, Optional<String> when) {
        start = field;
        startWhen = when.orElse(null);
        List<ExpressionGenerator.Computed> computedKeys = computeKeys(x, "locateKey");
        // The locating keys and hash are fields of their own: the stage's hold the current row's.
        String stageHash = hash;
        hash = cb.fresh("locateHash");
        cb.field("private long " + hash + ";");
        String locateKeys = keysMethod(computedKeys, filterKeys != 0);
        List<JValue> locateValues = computedKeys.stream().map(ExpressionGenerator.Computed::value).toList();
        String locateHash = hash;
        hash = stageHash;
        String method = cb.fresh("locate");
        StringBuilder m = cb.method();
        m.append("    private int ").append(method).append("(int i) {\n");
        m.append("        if (").append(rowCount()).append(" == 0 || !").append(locateKeys).append("(i)) {\n");
        m.append("            return -1;\n");
        m.append("        }\n");
        m.append("        long h = ").append(locateHash).append(";\n");
        // Any join type: a row without candidates walks an empty chain, whatever the type makes of that.
        String test = filterGate();
        String passes = oneIntegerKey ? "(" + testsKeys + " || " + test + ".mayMatch(h))" : test + ".mayMatch(h)";
        m.append("        return ").append(passes).append(" ? ").append(bucketHead("h", locateValues)).append(" : -1;\n");
        m.append("    }\n");
        return method;
    }

    /**
     * Whether the push may drop a probe row without candidates before the stages: the join outputs
     * nothing for it (no row, no flag), and no carry stage before the probe would have evaluated
     * the row's probe-side columns (RIGHT has one, whose errors the interpreter raises for every row).
     */
    boolean dropsRowsWithoutCandidates() {
        return switch (type) {
            case INNER, SEMI, RIGHT_SEMI, RIGHT_ANTI -> true;
            default -> false;
        };
    }

    /**
     * A Java int expression reading, for chain row {@code row} (not -1), the array the walk reads
     * first: touching it brings that line into the cache ahead of the walk. After {@link #generate}.
     */
    String touch(String row) {
        return oneIntegerKey
                ? "(int) " + cb.instance("long[]", table + ".key(0).longs") + "[" + row + "]"
                : "(int) " + cb.instance("long[]", table + ".hashes()") + "[" + row + "]";
    }

    /**
     * A loop (lines at 8 spaces) adding {@link #touch} of each located chain start {@code
     * starts[0..count)} that is not -1 to the local int {@code touch}.
     */
    String touchChainStarts(String starts, String count) {
        return "        for (int k = 0; k < " + count + "; k++) {\n"
                + "            int r = " + starts + "[k];\n"
                + "            if (r >= 0) {\n"
                + "                touch += " + touch("r") + ";\n"
                + "            }\n"
                + "        }\n";
    }

    /** The field holding the current build row, which later stages read this probe's build columns at. */
    String buildRowField() {
        return buildRow;
    }

    /** Whether the probe sets a mark (MARK joins): state besides the build row that later stages read. */
    boolean marks() {
        return mark != null;
    }

    /**
     * An int expression reading, at the build row {@code row}, every build column hoisted so far
     * (each column some generated stage reads): touching them brings their lines into the cache.
     * "0" when none is.
     */
    String touchColumns(String row) {
        List<String> reads = new ArrayList<>();
        for (HeapColumn c : buildColumns) {
            if (c != null) {
                reads.add(c.touch(row));
            }
        }
        return reads.isEmpty() ? "0" : String.join(" + ", reads);
    }

    /** A boolean field: whether the table has at least {@code rows} (an int expression valid in the constructor) rows. */
    String hasRows(String rows) {
        return cb.instance("boolean", rowCount() + " >= " + rows);
    }

    /** Methods computing each probe key for row i into fields of their own. */
    private List<ExpressionGenerator.Computed> computeKeys(ExpressionGenerator x, String prefix) {
        List<ExpressionGenerator.Computed> computed = new ArrayList<>();
        for (Expr k : keys) {
            computed.add(x.compute(k, prefix));
        }
        return computed;
    }

    /**
     * {@code boolean keys(int i)}: evaluates every key, false if a key that is not null-safe is
     * NULL, else sets the hash. With {@code testKey} (for a locating pass, and only when some key
     * is in {@link #filterKeys}), also false when the join filter rules the key its gate tests
     * out, tested before the hash is computed.
     */
    private String keysMethod(List<ExpressionGenerator.Computed> computedKeys, boolean testKey) {
        List<String> keyMethods = computedKeys.stream().map(ExpressionGenerator.Computed::method).toList();
        List<JValue> values = computedKeys.stream().map(ExpressionGenerator.Computed::value).toList();
        String method = cb.fresh("probeKeys");
        StringBuilder m = cb.method();
        m.append("    private boolean ").append(method).append("(int i) {\n");
        List<String> calls = new ArrayList<>();
        List<String> unprobeable = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            calls.add(keyMethods.get(k) + "(i);");
            if (!join.nullSafe().get(k)) {
                unprobeable.add(values.get(k).isNull());
            }
        }
        PipelineGenerator.append(m, "        ", cb.statements("probeKeyRow", "int i", "i", calls));
        if (!unprobeable.isEmpty()) {
            m.append("        if (").append(String.join(" || ", cb.chain("anyNullKey", "||", "", "", unprobeable))).append(") {\n");
            m.append("            return false;\n");
            m.append("        }\n");
        }
        if (testKey) {
            String test = filterGate();
            m.append("        if (").append(testsKeys).append(" && !").append(test).append(".mayMatchKey(").append(gateKeyValue(values)).append(")) {\n");
            m.append("            return false;\n");
            m.append("        }\n");
        }
        m.append("        long h = 0L;\n");
        List<String> hashes = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            JValue v = values.get(k);
            if (v.kind() == Kind.INTERVAL) {
                // Intervals hash normalized (1 month = 30 days): leave that to the interpreter's own hash.
                String scratch = cb.instance("ValueVector", "new ValueVector(" + cb.constant("DataType", keys.get(k).type()) + ", 1)");
                hashes.add(JValueCode.storeNullable(scratch, v, "") + "h = Hashing.combine(h, ValueComparisons.hash(" + scratch + ", 0));");
            } else {
                hashes.add("h = Hashing.combine(h, " + v.isNull() + " ? Hashing.NULL_HASH : " + JValueCode.hash(v) + ");");
            }
        }
        PipelineGenerator.append(m, "        ", cb.fold("hashProbeKeys", "long", "h", hashes));
        m.append("        ").append(hash).append(" = h;\n");
        m.append("        return true;\n");
        m.append("    }\n");
        return method;
    }

    /**
     * {@code boolean matches(int r)}: whether chain row r has the probe row's keys, as the table
     * compares them (a null-safe key matches NULL with NULL; other keys are not NULL on either side).
     */
    private String matchMethod(List<JValue> values) {
        String method = cb.fresh("matches");
        StringBuilder m = cb.method();
        m.append("    private boolean ").append(method).append("(int r) {\n");
        List<String> sameKeys = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            JValue p = values.get(k);
            DataType buildType = join.buildKeys().get(k).type();
            JValue b = new HeapColumn(cb, table + ".key(" + k + ")", buildType.isUnknown() ? buildType : keys.get(k).type()).at("r");
            String same;
            if (buildType.isUnknown() || keys.get(k).type().isUnknown()) {
                // One side is always NULL: only a null-safe key can match, NULL with NULL.
                same = "(" + b.isNull() + " && " + p.isNull() + ")";
            } else if (join.nullSafe().get(k)) {
                same = "(" + b.isNull() + " ? " + p.isNull() + " : (!" + p.isNull() + " && " + ExpressionGenerator.equal(p, b) + "))";
            } else {
                same = ExpressionGenerator.equal(p, b);
            }
            sameKeys.add(same);
        }
        m.append("        return true");
        for (String term : cb.chain("matchKeys", "&&", "int r", "r", sameKeys)) {
            m.append("\n                && ").append(term);
        }
        m.append(";\n");
        m.append("    }\n");
        return method;
    }

    /** {@code int residual(int i)} for the current pair: NO, YES or UNKNOWN. */
    private String residualMethod(ExpressionGenerator x, Expr r) {
        String method = cb.fresh("residual");
        StringBuilder m = cb.method();
        m.append("    private int ").append(method).append("(int i) {\n");
        JValue v = x.generate(r, m, "        ");
        m.append("        if (").append(v.isNull()).append(") {\n");
        m.append("            return ").append(UNKNOWN).append(";\n");
        m.append("        }\n");
        m.append("        return ").append(v.v()).append(" ? ").append(YES).append(" : ").append(NO).append(";\n");
        m.append("    }\n");
        return method;
    }

    /**
     * The head of the chain walk at {@code indent}, to be followed by the body for a candidate
     * {@code r} and {@link #walkEnd}: every chain row whose hash and keys equal the probe row's, in
     * chain order, from the bucket head or, for a located probe, from the row the push located.
     */
    private String walk(String indent) {
        String nextRows = cb.instance("int[]", table + ".nextRows()");
        String hashTest = oneIntegerKey ? "" : cb.instance("long[]", table + ".hashes()") + "[r] != h || ";
        String first = start == null ? bucketHead("h", stageKeys)
                : startWhen == null ? start : startWhen + " ? " + start + " : " + bucketHead("h", stageKeys);
        return indent + "long h = " + hash + ";\n"
                + indent + "for (int r = " + first + "; r >= 0; r = " + nextRows + "[r]) {\n"
                + indent + "    if (" + hashTest + "!" + matches + "(r)) {\n"
                + indent + "        continue;\n"
                + indent + "    }\n"
                + indent + "    " + pairs + " = countPair(" + pairs + ", " + (CANCEL_CHECK_PAIRS - 1) + ");\n";
    }

    /**
     * The join filter's test of the probe row's hash, or key, or key and then hash, at {@code
     * indent}, doing {@code reject} when the row can have no candidate. For joins where such a row outputs nothing (INNER, RIGHT, SEMI,
     * RIGHT_SEMI, RIGHT_ANTI): it spares the chain walk's cache misses for rows without a match.
     */
    private String filtered(String indent, String reject) {
        if (start != null && startWhen == null) {
            return ""; // the push located the row's chain, testing the filter then
        }
        String test = filterGate();
        // A sometimes-located probe tests only rows it did not locate.
        String unlocated = startWhen == null ? "" : "!" + startWhen + " && ";
        String ruledOut;
        if (oneIntegerKey) {
            ruledOut = "(" + testsKeys + " ? !" + test + ".mayMatchKey(" + gateKeyValue(stageKeys) + ") : !" + test + ".mayMatch(" + hash + "))";
        } else if (filterKeys != 0) {
            // The gate tests the hash as well when it tests one key of several.
            ruledOut = "((" + testsKeys + " && !" + test + ".mayMatchKey(" + gateKeyValue(stageKeys) + ")) || !" + test + ".mayMatch(" + hash + "))";
        } else {
            ruledOut = "!" + test + ".mayMatch(" + hash + ")";
        }
        return indent + "if (" + unlocated + ruledOut + ") {\n" + indent + "    " + reject + "\n" + indent + "}\n";
    }

    /**
     * The field of the probe's {@link dev.quiver.codegen.runtime.JoinFilterGate}, the driver's own
     * (which judges whether testing pays): its {@code mayMatch(long h)} is false when the table's
     * hashed filter rules the hash out, its {@code mayMatchKey(long k)} when the exact filter rules
     * the key it tests out (a key of {@link #filterKeys}). Made on first use.
     */
    private String filterGate() {
        if (gate == null) {
            // One gate per probe: a sometimes-located probe tests in its locate pass and in its stage alike.
            gate = cb.instance("JoinFilterGate", "new JoinFilterGate(" + table + ", " + filterKeys + "L)");
            testsKeys = cb.instance("boolean", gate + ".testsKeys()");
            if (Long.bitCount(filterKeys) > 1) {
                gateKey = cb.instance("int", gate + ".key()");
            }
            cb.batchStartLine(gate + ".startBatch();");
        }
        return gate;
    }

    /**
     * A Java long expression: of the key {@code values} (one per join key), the one the gate tests
     * ({@link #gateKey}, chosen among {@link #filterKeys} when the gate is made). After {@link #filterGate}.
     */
    private String gateKeyValue(List<JValue> values) {
        int last = 63 - Long.numberOfLeadingZeros(filterKeys);
        StringBuilder select = new StringBuilder("(");
        for (int k = 0; k < last; k++) {
            if ((filterKeys & (1L << k)) != 0) {
                select.append(gateKey).append(" == ").append(k).append(" ? ").append(values.get(k).v()).append(" : ");
            }
        }
        return select.append(values.get(last).v()).append(")").toString();
    }

    /**
     * A Java int expression: the first row of the chain of the probe row with key hash {@code h}
     * and key {@code values}, or -1. Of the bucket of the hash, or of a key-ordered table's bucket
     * of the key ({@link HashJoinTable#keyHead}); a key of UNKNOWN type is NULL and has none.
     */
    private String bucketHead(String h, List<JValue> values) {
        String heads = cb.instance("int[]", table + ".heads()");
        String mask = cb.instance("int", table + ".mask()");
        String hashed = heads + "[(int) " + h + " & " + mask + "]";
        if (!mayBucketByKey) {
            return hashed;
        }
        String byKey = cb.instance("boolean", table + ".keyBuckets()");
        String keyed = keys.get(0).type().isUnknown() ? "-1"
                : "HashJoinTable.keyHead(" + heads + ", " + values.get(0).v() + ", " + cb.instance("long", table + ".keyMin()") + ", "
                        + cb.instance("long", table + ".keySpan()") + ", " + cb.instance("int", table + ".keyShift()") + ")";
        return "(" + byKey + " ? " + keyed + " : " + hashed + ")";
    }

    private static String walkEnd(String indent) {
        return indent + "}\n";
    }

    /** INNER, LEFT, SINGLE: the stage method, calling the next stage with each output pair's build row set. */
    private void pairs(StringBuilder m, String name, String keysMethod, Optional<String> residualMethod, String next) {
        m.append("    private void ").append(name).append("(int i) {\n");
        if (type == JoinType.INNER || type == JoinType.RIGHT) {
            m.append("        if (").append(rowCount()).append(" == 0) {\n");
            m.append("            return;\n");
            m.append("        }\n");
        }
        boolean leftTail = type == JoinType.LEFT || type == JoinType.FULL;
        if (leftTail) {
            m.append("        int passed = 0;\n");
        } else if (type == JoinType.SINGLE) {
            m.append("        int found = -1;\n");
        }
        m.append("        if (").append(keysMethod).append("(i)) {\n");
        if (type == JoinType.INNER || type == JoinType.RIGHT) {
            m.append(filtered("            ", "return;"));
        }
        m.append(walk("            "));
        m.append("                ").append(buildRow).append(" = r;\n");
        residualMethod.ifPresent(r -> m.append("                if (").append(r).append("(i) != ").append(YES).append(") {\n")
                .append("                    continue;\n").append("                }\n"));
        if (flagsBuildRows()) {
            m.append("                ").append(table).append(".markMatched(r);\n");
        }
        switch (type) {
            case LEFT, FULL -> {
                m.append("                passed++;\n");
                m.append("                ").append(next).append("(i);\n");
            }
            case SINGLE -> {
                m.append("                if (found >= 0) {\n");
                m.append("                    throw Errors.moreThanOneRow();\n");
                m.append("                }\n");
                m.append("                found = r;\n");
            }
            default -> m.append("                ").append(next).append("(i);\n");
        }
        m.append(walkEnd("            "));
        m.append("        }\n");
        String nullRow = cb.instance("int", table + ".nullRow()");
        if (leftTail) {
            m.append("        if (passed == 0) {\n");
            m.append("            ").append(buildRow).append(" = ").append(nullRow).append(";\n");
            m.append("            ").append(next).append("(i);\n");
            m.append("        }\n");
        } else if (type == JoinType.SINGLE) {
            m.append("        ").append(buildRow).append(" = found >= 0 ? found : ").append(nullRow).append(";\n");
            m.append("        ").append(next).append("(i);\n");
        }
        m.append("    }\n");
    }

    /** RIGHT_SEMI, RIGHT_ANTI: the stage method, flagging the build rows of the pairs that pass; it calls no next stage. */
    private void flags(StringBuilder m, String name, String keysMethod, Optional<String> residualMethod) {
        m.append("    private void ").append(name).append("(int i) {\n");
        m.append("        if (").append(rowCount()).append(" == 0 || !").append(keysMethod).append("(i)) {\n");
        m.append("            return;\n");
        m.append("        }\n");
        m.append(filtered("        ", "return;"));
        m.append(walk("        "));
        m.append("            if (").append(table).append(".wasMatched(r)) {\n");
        m.append("                continue;\n");
        m.append("            }\n");
        residualMethod.ifPresent(r -> m.append("            ").append(buildRow).append(" = r;\n")
                .append("            if (").append(r).append("(i) != ").append(YES).append(") {\n")
                .append("                continue;\n").append("            }\n"));
        m.append("            ").append(table).append(".markMatched(r);\n");
        m.append(walkEnd("        "));
        m.append("    }\n");
    }

    /** RIGHT, FULL, RIGHT_SEMI, RIGHT_ANTI: whether the probe flags the build rows it matched, for {@link #tail}. */
    boolean flagsBuildRows() {
        return type.flagsBuildRows();
    }

    /**
     * Whether the join outputs probe-side columns (all but RIGHT_SEMI and RIGHT_ANTI): those of a
     * flagging probe must be carried, so that its {@link #tail} can make them NULL.
     */
    boolean outputsProbeColumns() {
        return type.outputsLeft();
    }

    /**
     * RIGHT and FULL: a method {@code name()} calling {@code next(0)} once for each build row no
     * probe row matched, with that row as the current build row; the caller has made every
     * probe-side column the later stages read NULL. RIGHT_SEMI likewise for each build row some
     * probe row matched, RIGHT_ANTI for each no probe row matched (no probe-side columns). Called
     * once, after every probe row.
     */
    void tail(String name, String next) {
        StringBuilder m = cb.method();
        m.append("    private void ").append(name).append("() {\n");
        m.append("        for (int r = 0; r < ").append(rowCount()).append("; r++) {\n");
        m.append("            if (").append(type == JoinType.RIGHT_SEMI ? "!" : "").append(table).append(".wasMatched(r)) {\n");
        m.append("                continue;\n");
        m.append("            }\n");
        m.append("            ").append(pairs).append(" = countPair(").append(pairs).append(", ").append(CANCEL_CHECK_PAIRS - 1).append(");\n");
        m.append("            ").append(buildRow).append(" = r;\n");
        m.append("            ").append(next).append("(0);\n");
        m.append("        }\n");
        m.append("    }\n");
    }

    /** SEMI, ANTI, MARK: a method deciding the probe row's outcome, and the stage method acting on it. */
    private void decided(StringBuilder m, String name, String keysMethod, Optional<String> residualMethod, String next) {
        String decide = decideMethod(keysMethod, residualMethod);
        m.append("    private void ").append(name).append("(int i) {\n");
        switch (type) {
            case SEMI -> {
                m.append("        if (").append(rowCount()).append(" != 0 && ").append(decide).append("(i) == ").append(YES).append(") {\n");
                m.append("            ").append(next).append("(i);\n");
                m.append("        }\n");
            }
            case ANTI -> {
                m.append("        if (").append(decide).append("(i) != ").append(YES).append(") {\n");
                m.append("            ").append(next).append("(i);\n");
                m.append("        }\n");
            }
            default -> {
                m.append("        int outcome = ").append(decide).append("(i);\n");
                m.append("        ").append(mark.isNull()).append(" = outcome == ").append(UNKNOWN).append(";\n");
                m.append("        ").append(mark.v()).append(" = outcome == ").append(YES).append(";\n");
                m.append("        ").append(next).append("(i);\n");
            }
        }
        m.append("    }\n");
    }

    /**
     * {@code int decide(int i)}: YES if some candidate passes (stopping there), else UNKNOWN if some
     * residual was NULL or the null-aware MARK rules say so, else NO.
     */
    private String decideMethod(String keysMethod, Optional<String> residualMethod) {
        boolean nullAware = join.nullAwareMark();
        String method = cb.fresh("decide");
        StringBuilder m = cb.method();
        m.append("    private int ").append(method).append("(int i) {\n");
        m.append("        if (!").append(keysMethod).append("(i)) {\n");
        // Null-aware: x IN (non-empty set) is NULL when x is NULL.
        m.append("            return ").append(nullAware ? rowCount() + " > 0 ? " + UNKNOWN + " : " + NO : String.valueOf(NO))
                .append(";\n");
        m.append("        }\n");
        if (type == JoinType.SEMI) {
            m.append(filtered("        ", "return " + NO + ";"));
        }
        if (residualMethod.isPresent()) {
            m.append("        boolean unknown = false;\n");
        }
        m.append(walk("        "));
        if (residualMethod.isPresent()) {
            m.append("            ").append(buildRow).append(" = r;\n");
            m.append("            int v = ").append(residualMethod.get()).append("(i);\n");
            m.append("            if (v == ").append(YES).append(") {\n");
            m.append("                return ").append(YES).append(";\n");
            m.append("            }\n");
            m.append("            unknown |= v == ").append(UNKNOWN).append(";\n");
        } else {
            m.append("            return ").append(YES).append(";\n");
        }
        m.append(walkEnd("        "));
        if (nullAware) {
            // Null-aware: x IN (set with a NULL) is NULL when x is not in the set.
            m.append("        return ").append(cb.instance("boolean", table + ".hasNullKey()")).append(" ? ").append(UNKNOWN).append(" : ")
                    .append(NO).append(";\n");
        } else if (residualMethod.isPresent()) {
            m.append("        return unknown ? ").append(UNKNOWN).append(" : ").append(NO).append(";\n");
        } else {
            m.append("        return ").append(NO).append(";\n");
        }
        m.append("    }\n");
        return method;
    }

    /** The field holding the table's number of rows. */
    private String rowCount() {
        if (rowCount == null) {
            rowCount = cb.instance("int", table + ".rowCount()");
        }
        return rowCount;
    }
}
