package dev.quiver.codegen;

import dev.quiver.exec.vector.Kind;

/** The Java text that moves a {@link JValue} around, per kind: into fields, between values, in and out of one-entry vectors. */
final class JValueCode {
    private JValueCode() {
    }

    /** Declares instance fields able to hold a value of the kind (NULL flag plus components). */
    static JValue declareFields(ClassBuilder cb, Kind kind) {
        String n = cb.fresh("fn");
        cb.field("private boolean " + n + ";");
        return switch (kind) {
            case INT128 -> {
                String lo = cb.fresh("fv");
                String hi = cb.fresh("fh");
                cb.field("private long " + lo + ";");
                cb.field("private long " + hi + ";");
                yield JValue.wide(n, hi, lo);
            }
            case STRING -> {
                String arr = cb.fresh("fa");
                String off = cb.fresh("fo");
                String len = cb.fresh("fl");
                cb.field("private byte[] " + arr + " = EMPTY_BYTES;");
                cb.field("private int " + off + ";");
                cb.field("private int " + len + ";");
                yield JValue.string(n, arr, off, len);
            }
            case INTERVAL -> {
                String mo = cb.fresh("fm");
                String dy = cb.fresh("fd");
                String us = cb.fresh("fu");
                cb.field("private int " + mo + ";");
                cb.field("private int " + dy + ";");
                cb.field("private long " + us + ";");
                yield JValue.interval(n, mo, dy, us);
            }
            default -> {
                String v = cb.fresh("fv");
                cb.field("private " + JValue.javaType(kind) + " " + v + ";");
                yield JValue.simple(kind, n, v);
            }
        };
    }

    /** Statements {@code target := source}: the NULL flag and every component of the kind. */
    static String assign(JValue target, JValue source, String indent) {
        StringBuilder s = new StringBuilder();
        line(s, indent, target.isNull() + " = " + source.isNull() + ";");
        switch (target.kind()) {
            case INT128 -> {
                line(s, indent, target.v() + " = " + source.v() + ";");
                line(s, indent, target.hi() + " = " + source.hi() + ";");
            }
            case STRING -> {
                line(s, indent, target.arr() + " = " + source.arr() + ";");
                line(s, indent, target.off() + " = " + source.off() + ";");
                line(s, indent, target.len() + " = " + source.len() + ";");
            }
            case INTERVAL -> {
                line(s, indent, target.months() + " = " + source.months() + ";");
                line(s, indent, target.days() + " = " + source.days() + ";");
                line(s, indent, target.v() + " = " + source.v() + ";");
            }
            default -> line(s, indent, target.v() + " = " + source.v() + ";");
        }
        return s.toString();
    }

    /**
     * Declares fresh locals (in {@code body}) holding {@code source}'s NULL flag and components,
     * so that later reads see the value as it was here.
     */
    static JValue locals(ClassBuilder cb, JValue source, StringBuilder body, String indent) {
        String n = cb.fresh("n");
        line(body, indent, "boolean " + n + " = " + source.isNull() + ";");
        switch (source.kind()) {
            case INT128 -> {
                String lo = cb.fresh("v");
                String hi = cb.fresh("h");
                line(body, indent, "long " + lo + " = " + source.v() + ";");
                line(body, indent, "long " + hi + " = " + source.hi() + ";");
                return JValue.wide(n, hi, lo);
            }
            case STRING -> {
                String arr = cb.fresh("a");
                String off = cb.fresh("o");
                String len = cb.fresh("l");
                line(body, indent, "byte[] " + arr + " = " + source.arr() + ";");
                line(body, indent, "int " + off + " = " + source.off() + ";");
                line(body, indent, "int " + len + " = " + source.len() + ";");
                return JValue.string(n, arr, off, len);
            }
            case INTERVAL -> {
                String mo = cb.fresh("mo");
                String dy = cb.fresh("dy");
                String us = cb.fresh("us");
                line(body, indent, "int " + mo + " = " + source.months() + ";");
                line(body, indent, "int " + dy + " = " + source.days() + ";");
                line(body, indent, "long " + us + " = " + source.v() + ";");
                return JValue.interval(n, mo, dy, us);
            }
            default -> {
                String v = cb.fresh("v");
                line(body, indent, JValue.javaType(source.kind()) + " " + v + " = " + source.v() + ";");
                return JValue.simple(source.kind(), n, v);
            }
        }
    }

    /**
     * A Java long expression: the hash of non-NULL {@code v} as {@link
     * dev.quiver.exec.vector.ValueComparisons#hash} computes it, for every kind but INTERVAL (whose
     * normalization generated code leaves to that method).
     */
    static String hash(JValue v) {
        return switch (v.kind()) {
            case BOOLEAN -> "Hashing.hashLong(" + v.v() + " ? 1L : 0L)";
            case LONG -> "Hashing.hashLong(" + v.v() + ")";
            case DOUBLE -> "Hashing.hashDouble(" + v.v() + ")";
            case INT128 -> "Hashing.hash128(" + v.hi() + ", " + v.v() + ")";
            case STRING -> "Hashing.hashBytes(" + v.arr() + ", " + v.off() + ", " + v.len() + ")";
            case INTERVAL -> throw new IllegalStateException("no inline hash for " + v.kind());
        };
    }

    /** Statements {@code vector[0] := x} for a non-NULL x. */
    static String store(String vector, JValue x, String indent) {
        StringBuilder s = new StringBuilder();
        line(s, indent, vector + ".nulls[0] = false;");
        switch (x.kind()) {
            case BOOLEAN -> line(s, indent, vector + ".longs[0] = " + x.v() + " ? 1L : 0L;");
            case LONG -> line(s, indent, vector + ".longs[0] = " + x.v() + ";");
            case DOUBLE -> line(s, indent, vector + ".doubles[0] = " + x.v() + ";");
            case INT128 -> {
                line(s, indent, vector + ".longs[0] = " + x.v() + ";");
                line(s, indent, vector + ".highs[0] = " + x.hi() + ";");
            }
            case STRING -> {
                line(s, indent, vector + ".resetArena();");
                line(s, indent, vector + ".setString(0, " + x.arr() + ", " + x.off() + ", " + x.len() + ");");
            }
            case INTERVAL -> {
                line(s, indent, vector + ".months[0] = " + x.months() + ";");
                line(s, indent, vector + ".days[0] = " + x.days() + ";");
                line(s, indent, vector + ".longs[0] = " + x.v() + ";");
            }
        }
        return s.toString();
    }

    /** Statements {@code vector[0] := x}, NULL included. */
    static String storeNullable(String vector, JValue x, String indent) {
        return indent + "if (" + x.isNull() + ") {\n" + indent + "    " + vector + ".nulls[0] = true;\n" + indent + "} else {\n"
                + store(vector, x, indent + "    ") + indent + "}\n";
    }

    static void line(StringBuilder s, String indent, String text) {
        s.append(indent).append(text).append('\n');
    }
}
