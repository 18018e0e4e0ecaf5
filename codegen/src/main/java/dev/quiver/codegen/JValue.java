package dev.quiver.codegen;

import dev.quiver.exec.vector.Kind;

/**
 * A value computed by generated code: Java expressions (usually local or field names) for its NULL
 * flag and its components. Which components are used depends on the kind: BOOLEAN {@code v}
 * (boolean); LONG {@code v} (long); DOUBLE {@code v} (double); INT128 {@code hi}, {@code v} (low);
 * STRING {@code arr}, {@code off}, {@code len}; INTERVAL {@code months}, {@code days}, {@code v}
 * (micros).
 */
record JValue(Kind kind, String isNull, String v, String hi, String arr, String off, String len, String months, String days) {
    static JValue simple(Kind kind, String isNull, String v) {
        return new JValue(kind, isNull, v, "0L", "EMPTY_BYTES", "0", "0", "0", "0");
    }

    static JValue wide(String isNull, String hi, String lo) {
        return new JValue(Kind.INT128, isNull, lo, hi, "EMPTY_BYTES", "0", "0", "0", "0");
    }

    static JValue string(String isNull, String arr, String off, String len) {
        return new JValue(Kind.STRING, isNull, "0L", "0L", arr, off, len, "0", "0");
    }

    static JValue interval(String isNull, String months, String days, String micros) {
        return new JValue(Kind.INTERVAL, isNull, micros, "0L", "EMPTY_BYTES", "0", "0", months, days);
    }

    /** The Java type of the main component. */
    static String javaType(Kind kind) {
        return switch (kind) {
            case BOOLEAN -> "boolean";
            case DOUBLE -> "double";
            default -> "long";
        };
    }

    static String zero(Kind kind) {
        return switch (kind) {
            case BOOLEAN -> "false";
            case DOUBLE -> "0.0";
            default -> "0L";
        };
    }
}
