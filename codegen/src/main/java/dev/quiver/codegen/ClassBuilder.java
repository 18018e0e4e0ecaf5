package dev.quiver.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Accumulates a generated class: hoisted constants (passed to the constructor, never written into
 * the source), field declarations, constructor statements and methods. Names are numbered in the
 * order code is generated, so the same pipeline shape always yields the same source text.
 */
final class ClassBuilder {
    private final List<Object> constants = new ArrayList<>();
    private final StringBuilder fields = new StringBuilder();
    /** Statements run at construction, emitted in {@link #INIT_CHUNK}-statement methods to keep each one small. */
    private final List<String> constructor = new ArrayList<>();
    /** Initialization statements per generated init method: ~20 bytes each keeps a method near 4 KB. */
    static final int INIT_CHUNK = 200;
    /**
     * Statements (or boolean terms) per method when {@link #statements}, {@link #fold} or {@link
     * #chain} split a sequence: the largest units split so are ~100 bytes of bytecode (a nullable
     * string key stored or compared, a string column bound), so a method stays near 3 KB, the size
     * {@link ExpressionGenerator#SPLIT_THRESHOLD} aims at, far below the 8,000-byte JIT limit.
     */
    static final int STATEMENTS_PER_METHOD = 32;
    /** Statements each push runs first, before it reads the batch ({@link #batchStartLine}). */
    private final List<String> batchStart = new ArrayList<>();
    private boolean batchStartTaken;
    private final List<StringBuilder> methods = new ArrayList<>();
    private int names;
    private int fieldCount;
    /** Methods {@link #source} wrote besides those of {@link #method}: the constructor, init methods, the push method. */
    private int otherMethods;

    String fresh(String prefix) {
        return prefix + (names++);
    }

    /** Hoists a constant; returns the name of a field of {@code javaType} holding it (set once, at construction). */
    String constant(String javaType, Object value) {
        int index = constants.size();
        constants.add(value);
        String name = "k" + index;
        String boxed = switch (javaType) {
            case "long" -> "((Long) constants[" + index + "]).longValue()";
            case "int" -> "((Integer) constants[" + index + "]).intValue()";
            case "double" -> "((Double) constants[" + index + "]).doubleValue()";
            case "boolean" -> "((Boolean) constants[" + index + "]).booleanValue()";
            default -> "(" + javaType + ") constants[" + index + "]";
        };
        field("private " + javaType + " " + name + ";");
        constructorLine(name + " = " + boxed + ";");
        return name;
    }

    /**
     * Hoists a constant only the constructor reads (such as a column's type or name): returns a Java
     * expression of {@code javaType} valid in constructor statements, and declares no field.
     */
    String constructorConstant(String javaType, Object value) {
        int index = constants.size();
        constants.add(value);
        return "((" + javaType + ") constants[" + index + "])";
    }

    /** A per-instance object created in the constructor (scratch state must not be shared between threads). */
    String instance(String javaType, String initializer) {
        String name = fresh("o");
        field("private " + javaType + " " + name + ";");
        constructorLine(name + " = " + initializer + ";");
        return name;
    }

    void field(String declaration) {
        fieldCount++;
        fields.append("    ").append(declaration).append('\n');
    }

    void constructorLine(String statement) {
        constructor.add(statement);
    }

    /**
     * The statements of a method body with the given parameters, to run in order: returned as they
     * are when there are at most {@link #STATEMENTS_PER_METHOD}, otherwise moved, in runs of that
     * many, into new methods {@code void prefix<n>(parameters)} and replaced by calls to them
     * (passing {@code arguments}), split again while the calls are too many. Either way the result
     * runs the same statements in the same order. This keeps a method whose body grows with the
     * number of columns, keys or aggregates below the JIT limit.
     *
     * <p>A statement (a unit) may span several lines, written from column 0; it may declare locals
     * only it reads, may read the method's parameters and fields, and must not {@code return},
     * {@code break} or {@code continue}.
     */
    List<String> statements(String prefix, String parameters, String arguments, List<String> statements) {
        return split(statements, run -> {
            String name = fresh(prefix);
            StringBuilder m = method();
            m.append("    private void ").append(name).append("(").append(parameters).append(") {\n");
            for (String unit : run) {
                m.append(indent(unit, "        "));
            }
            m.append("    }\n");
            return name + "(" + arguments + ");";
        });
    }

    /**
     * Statements that each update local {@code variable} of {@code javaType} (such as a hash
     * combined key by key), run in order: returned as they are when few, otherwise moved, in runs of
     * {@link #STATEMENTS_PER_METHOD}, into methods {@code javaType prefix<n>(javaType variable)}
     * that return the updated value, and replaced by {@code variable = prefix<n>(variable);}. Units
     * read only {@code variable} and fields, and are otherwise as for {@link #statements}.
     */
    List<String> fold(String prefix, String javaType, String variable, List<String> statements) {
        return split(statements, run -> {
            String name = fresh(prefix);
            StringBuilder m = method();
            m.append("    private ").append(javaType).append(' ').append(name).append("(").append(javaType).append(' ').append(variable)
                    .append(") {\n");
            for (String unit : run) {
                m.append(indent(unit, "        "));
            }
            m.append("        return ").append(variable).append(";\n");
            m.append("    }\n");
            return variable + " = " + name + "(" + variable + ");";
        });
    }

    /**
     * Boolean terms whose chain with {@code operator} ({@code "&&"} or {@code "||"}) means what the
     * chain of {@code terms} means, evaluating the same terms in the same order and stopping at the
     * same one: the terms themselves when few, otherwise runs of {@link #STATEMENTS_PER_METHOD}
     * moved into methods {@code boolean prefix<n>(parameters)} returning their chain, and replaced
     * by calls passing {@code arguments}. Terms read only the parameters and fields.
     */
    List<String> chain(String prefix, String operator, String parameters, String arguments, List<String> terms) {
        return split(terms, run -> {
            String name = fresh(prefix);
            StringBuilder m = method();
            m.append("    private boolean ").append(name).append("(").append(parameters).append(") {\n");
            m.append("        return ").append(String.join("\n                " + operator + " ", run)).append(";\n");
            m.append("    }\n");
            return name + "(" + arguments + ")";
        });
    }

    /**
     * While there are more than {@link #STATEMENTS_PER_METHOD} units, replaces each run of that many
     * by the one unit {@code method} returns for it (having generated a method holding the run).
     */
    private static List<String> split(List<String> units, Function<List<String>, String> method) {
        List<String> current = units;
        while (current.size() > STATEMENTS_PER_METHOD) {
            List<String> replaced = new ArrayList<>();
            for (int from = 0; from < current.size(); from += STATEMENTS_PER_METHOD) {
                replaced.add(method.apply(current.subList(from, Math.min(current.size(), from + STATEMENTS_PER_METHOD))));
            }
            current = replaced;
        }
        return current;
    }

    /** {@code code} (lines written from column 0) with every line indented by {@code indent}. */
    static String indent(String code, String indent) {
        StringBuilder s = new StringBuilder();
        for (String line : code.split("\n")) {
            s.append(indent).append(line).append('\n');
        }
        return s.toString();
    }

    /** Adds a statement each push runs first; only before the push is written ({@link #batchStartMethod}). */
    void batchStartLine(String statement) {
        if (batchStartTaken) {
            throw new IllegalStateException("batch-start statement added after the push was written: " + statement);
        }
        batchStart.add(statement);
    }

    /**
     * The method running the batch-start statements ({@link #batchStartMethod}): each push calls it
     * first, and so does a finish that pushes held-back rows through the stages, since those rows
     * are a batch too (a group an aggregation remembered may be gone: a full table spills between
     * batches). Not a {@link #fresh} name, so no other member takes it.
     */
    static final String BATCH_START_METHOD = "startBatch";

    /**
     * Writes {@link #BATCH_START_METHOD} with the statements each push runs first (none may be
     * added afterwards); returns the statement calling it. Called once per class.
     */
    String batchStartMethod() {
        batchStartTaken = true;
        StringBuilder m = method();
        m.append("    private void ").append(BATCH_START_METHOD).append("() {\n");
        for (String statement : batchStart) {
            m.append("        ").append(statement).append('\n');
        }
        m.append("    }\n");
        return BATCH_START_METHOD + "();";
    }

    /** Starts a new method; returns its body builder (the caller writes the whole method text). */
    StringBuilder method() {
        StringBuilder m = new StringBuilder();
        methods.add(m);
        return m;
    }

    List<Object> constants() {
        return constants;
    }

    /** Fields and methods the class declares; complete once {@link #source} has been called. */
    int members() {
        return fieldCount + methods.size() + otherMethods;
    }

    String source(String className, String pushMethod) {
        StringBuilder s = new StringBuilder();
        s.append("package dev.quiver.codegen.generated;\n\n");
        for (String imp : IMPORTS) {
            s.append("import ").append(imp).append(";\n");
        }
        s.append("\npublic final class ").append(className).append(" extends CompiledDriver {\n");
        s.append(fields).append('\n');
        s.append("    public ").append(className).append("(Object[] constants, LocalSink local, QueryContext context, DriverOptions options) {\n");
        s.append("        super(constants, local, context, options);\n");
        int chunks = (constructor.size() + INIT_CHUNK - 1) / INIT_CHUNK;
        List<String> inits = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            inits.add("init" + c + "();");
        }
        for (String call : statements("initAll", "", "", inits)) {
            s.append("        ").append(call).append('\n');
        }
        s.append("    }\n\n");
        otherMethods = 2 + chunks;
        for (int c = 0; c < chunks; c++) {
            s.append("    private void init").append(c).append("() {\n");
            for (String statement : constructor.subList(c * INIT_CHUNK, Math.min(constructor.size(), (c + 1) * INIT_CHUNK))) {
                s.append("        ").append(statement).append('\n');
            }
            s.append("    }\n\n");
        }
        s.append(pushMethod).append('\n');
        for (StringBuilder m : methods) {
            s.append(m).append('\n');
        }
        s.append("}\n");
        return s.toString();
    }

    private static final List<String> IMPORTS = List.of(
            "dev.quiver.codegen.runtime.ColumnWriter", "dev.quiver.codegen.runtime.CompiledDriver", "dev.quiver.codegen.runtime.DriverOptions",
            "dev.quiver.codegen.runtime.Errors", "dev.quiver.codegen.runtime.JoinFilterGate", "dev.quiver.codegen.runtime.MemoryStrings",
            "dev.quiver.exec.aggregate.*", "dev.quiver.exec.batch.Batch",
            "dev.quiver.exec.expr.ConstantSet", "dev.quiver.exec.expr.Kernel", "dev.quiver.exec.function.*",
            "dev.quiver.exec.operator.HashAggregateSink", "dev.quiver.exec.operator.HashJoinBuildSink",
            "dev.quiver.exec.operator.HashJoinTable", "dev.quiver.exec.pipeline.LocalSink",
            "dev.quiver.exec.pipeline.QueryContext", "dev.quiver.exec.vector.OffHeapCopy",
            "dev.quiver.exec.vector.ValueComparisons", "dev.quiver.exec.vector.ValueVector",
            "dev.quiver.planner.type.DataType", "org.apache.arrow.memory.util.MemoryUtil",
            "org.apache.arrow.vector.FieldVector");
}
