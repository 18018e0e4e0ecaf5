package dev.quiver.codegen;

import dev.quiver.exec.vector.Kind;
import dev.quiver.planner.type.DataType;

/**
 * A heap column ({@link dev.quiver.exec.vector.ValueVector}) that generated code reads at any row,
 * such as a hash-join build table's columns and keys: the arrays its kind uses are hoisted into
 * fields when the driver is constructed, so the column must not grow afterwards. Strings are read
 * in place, as a range of the column's arena.
 */
final class HeapColumn {
    private final ClassBuilder cb;
    private final Kind kind;
    private final String nulls;
    /** {@code longs} (BOOLEAN, LONG, INT128 low words, INTERVAL micros) or {@code doubles} (DOUBLE). */
    private final String values;
    private final String highs;
    private final String bytes;
    private final String offsets;
    private final String lengths;
    private final String months;
    private final String days;

    /** The column {@code vector} (a Java expression valid in the constructor) evaluates to, of the type. */
    HeapColumn(ClassBuilder cb, String vector, DataType type) {
        this.cb = cb;
        this.kind = Kind.of(type);
        nulls = cb.instance("boolean[]", vector + ".nulls");
        values = switch (kind) {
            case DOUBLE -> cb.instance("double[]", vector + ".doubles");
            case STRING -> null;
            default -> cb.instance("long[]", vector + ".longs");
        };
        highs = kind == Kind.INT128 ? cb.instance("long[]", vector + ".highs") : null;
        bytes = kind == Kind.STRING ? cb.instance("byte[]", vector + ".bytes") : null;
        offsets = kind == Kind.STRING ? cb.instance("int[]", vector + ".offsets") : null;
        lengths = kind == Kind.STRING ? cb.instance("int[]", vector + ".lengths") : null;
        months = kind == Kind.INTERVAL ? cb.instance("int[]", vector + ".months") : null;
        days = kind == Kind.INTERVAL ? cb.instance("int[]", vector + ".days") : null;
    }

    /** The value at {@code row} (a Java int expression) as array-element expressions. */
    JValue at(String row) {
        String n = nulls + "[" + row + "]";
        return switch (kind) {
            case BOOLEAN -> JValue.simple(kind, n, "(" + values + "[" + row + "] != 0L)");
            case LONG, DOUBLE -> JValue.simple(kind, n, values + "[" + row + "]");
            case INT128 -> JValue.wide(n, highs + "[" + row + "]", values + "[" + row + "]");
            case STRING -> JValue.string(n, bytes, offsets + "[" + row + "]", lengths + "[" + row + "]");
            case INTERVAL -> JValue.interval(n, months + "[" + row + "]", days + "[" + row + "]", values + "[" + row + "]");
        };
    }

    /**
     * An int expression reading every array of the column at {@code row} (a string's offset and
     * length, not its bytes): what the values' reads will need, brought into the cache.
     */
    String touch(String row) {
        String n = "(" + nulls + "[" + row + "] ? 1 : 0)";
        return switch (kind) {
            case BOOLEAN, LONG, DOUBLE -> n + " + (int) " + values + "[" + row + "]";
            case INT128 -> n + " + (int) " + values + "[" + row + "] + (int) " + highs + "[" + row + "]";
            case STRING -> n + " + " + offsets + "[" + row + "] + " + lengths + "[" + row + "]";
            case INTERVAL -> n + " + (int) " + values + "[" + row + "] + " + months + "[" + row + "] + " + days + "[" + row + "]";
        };
    }

    /** Emits statements reading the value at {@code row} into fresh locals. */
    JValue read(String row, StringBuilder body, String indent) {
        return JValueCode.locals(cb, at(row), body, indent);
    }
}
