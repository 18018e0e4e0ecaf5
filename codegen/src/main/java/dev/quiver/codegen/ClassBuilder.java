package dev.quiver.codegen;

import java.util.ArrayList;
import java.util.List;

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
    private final List<StringBuilder> methods = new ArrayList<>();
    private int names;

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

    /** A per-instance object created in the constructor (scratch state must not be shared between threads). */
    String instance(String javaType, String initializer) {
        String name = fresh("o");
        field("private " + javaType + " " + name + ";");
        constructorLine(name + " = " + initializer + ";");
        return name;
    }

    void field(String declaration) {
        fields.append("    ").append(declaration).append('\n');
    }

    void constructorLine(String statement) {
        constructor.add(statement);
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

    String source(String className, String pushMethod) {
        StringBuilder s = new StringBuilder();
        s.append("package dev.quiver.codegen.generated;\n\n");
        for (String imp : IMPORTS) {
            s.append("import ").append(imp).append(";\n");
        }
        s.append("\npublic final class ").append(className).append(" extends CompiledDriver {\n");
        s.append(fields).append('\n');
        s.append("    public ").append(className).append("(Object[] constants, LocalSink local, QueryContext context) {\n");
        s.append("        super(constants, local, context);\n");
        int chunks = (constructor.size() + INIT_CHUNK - 1) / INIT_CHUNK;
        for (int c = 0; c < chunks; c++) {
            s.append("        init").append(c).append("();\n");
        }
        s.append("    }\n\n");
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
            "dev.quiver.codegen.runtime.ColumnWriter", "dev.quiver.codegen.runtime.CompiledDriver",
            "dev.quiver.codegen.runtime.Errors", "dev.quiver.exec.aggregate.*", "dev.quiver.exec.batch.Batch",
            "dev.quiver.exec.expr.ConstantSet", "dev.quiver.exec.expr.Kernel", "dev.quiver.exec.function.*",
            "dev.quiver.exec.operator.HashAggregateSink", "dev.quiver.exec.operator.HashJoinBuildSink",
            "dev.quiver.exec.operator.HashJoinTable", "dev.quiver.exec.pipeline.LocalSink",
            "dev.quiver.exec.pipeline.QueryContext", "dev.quiver.exec.vector.ValueComparisons", "dev.quiver.exec.vector.ValueVector",
            "dev.quiver.planner.type.DataType", "org.apache.arrow.memory.util.MemoryUtil",
            "org.apache.arrow.vector.FieldVector");
}
