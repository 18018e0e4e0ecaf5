package dev.quiver.codegen;

import dev.quiver.codegen.runtime.MemoryStrings;
import dev.quiver.exec.expr.ConstantSet;
import dev.quiver.exec.expr.Kernels;
import dev.quiver.exec.function.LikeMatcher;
import dev.quiver.exec.vector.Kind;
import dev.quiver.exec.vector.ValueVector;
import dev.quiver.exec.vector.Values;
import dev.quiver.planner.expr.Call;
import dev.quiver.planner.expr.CaseWhen;
import dev.quiver.planner.expr.Cast;
import dev.quiver.planner.expr.ColumnRef;
import dev.quiver.planner.expr.Expr;
import dev.quiver.planner.expr.Exprs;
import dev.quiver.planner.expr.Function;
import dev.quiver.planner.expr.Literal;
import dev.quiver.planner.type.DataType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an expression into Java statements evaluating it for row {@code i}. The statements call
 * the same static functions the interpreter's kernels call, in the same order, with the same
 * short-circuiting (AND, OR, CASE and COALESCE evaluate an argument only where the interpreter
 * does; strict calls evaluate every argument), so a value or an error is the same on both paths.
 * Functions without an inline form call the interpreter's own kernel for the one row ("bridge").
 *
 * <p>Large expressions are split: a subtree bigger than {@link #SPLIT_THRESHOLD} nodes becomes a
 * method that leaves its result in fields, which keeps every generated method far below the
 * 8,000-byte limit beyond which HotSpot does not compile a method.
 */
final class ExpressionGenerator {
    /** Nodes per generated method before a subtree moves to its own method (~60 bytes of bytecode per node). */
    static final int SPLIT_THRESHOLD = 48;
    /**
     * Branches of a CASE (arguments of AND/OR) generated side by side; more are regrouped as a nested
     * CASE (AND/OR), which evaluates in the same order, so no single method holds all the branch code.
     */
    static final int MAX_BRANCHES = 8;
    /**
     * Literal lists up to this length make {@code x IN (...)} a chain of equality tests: for a handful
     * of constants, comparing beats hashing the value and probing a set.
     */
    static final int MAX_IN_CHAIN = 8;

    private final ClassBuilder cb;
    private final ColumnReader columns;
    private final int splitThreshold;
    private StringBuilder body;
    private String indent = "        ";
    /** Nodes the current method may still take inline. */
    private int budget;
    /** Expressions whose value for row i is already in fields wherever code generated now runs ({@link #reuse}). */
    private final Map<Expr, JValue> computedBefore = new HashMap<>();

    /** A generator whose column references read through {@code columns}. */
    ExpressionGenerator(ClassBuilder cb, ColumnReader columns, int splitThreshold) {
        this.cb = cb;
        this.columns = columns;
        this.splitThreshold = splitThreshold;
    }

    /** A method of generated code that evaluates an expression for row i and leaves the value in fields. */
    record Computed(String method, JValue value) {
    }

    /** Generates {@code e} as a method {@code prefix<n>(int i)} leaving its value in fresh fields (the caller calls it). */
    Computed compute(Expr e, String prefix) {
        String method = cb.fresh(prefix);
        StringBuilder m = cb.method();
        m.append("    private void ").append(method).append("(int i) {\n");
        JValue inner = generate(e, m, "        ");
        JValue fields = JValueCode.declareFields(cb, Kind.of(e.type()));
        m.append(JValueCode.assign(fields, inner, "        "));
        m.append("    }\n");
        return new Computed(method, fields);
    }

    /**
     * Declares that {@code value}, the fields {@link #compute} left {@code e}'s value in, hold that
     * value for the current row wherever the code generated from now on runs: the caller promises
     * to call the compute method for every row before any such code. An expression generated
     * later then reads those fields for every subtree equal to {@code e} instead of evaluating it
     * again (common subexpression elimination, as DuckDB's CommonSubExpressionOptimizer does for
     * TPC-H Q1's {@code l_extendedprice * (1 - l_discount)}). Values and errors stay the interpreter's:
     * functions are deterministic, and where {@code e} fails for a row it fails first in its own
     * method. Until {@link #forgetComputed}; columns and literals are never worth it and are ignored.
     */
    void reuse(Expr e, JValue value) {
        if (!(e instanceof ColumnRef) && !(e instanceof Literal)) {
            computedBefore.putIfAbsent(e, value);
        }
    }

    /** Ends every {@link #reuse}: code generated from now on may run where those fields are stale. */
    void forgetComputed() {
        computedBefore.clear();
    }

    /**
     * A method of generated code that locates string {@code e} for row i in Arrow memory, without
     * copying it, and leaves its NULL flag, address and length in fields; empty (generating nothing)
     * unless {@code e} is a string column of the batch, seen through casts that cannot change it.
     */
    Optional<ComputedInPlace> computeInPlace(Expr e, String prefix) {
        StringBuilder m = new StringBuilder();
        Optional<ColumnReader.InPlaceString> at = into(m, "        ", () -> stringInPlace(e));
        if (at.isEmpty()) {
            return Optional.empty();
        }
        String method = cb.fresh(prefix);
        ColumnReader.InPlaceString fields = new ColumnReader.InPlaceString(cb.fresh("fn"), cb.fresh("fp"), cb.fresh("fl"));
        cb.field("private boolean " + fields.isNull() + ";");
        cb.field("private long " + fields.address() + ";");
        cb.field("private int " + fields.length() + ";");
        StringBuilder out = cb.method();
        out.append("    private void ").append(method).append("(int i) {\n").append(m);
        out.append("        ").append(fields.isNull()).append(" = ").append(at.get().isNull()).append(";\n");
        out.append("        ").append(fields.address()).append(" = ").append(at.get().address()).append(";\n");
        out.append("        ").append(fields.length()).append(" = ").append(at.get().length()).append(";\n");
        out.append("    }\n");
        return Optional.of(new ComputedInPlace(method, fields));
    }

    /** A method of generated code that leaves a string's place in Arrow memory in fields (see {@link #computeInPlace}). */
    record ComputedInPlace(String method, ColumnReader.InPlaceString value) {
    }

    /** Generates {@code e} into the given method body (at the given indentation). */
    JValue generate(Expr e, StringBuilder into, String at) {
        return into(into, at, () -> gen(e, true));
    }

    /** Runs {@code generation} writing into {@code method} at indentation {@code at}, with a fresh node budget. */
    private <T> T into(StringBuilder method, String at, java.util.function.Supplier<T> generation) {
        StringBuilder savedBody = body;
        String savedIndent = indent;
        int savedBudget = budget;
        body = method;
        indent = at;
        budget = splitThreshold;
        try {
            return generation.get();
        } finally {
            body = savedBody;
            indent = savedIndent;
            budget = savedBudget;
        }
    }

    private void line(String s) {
        body.append(indent).append(s).append('\n');
    }

    private void open(String s) {
        line(s + " {");
        indent += "    ";
    }

    private void close() {
        indent = indent.substring(4);
        line("}");
    }

    private JValue gen(Expr e, boolean methodRoot) {
        // Looked up only while reusing: hashing an expression walks all of it.
        JValue before = computedBefore.isEmpty() ? null : computedBefore.get(e);
        if (before != null) {
            budget--;
            return before;
        }
        if (!methodRoot && Exprs.size(e) > budget) {
            return split(e);
        }
        budget--;
        if (e instanceof Literal l) {
            return literal(l);
        }
        if (e instanceof ColumnRef c) {
            return columns.read(c, body, indent);
        }
        if (e instanceof Cast c) {
            return cast(c);
        }
        if (e instanceof CaseWhen c) {
            return caseWhen(c);
        }
        return call((Call) e);
    }

    // ------------------------------------------------------------------ plumbing

    /** Moves a subtree into its own method whose result stays in fields. */
    private JValue split(Expr e) {
        Computed computed = compute(e, "x");
        line(computed.method() + "(i);");
        return computed.value();
    }

    /** Declares locals for a result (NULL, zero values). */
    private JValue declare(Kind kind) {
        String n = cb.fresh("n");
        line("boolean " + n + " = true;");
        return switch (kind) {
            case INT128 -> {
                String lo = cb.fresh("v");
                String hi = cb.fresh("h");
                line("long " + lo + " = 0L;");
                line("long " + hi + " = 0L;");
                yield JValue.wide(n, hi, lo);
            }
            case STRING -> {
                String arr = cb.fresh("a");
                String off = cb.fresh("o");
                String len = cb.fresh("l");
                line("byte[] " + arr + " = EMPTY_BYTES;");
                line("int " + off + " = 0;");
                line("int " + len + " = 0;");
                yield JValue.string(n, arr, off, len);
            }
            case INTERVAL -> {
                String mo = cb.fresh("mo");
                String dy = cb.fresh("dy");
                String us = cb.fresh("us");
                line("int " + mo + " = 0;");
                line("int " + dy + " = 0;");
                line("long " + us + " = 0L;");
                yield JValue.interval(n, mo, dy, us);
            }
            default -> {
                String v = cb.fresh("v");
                line(JValue.javaType(kind) + " " + v + " = " + JValue.zero(kind) + ";");
                yield JValue.simple(kind, n, v);
            }
        };
    }

    /** target := source (NULL flag and every component of the kind). */
    private void assign(JValue target, JValue source) {
        body.append(JValueCode.assign(target, source, indent));
    }

    /** Wraps the statements between open/close in a try that adds the SQL position to errors. */
    private void tryOpen(int position) {
        if (position >= 0) {
            open("try");
        }
    }

    private void tryClose(int position) {
        if (position >= 0) {
            String p = cb.constant("int", position);
            indent = indent.substring(4);
            line("} catch (RuntimeException ex) {");
            line("    throw Errors.at(ex, " + p + ");");
            line("}");
        }
    }

    // ------------------------------------------------------------------ leaves

    private JValue literal(Literal l) {
        Kind kind = Kind.of(l.type());
        if (l.isNull()) {
            return switch (kind) {
                case INT128 -> JValue.wide("true", "0L", "0L");
                case STRING -> JValue.string("true", "EMPTY_BYTES", "0", "0");
                case INTERVAL -> JValue.interval("true", "0", "0", "0L");
                default -> JValue.simple(kind, "true", JValue.zero(kind));
            };
        }
        ValueVector one = new ValueVector(l.type(), 1);
        Values.set(one, 0, l.get());
        return switch (kind) {
            case BOOLEAN -> JValue.simple(kind, "false", cb.constant("boolean", one.longs[0] != 0));
            case LONG -> JValue.simple(kind, "false", cb.constant("long", one.longs[0]));
            case DOUBLE -> JValue.simple(kind, "false", cb.constant("double", one.doubles[0]));
            case INT128 -> JValue.wide("false", cb.constant("long", one.highs[0]), cb.constant("long", one.longs[0]));
            case STRING -> {
                byte[] bytes = java.util.Arrays.copyOfRange(one.bytes, one.offsets[0], one.offsets[0] + one.lengths[0]);
                String arr = cb.constant("byte[]", bytes);
                yield JValue.string("false", arr, "0", arr + ".length");
            }
            case INTERVAL -> JValue.interval("false", cb.constant("int", one.months[0]), cb.constant("int", one.days[0]),
                    cb.constant("long", one.longs[0]));
        };
    }

    // ------------------------------------------------------------------ CASE

    private JValue caseWhen(CaseWhen c) {
        if (c.whens().size() > MAX_BRANCHES) {
            // CASE w1..wn ELSE x  =  CASE w1..w8 ELSE (CASE w9..wn ELSE x): same conditions, same order.
            CaseWhen rest = new CaseWhen(c.whens().subList(MAX_BRANCHES, c.whens().size()), c.otherwise(), c.type());
            c = new CaseWhen(c.whens().subList(0, MAX_BRANCHES), rest, c.type());
        }
        JValue result = declare(Kind.of(c.type()));
        String taken = cb.fresh("t");
        line("boolean " + taken + " = false;");
        for (CaseWhen.WhenThen w : c.whens()) {
            open("if (!" + taken + ")");
            JValue condition = gen(w.condition(), false);
            open("if (!" + condition.isNull() + " && " + condition.v() + ")");
            line(taken + " = true;");
            assign(result, gen(w.result(), false));
            close();
            close();
        }
        open("if (!" + taken + ")");
        assign(result, gen(c.otherwise(), false));
        close();
        return result;
    }

    // ------------------------------------------------------------------ calls

    private JValue call(Call call) {
        Function f = call.function();
        switch (f) {
            case AND:
            case OR:
                return logical(call, f == Function.AND);
            case IS_NULL:
            case IS_NOT_NULL: {
                JValue x = gen(call.argument(0), false);
                String v = cb.fresh("v");
                line("boolean " + v + " = " + (f == Function.IS_NULL ? "" : "!") + x.isNull() + ";");
                return JValue.simple(Kind.BOOLEAN, "false", v);
            }
            case COALESCE:
                return coalesce(call);
            case NULLIF:
                return nullIf(call);
            case IN:
                return in(call);
            case EQUAL:
            case NOT_EQUAL: {
                Optional<JValue> inPlace = equalsInPlace(call, f == Function.EQUAL);
                return inPlace.isPresent() ? inPlace.get() : strict(call);
            }
            case LIKE: {
                Optional<JValue> inPlace = likeInPlace(call);
                return inPlace.isPresent() ? inPlace.get() : strict(call);
            }
            case IS_DISTINCT_FROM:
            case IS_NOT_DISTINCT_FROM:
                return distinctFrom(call, f == Function.IS_DISTINCT_FROM);
            case CONCAT_WS:
                return concatWs(call);
            default:
                return strict(call);
        }
    }

    private JValue logical(Call call, boolean isAnd) {
        if (call.arguments().size() > MAX_BRANCHES) {
            // a1 AND ... AND an  =  a1 AND ... AND a7 AND (a8 AND ... AND an): evaluated left to right either way.
            List<Expr> args = new ArrayList<>(call.arguments().subList(0, MAX_BRANCHES - 1));
            args.add(new Call(call.function(), call.arguments().subList(MAX_BRANCHES - 1, call.arguments().size()), call.type(),
                    call.position()));
            call = new Call(call.function(), args, call.type(), call.position());
        }
        JValue result = declare(Kind.BOOLEAN);
        line(result.isNull() + " = false;");
        String decided = cb.fresh("d");
        line("boolean " + decided + " = false;");
        String decisive = isAnd ? "false" : "true";
        for (Expr a : call.arguments()) {
            open("if (!" + decided + ")");
            JValue x = gen(a, false);
            open("if (" + x.isNull() + ")");
            line(result.isNull() + " = true;");
            indent = indent.substring(4);
            line("} else if (" + x.v() + " == " + decisive + ") {");
            indent += "    ";
            line(decided + " = true;");
            close();
            close();
        }
        open("if (" + decided + ")");
        line(result.isNull() + " = false;");
        line(result.v() + " = " + decisive + ";");
        indent = indent.substring(4);
        line("} else {");
        indent += "    ";
        line(result.v() + " = " + (isAnd ? "true" : "false") + ";");
        close();
        return result;
    }

    private JValue coalesce(Call call) {
        JValue result = declare(Kind.of(call.type()));
        for (Expr a : call.arguments()) {
            open("if (" + result.isNull() + ")");
            JValue x = gen(a, false);
            open("if (!" + x.isNull() + ")");
            assign(result, x);
            close();
            close();
        }
        return result;
    }

    private JValue nullIf(Call call) {
        JValue a = gen(call.argument(0), false);
        JValue b = gen(call.argument(1), false);
        JValue result = declare(Kind.of(call.type()));
        open("if (!" + a.isNull() + " && !" + b.isNull() + " && " + equal(a, b) + ")");
        line(result.isNull() + " = true;");
        indent = indent.substring(4);
        line("} else {");
        indent += "    ";
        assign(result, a);
        close();
        return result;
    }

    private JValue distinctFrom(Call call, boolean distinct) {
        JValue a = gen(call.argument(0), false);
        JValue b = gen(call.argument(1), false);
        String same = cb.fresh("v");
        line("boolean " + same + " = (" + a.isNull() + " || " + b.isNull() + ") ? " + a.isNull() + " == " + b.isNull() + " : "
                + equal(a, b) + ";");
        String v = cb.fresh("v");
        line("boolean " + v + " = " + same + " != " + distinct + ";");
        return JValue.simple(Kind.BOOLEAN, "false", v);
    }

    private JValue in(Call call) {
        List<Expr> items = call.arguments().subList(1, call.arguments().size());
        if (items.isEmpty()) {
            // value IN (): FALSE for every value, NULL included, without evaluating it (as InNode).
            return JValue.simple(Kind.BOOLEAN, "false", "false");
        }
        boolean literals = items.stream().allMatch(i -> i instanceof Literal);
        DataType valueType = call.argument(0).type();
        // Strings compare as bytes whatever their declared length; other literals must have the value's exact type.
        boolean sameTypes = items.stream().allMatch(i -> valueType.isString() ? i.type().isString() : i.type().equals(valueType));
        if (literals && sameTypes && items.size() <= MAX_IN_CHAIN) {
            return inChain(call.argument(0), items);
        }
        JValue value = gen(call.argument(0), false);
        JValue result = declare(Kind.BOOLEAN);
        line(result.isNull() + " = " + value.isNull() + ";");
        if (literals) {
            List<Object> constants = new ArrayList<>();
            for (Expr item : items) {
                Literal l = (Literal) item;
                constants.add(l.isNull() ? null : l.get());
            }
            String set = cb.constant("ConstantSet", new ConstantSet(call.argument(0).type(), constants));
            String probe = scratchVector(call.argument(0).type());
            open("if (!" + value.isNull() + ")");
            store(probe, value);
            line(result.v() + " = " + set + ".contains(" + probe + ", 0);");
            line(result.isNull() + " = !" + result.v() + " && " + set + ".containsNull();");
            close();
            return result;
        }
        List<JValue> evaluated = new ArrayList<>();
        for (Expr item : items) {
            evaluated.add(gen(item, false));
        }
        for (JValue x : evaluated) {
            open("if (!" + value.isNull() + " && !(!" + result.isNull() + " && " + result.v() + "))");
            open("if (" + x.isNull() + ")");
            line(result.isNull() + " = true;");
            indent = indent.substring(4);
            line("} else if (" + equal(value, x) + ") {");
            indent += "    ";
            line(result.isNull() + " = false;");
            line(result.v() + " = true;");
            close();
            close();
        }
        return result;
    }

    /**
     * {@code value IN (literals)} as equality tests against each non-NULL literal in list order: TRUE
     * on the first equal one; else NULL if the value or some literal is NULL; else FALSE (as the
     * interpreter's set lookup). A string column is compared where it lies in Arrow memory.
     */
    private JValue inChain(Expr valueExpr, List<Expr> items) {
        boolean listHasNull = items.stream().anyMatch(i -> ((Literal) i).isNull());
        List<Literal> constants = new ArrayList<>();
        for (Expr item : items) {
            if (!((Literal) item).isNull()) {
                constants.add((Literal) item);
            }
        }
        Optional<ColumnReader.InPlaceString> inPlace = stringInPlace(valueExpr);
        String isNull;
        List<String> tests = new ArrayList<>();
        if (inPlace.isPresent()) {
            isNull = inPlace.get().isNull();
            for (Literal l : constants) {
                tests.add(memoryEquals(inPlace.get(), l));
            }
        } else {
            JValue value = gen(valueExpr, false);
            isNull = value.isNull();
            for (Literal l : constants) {
                tests.add(equal(value, literal(l)));
            }
        }
        JValue result = declare(Kind.BOOLEAN);
        line(result.isNull() + " = " + isNull + ";");
        open("if (!" + isNull + ")");
        line(result.v() + " = " + (tests.isEmpty() ? "false" : String.join(" || ", tests)) + ";");
        if (listHasNull) {
            line(result.isNull() + " = !" + result.v() + ";");
        }
        close();
        return result;
    }

    /** {@code column = 'literal'} (or {@code <>}) on a string column compared in Arrow memory; empty if not of that shape. */
    private Optional<JValue> equalsInPlace(Call call, boolean equal) {
        Expr a = call.argument(0);
        Expr b = call.argument(1);
        if (a instanceof Literal) {
            Expr t = a;
            a = b;
            b = t;
        }
        if (!(b instanceof Literal l) || l.isNull() || !l.type().isString()) {
            return Optional.empty();
        }
        Optional<ColumnReader.InPlaceString> inPlace = stringInPlace(a);
        if (inPlace.isEmpty()) {
            return Optional.empty();
        }
        JValue result = declare(Kind.BOOLEAN);
        line(result.isNull() + " = " + inPlace.get().isNull() + ";");
        open("if (!" + result.isNull() + ")");
        line(result.v() + " = " + (equal ? "" : "!") + memoryEquals(inPlace.get(), l) + ";");
        close();
        return Optional.of(result);
    }

    /**
     * {@code column LIKE 'pattern'} on a string column matched where it lies in Arrow memory, when
     * the pattern's shape allows (see {@link LikeMatcher#matchesInMemory}); empty, emitting nothing,
     * otherwise. Skips the heap copy of every value that matching a copy needs.
     */
    private Optional<JValue> likeInPlace(Call call) {
        Optional<LikeMatcher> matcher = Inline.likeMatcher(call);
        if (matcher.isEmpty() || !matcher.get().matchesInMemory()) {
            return Optional.empty();
        }
        Optional<ColumnReader.InPlaceString> inPlace = stringInPlace(call.argument(0));
        if (inPlace.isEmpty()) {
            return Optional.empty();
        }
        String m = cb.constant("LikeMatcher", matcher.get());
        JValue result = declare(Kind.BOOLEAN);
        line(result.isNull() + " = " + inPlace.get().isNull() + ";");
        open("if (!" + result.isNull() + ")");
        line(result.v() + " = " + m + ".matchesMemory(" + inPlace.get().address() + ", " + inPlace.get().length() + ");");
        close();
        return Optional.of(result);
    }

    /**
     * A string column read without copying, looking through casts that cannot change a string (to
     * VARCHAR or to a VARCHAR at least as long); empty, emitting nothing, for any other expression.
     */
    private Optional<ColumnReader.InPlaceString> stringInPlace(Expr e) {
        while (e instanceof Cast c && Inline.isIdentityStringCast(c.input().type(), c.type())) {
            e = c.input();
        }
        if (!(e instanceof ColumnRef c) || !c.type().isString()) {
            return Optional.empty();
        }
        return columns.readInPlace(c, body, indent);
    }

    private String memoryEquals(ColumnReader.InPlaceString value, Literal l) {
        byte[] constant = ((String) l.get()).getBytes(StandardCharsets.UTF_8);
        String bytes = cb.constant("byte[]", constant);
        String word = cb.constant("long", constant.length <= MemoryStrings.WORD_BYTES ? MemoryStrings.word(constant) : 0L);
        return "MemoryStrings.equals(" + value.address() + ", " + value.length() + ", " + bytes + ", " + word + ")";
    }

    private JValue concatWs(Call call) {
        List<JValue> args = new ArrayList<>();
        for (Expr a : call.arguments()) {
            args.add(gen(a, false));
        }
        String buffer = cb.instance("Utf8Buffer", "new Utf8Buffer()");
        JValue result = declare(Kind.STRING);
        JValue sep = args.get(0);
        open("if (!" + sep.isNull() + ")");
        line(buffer + ".clear();");
        String first = cb.fresh("first");
        line("boolean " + first + " = true;");
        for (JValue a : args.subList(1, args.size())) {
            open("if (!" + a.isNull() + ")");
            line("if (!" + first + ") { " + buffer + ".append(" + sep.arr() + ", " + sep.off() + ", " + sep.len() + "); }");
            line(buffer + ".append(" + a.arr() + ", " + a.off() + ", " + a.len() + ");");
            line(first + " = false;");
            close();
        }
        line(result.isNull() + " = false;");
        line(result.arr() + " = " + buffer + ".data;");
        line(result.off() + " = 0;");
        line(result.len() + " = " + buffer + ".length;");
        close();
        return result;
    }

    /** A strict function: every argument evaluated, NULL if any is NULL, else the inline body or the kernel. */
    private JValue strict(Call call) {
        List<JValue> args = new ArrayList<>();
        for (Expr a : call.arguments()) {
            args.add(gen(a, false));
        }
        JValue result = declare(Kind.of(call.type()));
        StringBuilder anyNull = new StringBuilder();
        for (JValue a : args) {
            anyNull.append(anyNull.length() == 0 ? "" : " || ").append(a.isNull());
        }
        line(result.isNull() + " = " + (anyNull.length() == 0 ? "false" : anyNull) + ";");
        open("if (!" + result.isNull() + ")");
        int position = call.function().canFail() ? call.position() : -1;
        tryOpen(position);
        if (!Inline.emit(call, args, result, this)) {
            bridge(Kernels.forCall(call), call.arguments(), args, result, call.type());
        }
        tryClose(position);
        close();
        return result;
    }

    private JValue cast(Cast c) {
        JValue x = gen(c.input(), false);
        JValue result = declare(Kind.of(c.type()));
        line(result.isNull() + " = " + x.isNull() + ";");
        open("if (!" + result.isNull() + ")");
        tryOpen(c.position());
        if (!Inline.emitCast(c, x, result, this)) {
            bridge(Kernels.forCast(c), List.of(c.input()), List.of(x), result, c.type());
        }
        tryClose(c.position());
        close();
        return result;
    }

    /** Calls the interpreter's kernel for one row: arguments into one-entry vectors, result out of one. */
    private void bridge(dev.quiver.exec.expr.Kernel kernel, List<Expr> argExprs, List<JValue> args, JValue result,
            DataType resultType) {
        String k = cb.constant("Kernel", kernel);
        String argVectors = cb.instance("ValueVector[]", "new ValueVector[" + args.size() + "]");
        for (int a = 0; a < args.size(); a++) {
            String type = cb.constant("DataType", argExprs.get(a).type());
            cb.constructorLine(argVectors + "[" + a + "] = new ValueVector(" + type + ", 1);");
        }
        String out = scratchVector(resultType);
        for (int a = 0; a < args.size(); a++) {
            store(argVectors + "[" + a + "]", args.get(a));
        }
        line(out + ".resetArena();");
        line(k + ".apply(" + argVectors + ", ZERO, 1, " + out + ");");
        load(result, out);
    }

    /** A per-instance one-entry vector of the type. */
    String scratchVector(DataType type) {
        String t = cb.constant("DataType", type);
        return cb.instance("ValueVector", "new ValueVector(" + t + ", 1)");
    }

    /** vector[0] := value (non-NULL). */
    void store(String vector, JValue x) {
        body.append(JValueCode.store(vector, x, indent));
    }

    /** result := vector[0]. */
    private void load(JValue result, String vector) {
        line(result.isNull() + " = " + vector + ".nulls[0];");
        switch (result.kind()) {
            case BOOLEAN -> line(result.v() + " = " + vector + ".longs[0] != 0;");
            case LONG -> line(result.v() + " = " + vector + ".longs[0];");
            case DOUBLE -> line(result.v() + " = " + vector + ".doubles[0];");
            case INT128 -> {
                line(result.v() + " = " + vector + ".longs[0];");
                line(result.hi() + " = " + vector + ".highs[0];");
            }
            case STRING -> {
                line(result.arr() + " = " + vector + ".bytes;");
                line(result.off() + " = " + vector + ".offsets[0];");
                line(result.len() + " = " + vector + ".lengths[0];");
            }
            case INTERVAL -> {
                line(result.months() + " = " + vector + ".months[0];");
                line(result.days() + " = " + vector + ".days[0];");
                line(result.v() + " = " + vector + ".longs[0];");
            }
        }
    }

    /** A Java boolean expression: a = b for two non-NULL values of one kind (as ValueComparisons.equal). */
    static String equal(JValue a, JValue b) {
        return switch (a.kind()) {
            case BOOLEAN, LONG -> "(" + a.v() + " == " + b.v() + ")";
            case DOUBLE -> "(Arithmetic.compareDouble(" + a.v() + ", " + b.v() + ") == 0)";
            case INT128 -> "(" + a.v() + " == " + b.v() + " && " + a.hi() + " == " + b.hi() + ")";
            case STRING -> "Strings.equals(" + a.arr() + ", " + a.off() + ", " + a.len() + ", " + b.arr() + ", " + b.off() + ", "
                    + b.len() + ")";
            case INTERVAL -> "(DateTimeFunctions.compareInterval(" + a.months() + ", " + a.days() + ", " + a.v() + ", " + b.months()
                    + ", " + b.days() + ", " + b.v() + ") == 0)";
        };
    }

    /** A Java int expression: the order of two non-NULL values of one kind (as ValueComparisons.compare). */
    static String compare(JValue a, JValue b) {
        return switch (a.kind()) {
            case BOOLEAN -> "Boolean.compare(" + a.v() + ", " + b.v() + ")";
            case LONG -> "Long.compare(" + a.v() + ", " + b.v() + ")";
            case DOUBLE -> "Arithmetic.compareDouble(" + a.v() + ", " + b.v() + ")";
            case INT128 -> "Int128.compare(" + a.hi() + ", " + a.v() + ", " + b.hi() + ", " + b.v() + ")";
            case STRING -> "Strings.compare(" + a.arr() + ", " + a.off() + ", " + a.len() + ", " + b.arr() + ", " + b.off() + ", "
                    + b.len() + ")";
            case INTERVAL -> "DateTimeFunctions.compareInterval(" + a.months() + ", " + a.days() + ", " + a.v() + ", " + b.months()
                    + ", " + b.days() + ", " + b.v() + ")";
        };
    }

    // ------------------------------------------------------------------ for Inline

    void emit(String statement) {
        line(statement);
    }

    String constant(String javaType, Object value) {
        return cb.constant(javaType, value);
    }

    String instance(String javaType, String initializer) {
        return cb.instance(javaType, initializer);
    }

    String fresh(String prefix) {
        return cb.fresh(prefix);
    }
}
